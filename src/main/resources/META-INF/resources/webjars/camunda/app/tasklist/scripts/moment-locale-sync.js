/*
 * Tasklist custom script (loaded through `customScripts: ['scripts/moment-locale-sync']` in config.js).
 *
 * Why: each locale file carries "dateLocales" for moment.js, and Tasklist's locale loader calls
 * moment.defineLocale()/updateLocale() for every file it loads. Both also switch moment's GLOBAL locale.
 * With a preferred language other than the fallback (zh + fallback en), two files load in parallel and
 * whichever arrives last wins: the labels are Chinese but relative dates ("in 6 days", "a few seconds
 * ago") and date tooltips randomly stay English. This script puts moment back on the language that
 * angular-translate actually uses after every locale file has loaded. It changes nothing when the
 * preferred language is the fallback (e.g. en-US browsers).
 */
const angular = window.angular;

if (angular) {
  angular.module('cam.tasklist').run([
    '$rootScope',
    '$translate',
    '$injector',
    function($rootScope, $translate, $injector) {
      if (!$injector.has('moment')) {
        return;
      }
      const moment = $injector.get('moment');
      const amMoment = $injector.has('amMoment') ? $injector.get('amMoment') : null;

      function sync() {
        const lang = $translate.use();
        if (!lang || moment.locales().indexOf(lang) < 0 || moment.locale() === lang) {
          return;
        }
        if (amMoment) {
          amMoment.changeLocale(lang); // also re-renders am-time-ago elements
        } else {
          moment.locale(lang);
        }
      }

      $rootScope.$on('$translateChangeSuccess', sync);
      $rootScope.$on('$translateLoadingEnd', sync);
    }
  ]);
}

// no default export: this script only configures the application, it adds no plugin
export {};
