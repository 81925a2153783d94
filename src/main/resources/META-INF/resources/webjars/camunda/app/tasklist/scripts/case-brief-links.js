/*
 * Tasklist custom script (loaded through `customScripts: [..., 'scripts/case-brief-links']` in config.js).
 *
 * Why: a form's markdown link (form-js text component) has no way to say "new tab", and following it in
 * Tasklist's own tab replaces the task form, losing what was typed. The case brief (/cases/{key}/brief) is
 * read beside the form: a click on a link to it, in any form, opens it in a new tab (rel=noopener, so the
 * page cannot reach back into Tasklist). The target is set as the click begins, before the browser follows
 * the link, so every way of following it (click, keyboard, middle click) behaves the same.
 */
const BRIEF = /^\/cases\/[^/]+\/brief$/;

function briefLink(node) {
  const link = node && node.closest ? node.closest('.fjs-container a[href]') : null;
  if (!link) {
    return null;
  }
  const url = new URL(link.getAttribute('href'), window.location.href);
  return url.origin === window.location.origin && BRIEF.test(url.pathname) ? link : null;
}

function openInNewTab(event) {
  const link = briefLink(event.target);
  if (link) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
  }
}

['click', 'auxclick', 'keydown'].forEach(type => document.addEventListener(type, openInNewTab, true));

// no default export: this script only adapts the forms' links, it adds no plugin
export {};
