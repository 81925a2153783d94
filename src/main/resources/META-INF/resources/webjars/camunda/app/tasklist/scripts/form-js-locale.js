/*
 * Tasklist custom script (loaded through `customScripts` in config.js): Camunda Forms in the user's language,
 * and typed dates that mean the day typed.
 *
 * Why a script that rewrites the form's texts: Tasklist 7.24 renders Camunda Forms with form-js
 * (`new Form({container})`, no options, no additional modules), and form-js has no translation hook in this
 * version: its texts are English literals in its code ("Field is required.", `Field must match pattern
 * ${pattern}.`, the select's "Select", the dynamic list's "Add new"; see form-js issues #77 "Support i18n" and
 * #443 "i18n for form validation", both open). So this script watches each form (a MutationObserver per
 * `.fjs-container`) and rewrites those known texts where they appear, in place: form-js (Preact) keeps the same
 * text nodes and attributes and sets them again only when its own text changes, which the observer sees.
 *
 * The language is Tasklist's: the browser's first preferred language, the part before "-" (zh-CN -> zh).
 * Chinese for zh, English otherwise; in every language a field's pattern is said in words, never as a regex.
 *
 * Dates: form-js gives flatpickr the browser locale's short date format (en-US "n/j/Y", zh-CN "Y/n/j") and lets
 * users type (allowInput). flatpickr's own parser matches typed text loosely against that format, so in en-US
 * "2026/12/02" was read as month 20, day 6 of this year: 8/6/2027. Each date picker of a form here gets a strict
 * parser instead (config.parseDate, which flatpickr reads on every parse): year first (2026-12-02, 2026/12/02,
 * 2026.12.02, 2026年12月2日) or the locale's own order; a day that does not exist, or any other text, is refused
 * and the field says so. In a Chinese browser the calendar gets Chinese month and weekday names and the field
 * shows the day year first (2026-12-02).
 */
const language = (((navigator.languages && navigator.languages[0]) || navigator.language || 'en').split('-')[0] || 'en')
  .toLowerCase();
const chinese = language === 'zh';

/** The validation patterns of our forms in words: a user is told what to type, not shown a regular expression. */
const PATTERNS = {
  '^[0-9A-Z]{18}$': {
    zh: '须为18位数字或大写字母',
    en: 'Must be 18 characters, digits or capital letters'
  },
  '^GA-\\d{4}-\\d{6}$': {
    zh: '须为案件编号格式:GA-四位年份-六位序号,如 GA-2026-000123',
    en: 'Must be a case number: GA-, the year, -, six digits (e.g. GA-2026-000123)'
  }
};

/** form-js's messages (Validator, number field) in Chinese; the argument each one carries is kept. */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Field must have minimum length of (\d+)\.$/, n => `不少于 ${n} 个字符`],
  [/^Field must have maximum length of (\d+)\.$/, n => `不超过 ${n} 个字符`],
  [/^Field must have minimum value of (.+)\.$/, n => `不得小于 ${n}`],
  [/^Field must have maximum value of (.+)\.$/, n => `不得大于 ${n}`],
  [/^Value is not a number\.$/, () => '请输入数字'],
  [/^Value is expected to be an integer\.$/, () => '须为整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, n => `最多 ${n} 位小数`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (a, b) => `数值无效,最接近的有效值为 ${a} 或 ${b}`],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址'],
  [/^Field must be a valid {1,2}international phone number\..*$/, () => '请输入有效的国际电话号码(如 +8610 12345678)']
];

/** The other texts form-js shows in a form (buttons, placeholders, empty lists), Chinese for a Chinese browser. */
const TEXTS = [
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^Add new$/, () => '添加'],
  [/^Collapse$/, () => '收起'],
  [/^Expand all \((\d+)\)$/, n => `全部展开(${n})`],
  [/^No results$/, () => '无匹配项'],
  [/^All values selected$/, () => '已全部选择'],
  [/^Remove list item (\d+)$/, n => `删除第 ${n} 项`],
  [/^Remove tag$/, () => '删除'],
  [/^Increment$/, () => '增加'],
  [/^Decrement$/, () => '减少'],
  [/^Toggle list item$/, () => '展开/收起'],
  [/^hh:mm$/, () => '时:分'],
  // the calendar's month and year choosers, as a screen reader says them
  [/^Month$/, () => '月份'],
  [/^Year$/, () => '年份'],
  // the bpmn.io logo every form carries (its licence asks for the logo, not for English)
  [/^Powered by bpmn\.io$/, () => '由 bpmn.io 提供技术支持']
];

/** flatpickr's calendar in Chinese (its own Mandarin locale is not bundled with form-js); weeks begin on Monday. */
const CALENDAR_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};

/**
 * How a Chinese form writes a day: year first, two-digit month and day (2026-12-02, GB/T 7408), whatever the
 * browser's Intl default is. form-js takes the format from `Intl.DateTimeFormat('default')`, which is not always
 * the browser's language (headless Chromium with a Chinese UI formats 6/5/2020, the American way): in a Chinese
 * form that reads as 6 May.
 */
