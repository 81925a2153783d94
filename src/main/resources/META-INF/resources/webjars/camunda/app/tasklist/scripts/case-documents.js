/*
 * Tasklist custom script (loaded through `customScripts: [..., 'scripts/case-documents']` in config.js): documents
 * are uploaded and picked without losing the half-filled form (issue 18 item 8).
 *
 * 1. A form's link to the case's documents page (/cases/{key}/documents) opens in a new tab (rel=noopener), as the
 *    case brief's does (scripts/case-brief-links.js): following it in Tasklist's own tab replaced the form.
 * 2. When a document is filed there, the page tells this tab (BroadcastChannel "credit-diligence-documents", sent
 *    by /documents/documents.js). If the open form is that case's, this script has Tasklist save the form (its own
 *    «保存 Save» button: Tasklist keeps the form's values in the browser's localStorage, under the task) and then
 *    reloads Tasklist on the same task. Tasklist opens a form with the task's variables, which now list the new
 *    document (CaseDocuments sets `caseDocuments`), overlaid with the values saved: what was typed is there again,
 *    and the new document can be ticked. A note above the form says what happened.
 *
 * Why a reload and not the options refreshed in place: Tasklist 7.24 creates the form-js viewer inside its form
 * directive (`new Form({container})`, a local variable of the directive, no events, no handle on the page), and
 * form-js reads a checklist's options (`valuesKey`) from the data given to importSchema only; nothing outside
 * the directive can reach the form to import new data, and re-rendering the form is what Tasklist itself does when
 * it opens a task. Saving first is Tasklist's own way of keeping a form's input across reopening it.
 */
const DOCUMENTS = /^\/cases\/([^/]+)\/documents$/;
const CHANNEL = 'credit-diligence-documents';
const NOTE = 'credit-diligence-documents-refreshed';
const language = (((navigator.languages && navigator.languages[0]) || navigator.language || 'en').split('-')[0] || 'en')
  .toLowerCase();

function documentsLink(node) {
  const link = node && node.closest ? node.closest('.fjs-container a[href]') : null;
  if (!link) {
    return null;
  }
  const url = new URL(link.getAttribute('href'), window.location.href);
  return url.origin === window.location.origin && DOCUMENTS.test(url.pathname) ? link : null;
}

function openInNewTab(event) {
  const link = documentsLink(event.target);
  if (link) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
  }
}

['click', 'auxclick', 'keydown'].forEach(type => document.addEventListener(type, openInNewTab, true));

/** The case whose documents the open task form links to, if any. */
function caseOfOpenForm() {
  for (const link of document.querySelectorAll('.task-details .fjs-container a[href]')) {
    const match = DOCUMENTS.exec(new URL(link.getAttribute('href'), window.location.href).pathname);
    if (match) {
      return decodeURIComponent(match[1]);
    }
  }
  return null;
}

/** Tasklist's «保存 Save» of the open task form: enabled only while the form has unsaved changes. */
function saveButton() {
  return document.querySelector('.task-details .form-actions button[ng-click^="save"]');
}

function waitUntil(condition, timeoutMs) {
  return new Promise(resolve => {
    const started = Date.now();
    const poll = () => {
      if (condition() || Date.now() - started > timeoutMs) {
        resolve(condition());
      } else {
        setTimeout(poll, 50);
      }
    };
    poll();
  });
}

async function refreshForm(message) {
  const save = saveButton();
  if (save && !save.disabled) {
    save.click();
    const saved = await waitUntil(() => saveButton() && saveButton().disabled, 5000);
    if (!saved) {
      return; // not saved: reloading would lose what was typed, so the form stays as it is
    }
  }
  sessionStorage.setItem(NOTE, JSON.stringify({fileName: message.fileName || '', at: Date.now()}));
  window.location.reload();
}

if (typeof BroadcastChannel !== 'undefined') {
  new BroadcastChannel(CHANNEL).addEventListener('message', event => {
    const message = event.data || {};
    if (message.type === 'document-filed' && message.caseKey && message.caseKey === caseOfOpenForm()) {
      refreshForm(message);
    }
  });
}

/**
 * After the reload: a note above the form. Tasklist may draw the task's view more than once while it settles, so the
 * note is put back while it is recent (a minute), then forgotten.
 */
function showNote() {
  const kept = sessionStorage.getItem(NOTE);
  if (!kept) {
    return;
  }
  const {fileName = '', at = 0} = JSON.parse(kept);
  if (Date.now() - at > 60000) {
    sessionStorage.removeItem(NOTE);
    return;
  }
  const container = document.querySelector('.task-details .fjs-container');
  if (!container || !container.querySelector('.fjs-form-field')
      || (container.previousElementSibling && container.previousElementSibling.classList.contains('cd-documents-refreshed'))) {
    return;
  }
  const name = fileName.trim();
  const note = document.createElement('div');
  note.className = 'alert alert-info cd-documents-refreshed';
  note.setAttribute('role', 'status');
  note.textContent = language === 'zh'
    ? `已上传${name ? '「' + name + '」' : '新资料'}:表单已保存并刷新,填写的内容已保留,请在「资料」中勾选。`
      + ` Uploaded${name ? ' «' + name + '»' : ''}: the form was saved and refreshed with what you typed; tick the document under «资料 Documents».`
    : `Uploaded${name ? ' «' + name + '»' : ''}: the form was saved and refreshed with what you typed; tick the document under «Documents».`;
  container.parentNode.insertBefore(note, container);
}

new MutationObserver(showNote).observe(document.documentElement, {childList: true, subtree: true});

// no default export: this script only adapts the forms' links and refreshes the form, it adds no plugin
export {};
