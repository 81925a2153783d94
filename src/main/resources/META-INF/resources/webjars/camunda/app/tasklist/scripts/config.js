/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Tasklist takes the browser's first preferred language (navigator.languages[0]), keeps the part
  // before the first "-" and lower-cases it ("zh-CN", "zh-TW", "zh" -> "zh"; "en-US" -> "en"). If that
  // is in availableLocales it loads app/tasklist/locales/<code>.json, otherwise fallbackLocale.
  // Entries must therefore be plain lower-case language codes ("zh", never "zh-CN").
  locales: {
    availableLocales: ['zh', 'en', 'de'],
    fallbackLocale: 'en'
  },
  // Puts moment.js (relative dates, date formats) on the language the labels use: without it, dates
  // randomly stay English when the zh and en locale files load in parallel (see the script).
  // form-js-locale: Camunda Forms' own texts (validation messages, "Select", "Add new", the calendar) in the
  // user's language, patterns said in words, and typed dates read strictly (see the script for why a script).
  // case-brief-links: a form's link to the case brief opens in a new tab, the form keeps what was typed.
  // case-documents: a form's link to the case's documents opens in a new tab; after an upload there, the form is saved
  // and shown again with the new document to pick (see the script for why a reload).
  customScripts: ['scripts/moment-locale-sync', 'scripts/form-js-locale', 'scripts/case-brief-links', 'scripts/case-documents',
    'scripts/desk-link'],
  //
  // Note: the red "migrate to Camunda 8" bar (BANNER_CE_EOL_TEXT) has no switch in this file in 7.24:
  // the header widget sets isCommunityEdition = true unconditionally.
  //
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // No first-visit box pointing to Camunda's own welcome page: our users start from Tasklist, and the
  // box's probe (GET /camunda-welcome) is a 404 error in every login page's console.
  disableWelcomeMessage: true,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