const DATE_ZH = 'Y-m-d';

function translated(text, table) {
  for (const [pattern, say] of table) {
    const match = pattern.exec(text);
    if (match) {
      return say(...match.slice(1));
    }
  }
  return null;
}

/** A pattern's message in words: ours by pattern, else the field's own description, never the regex. */
function patternMessage(pattern, field) {
  const known = PATTERNS[pattern];
  if (known) {
    return chinese ? known.zh : known.en;
  }
  const described = field && field.querySelector('.fjs-form-field-description');
  const description = described ? described.textContent.trim() : '';
  if (chinese) {
    return description ? `格式不符,应为:${description}` : '格式不符';
  }
  return description ? `Does not match the required format: ${description}` : 'Does not match the required format';
}

function errorMessage(text, field) {
  const pattern = /^Field must match pattern (.*)\.$/.exec(text);
  if (pattern) {
    return patternMessage(pattern[1], field);
  }
  return chinese ? translated(text, MESSAGES) : null;
}

function rewriteText(node) {
  const text = node.data.trim();
  if (!text || !/[A-Za-z]/.test(text)) {
    return;
  }
  const parent = node.parentElement;
  const error = parent && parent.closest('.fjs-form-field-error');
  let replacement = null;
  if (error && !error.classList.contains('cd-date-refused')) {
    replacement = errorMessage(text, error.closest('.fjs-form-field'));
  } else if (chinese) {
    replacement = translated(text, TEXTS);
  }
  if (replacement !== null && replacement !== node.data) {
    node.data = replacement; // the same text node: Preact keeps it and sets it again only on its own change
  }
}

function rewriteAttributes(element) {
  if (!chinese || element.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  for (const name of ['placeholder', 'aria-label', 'title']) {
    const value = element.getAttribute(name);
    if (!value || !/[A-Za-z]/.test(value)) {
      continue;
    }
    let replacement = translated(value, TEXTS);
    if (replacement === null && name === 'placeholder' && element.closest('.fjs-datepicker')) {
      // form-js shows the format in letters ("yyyy/mm/dd"); a Chinese form writes dates year first (see DATE_ZH)
      replacement = /^[ymd\W]+$/.test(value) ? '年-月-日' : null;
    }
    if (replacement !== null) {
      element.setAttribute(name, replacement);
    }
  }
}

function rewrite(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    rewriteText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  rewriteAttributes(root);
  root.querySelectorAll('[placeholder], [aria-label], [title]').forEach(rewriteAttributes);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    rewriteText(node);
  }
}

// --- read-only amounts -----------------------------------------------------------------------------------

/** 90000000 -> 90,000,000 (the decimals, if any, as they are); any other text unchanged. */
function grouped(text) {
  const number = /^(-?)(\d+)(\.\d+)?$/.exec(String(text).trim());
  return number ? number[1] + number[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (number[3] || '') : text;
}

const NATIVE_VALUE = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');

/**
 * A number field that is disabled or read-only (a figure carried from an earlier step, e.g. last year's revenue
 * in yuan) shows its digits grouped by thousands, as people read amounts. Only what the input shows changes: form-js
 * keeps the number in its own state, a disabled field is not submitted, and nobody can type into it. form-js (Preact)
 * sets the input's value again on every render; this input's own value setter groups whatever it is given.
 */
function groupReadOnlyNumber(input) {
  if (input.__creditDiligenceGrouped || !(input.disabled || input.readOnly)) {
    return;
  }
  input.__creditDiligenceGrouped = true;
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return NATIVE_VALUE.get.call(this);
    },
    set(value) {
      NATIVE_VALUE.set.call(this, grouped(value));
    }
  });
  input.value = NATIVE_VALUE.get.call(input);
}

function groupReadOnlyNumbers(root) {
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const selector = '.fjs-form-field-number input';
  if (root.matches(selector)) {
    groupReadOnlyNumber(root);
  }
  root.querySelectorAll(selector).forEach(groupReadOnlyNumber);
}

// --- dates -----------------------------------------------------------------------------------------------

/** The day y-m-d if it exists (2026-02-30 does not), else undefined. */
function day(year, month, dayOfMonth) {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && dayOfMonth >= 1)) {
    return undefined;
  }
  const date = new Date(year, month - 1, dayOfMonth);
  return date.getMonth() === month - 1 && date.getDate() === dayOfMonth ? date : undefined;
}

/**
 * Typed text as a day, or undefined: year first with -, /, . or 年月日 between the parts; or the three numbers
 * in the order of the locale's format that form-js gave flatpickr (d/j day, m/n month, Y year, y two digits).
 */
function parseTyped(text, format) {
  const typed = String(text).trim();
  const yearFirst = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(typed);
  if (yearFirst) {
    return day(+yearFirst[1], +yearFirst[2], +yearFirst[3]);
  }
  const order = String(format || '').replace(/[^djmnYy]/g, '');
  const parts = typed.split(/\s*[-/.]\s*/);
  if (order.length !== 3 || parts.length !== 3 || !parts.every(part => /^\d{1,4}$/.test(part))) {
    return undefined;
  }
  let year;
  let month;
  let dayOfMonth;
  for (let i = 0; i < 3; i++) {
    const token = order[i];
    const value = parts[i];
    if (token === 'Y') {
      if (value.length !== 4) {
        return undefined;
      }
      year = +value;
    } else if (token === 'y') {
      if (value.length !== 2) {
        return undefined;
      }
      year = 2000 + +value;
    } else if (token === 'm' || token === 'n') {
      month = value.length <= 2 ? +value : NaN;
    } else {
      dayOfMonth = value.length <= 2 ? +value : NaN;
    }
  }
  return day(year, month, dayOfMonth);
}

/** The refusal is shown right below the date's input group (inside it, it would overlap form-js's own message). */
function refusal(picker) {
  const group = picker.input.closest('.fjs-input-group');
  const next = group && group.nextElementSibling;
  return next && next.classList.contains('cd-date-refused') ? next : null;
}

function refuse(picker, typed) {
  const group = picker.input.closest('.fjs-input-group');
  if (!group) {
    return;
  }
  let message = refusal(picker);
  if (!message) {
    message = document.createElement('div');
    message.className = 'fjs-form-field-error cd-date-refused';
    message.setAttribute('role', 'alert');
    group.insertAdjacentElement('afterend', message);
  }
  const example = picker.formatDate(new Date(2026, 11, 2), picker.config.dateFormat);
  const examples = example === '2026-12-02' ? example : `2026-12-02 ${chinese ? '或' : 'or'} ${example}`;
  message.textContent = chinese
    ? `“${typed}”不是有效日期,未采用:请按 ${examples} 的格式输入,或在日历中选择`
    : `“${typed}” is not a date and was not taken: type it like ${examples}, or pick it in the calendar`;
}

function clearRefusal(picker) {
  const message = refusal(picker);
  if (message) {
    message.remove();
  }
}

function localisePicker(input) {
  const picker = input._flatpickr;
  if (!picker || picker.__creditDiligence) {
    return !!picker;
  }
  picker.__creditDiligence = true;
  picker.config.parseDate = (text, format) => {
    const parsed = parseTyped(text, format);
    if (parsed) {
      clearRefusal(picker);
    } else {
      // flatpickr then clears the field; the message says what was typed and why it was not taken
      setTimeout(() => refuse(picker, text), 0);
    }
    return parsed;
  };
  if (chinese) {
    picker.set({locale: CALENDAR_ZH, dateFormat: DATE_ZH});
  }
  return true;
}

/** form-js creates each date picker in an effect after the field is drawn: look again shortly until it is there. */
function localisePickers(container, attempt = 0) {
  let pending = false;
  container.querySelectorAll('.fjs-datepicker input').forEach(input => {
    if (!localisePicker(input)) {
      pending = true;
    } else if (input._flatpickr.selectedDates.length) {
      clearRefusal(input._flatpickr);
    }
  });
  if (pending && attempt < 50) {
    setTimeout(() => localisePickers(container, attempt + 1), 100);
  }
}

// --- watching the forms ----------------------------------------------------------------------------------

const watched = new WeakSet();

function watch(container) {
  if (watched.has(container)) {
    return;
  }
  watched.add(container);
  rewrite(container);
  groupReadOnlyNumbers(container);
  localisePickers(container);
  new MutationObserver(records => {
    let pickers = false;
    for (const record of records) {
      if (record.type === 'childList') {
        record.addedNodes.forEach(rewrite);
        record.addedNodes.forEach(groupReadOnlyNumbers);
        pickers = pickers || Array.from(record.addedNodes).some(node => node.nodeType === Node.ELEMENT_NODE);
      } else {
        rewrite(record.target); // a text set anew (characterData) or an attribute (placeholder, aria-label, title)
      }
      pickers = pickers || record.target.nodeType === Node.ELEMENT_NODE
        && !!record.target.closest('.flatpickr-calendar, .fjs-datepicker');
    }
    if (pickers) {
      localisePickers(container);
    }
  }).observe(container, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ['placeholder', 'aria-label', 'title']
  });
}

function watchAll(root) {
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (root.classList.contains('fjs-container')) {
    watch(root);
  }
  root.querySelectorAll('.fjs-container').forEach(watch);
}

// Forms come and go with the task opened: only the arrival of a form is looked for outside the forms.
new MutationObserver(records => records.forEach(record => record.addedNodes.forEach(watchAll)))
  .observe(document.documentElement, {childList: true, subtree: true});
watchAll(document.documentElement);

// no default export: this script only adapts the forms, it adds no plugin
export {};
