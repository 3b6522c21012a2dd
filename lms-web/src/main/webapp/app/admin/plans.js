// The course supermarket (培训课程超市): compose a training plan from the shelves of the current
// edition — the basic course and any level × job type skill course — by whole table, module, course or
// unit; the package's rules are checked as the basket changes (hours against the allocation table's
// minimum, the new-entrant and upgrade rules, certificate eligibility); then save it. Below, the plans
// already composed, paginated.
import { api, latest } from '../shared/api.js';
import { language, levelAndJob, t } from '../shared/i18n.js';
import { box, el, pager, showNotice, showProblem, startPage } from '../shared/page.js';

startPage('plans.title', 'ADMINISTRATOR', 'TEACHER');
const LEVELS = ['L5', 'L4', 'L3', 'L2', 'L1'];
const JOBS = ['PRODUCT_SELECTOR', 'LIVE_SELLER', 'VIDEO_PROMOTER', 'PLATFORM_OPERATOR'];
const KINDS = ['NEW_ENTRANT', 'UPGRADE', 'EXPERIENCED', 'ORDER_TRAINING'];
const SIZE = 10;

const picked = new Set();
const shelves = el('div', { id: 'shelves' });
const verdict = el('section', { class: 'card', id: 'plan-check', 'aria-live': 'polite' });
const list = el('section', { class: 'card', id: 'plans' });
let checkTimer = null;

const select = (name, values, label, selected) => el('select', { name, id: `plan-${name}` },
  values.map((v) => el('option', { value: v, selected: v === selected }, label(v))));

const form = el('form', { class: 'stack', id: 'plan-form' },
  el('label', {}, t('plans.name'), el('input', { name: 'name', id: 'plan-name', required: true, maxlength: 200 })),
  el('label', {}, t('catalogue.level'), select('level', LEVELS, (v) => t(`level.${v}`), 'L5')),
  el('label', {}, t('plans.jobType'), select('jobType', JOBS, (v) => t(`jobType.${v}`), 'LIVE_SELLER')),
  el('label', {}, t('plans.kind'), select('kind', KINDS, (v) => t(`planKind.${v}`), 'NEW_ENTRANT')),
  el('label', { id: 'employer-field', hidden: true }, t('plans.employerOrder'), el('input', { name: 'employerOrder', id: 'plan-employerOrder', maxlength: 200 })));

function value(name) {
  return form.elements[name].value;
}

function draft() {
  return { name: value('name') || t('plans.untitled'), level: value('level'), jobType: value('jobType'), kind: value('kind'),
    employerOrder: value('kind') === 'ORDER_TRAINING' ? value('employerOrder') : null, unitIds: [...picked], tables: [] };
}

/** One table as a shelf: a checkbox for the whole table, each module, each course and each unit. */
function shelf(table, key) {
  const boxes = [];
  const unitBox = (u) => {
    const input = el('input', { type: 'checkbox', value: u.id, 'data-unit': u.id, checked: picked.has(u.id),
      onchange: (e) => { if (e.target.checked) picked.add(u.id); else picked.delete(u.id); refresh(); } });
    boxes.push(input);
    return el('label', { class: 'choice' }, input, ' ', u.name, ' ', el('span', { class: 'muted' }, t('unit.hours', { h: u.hours })));
  };
  const group = (units, label, attrs) => el('label', { class: 'choice group' },
    el('input', { type: 'checkbox', ...attrs, 'data-group': 'yes',
      onchange: (e) => { units.forEach((u) => (e.target.checked ? picked.add(u.id) : picked.delete(u.id))); refresh(); } }), ' ', label);
  const all = table.modules.flatMap((m) => m.courses.flatMap((c) => c.units));
  return el('section', { class: 'card shelf', 'data-table': key },
    el('h2', {}, table.title || levelAndJob(table.level, table.jobType)),
    group(all, el('strong', {}, t('plans.wholeTable', { hours: table.unitHours })), { 'data-whole': key }),
    ...table.modules.map((m) => el('details', { open: true },
      el('summary', {}, `${m.code} ${m.name}`),
      group(m.courses.flatMap((c) => c.units), t('plans.wholeModule'), { 'data-module': `${key}:${m.code}` }),
      ...m.courses.map((c) => el('fieldset', { class: 'course' },
        el('legend', {}, `${c.code} ${c.name}`),
        group(c.units, t('plans.wholeCourse'), { 'data-course': `${key}:${c.code}` }),
        ...c.units.map(unitBox))))));
}

/** The basic course and the chosen level × job type: the shelves a plan is composed from. */
const askShelves = latest();

async function showShelves() {
  try {
    showProblem(box.problem, null);
    const tables = await askShelves(() => Promise.all([api('/api/catalogue/tables/basic'), api(`/api/catalogue/tables/${value('level')}/${value('jobType')}`)]));
    if (!tables) return; // the level or job type changed meanwhile: the later answer counts
    shelves.replaceChildren(shelf(tables[0], 'basic'), shelf(tables[1], `${value('level')}/${value('jobType')}`));
    refresh();
  } catch (err) {
    shelves.replaceChildren();
    showProblem(box.problem, err);
  }
}

/** Group boxes follow their units (checked when all are, mixed when some are); the rules are checked shortly after. */
function refresh() {
  shelves.querySelectorAll('input[data-unit]').forEach((i) => { i.checked = picked.has(Number(i.value)); });
  shelves.querySelectorAll('label.group').forEach((label) => {
    const input = label.querySelector('input');
    const scope = label.parentElement;
    const units = [...scope.querySelectorAll('input[data-unit]')];
    const on = units.filter((u) => u.checked).length;
    input.checked = on > 0 && on === units.length;
    input.indeterminate = on > 0 && on < units.length;
  });
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, 250);
}

async function check() {
  if (!picked.size) {
    verdict.replaceChildren(el('h2', {}, t('plans.basket', { n: 0 })), el('p', { class: 'muted' }, t('plans.empty')));
    return;
  }
  try {
    const plan = await api('/api/plans/check', { method: 'POST', body: draft() });
    const a = plan.assessment;
    verdict.replaceChildren(
      el('h2', {}, t('plans.basket', { n: plan.units.length })),
      el('p', { id: 'plan-hours' }, t('plans.hours', { basic: a.basicHours, skill: a.skillHours, total: a.classroomHours, min: a.minimumClassroomHours })),
      el('p', { id: 'plan-eligible', class: a.certificateEligible ? 'met' : 'short' }, t(a.certificateEligible ? 'plans.eligible' : 'plans.notEligible')),
      a.shortfalls.length ? el('ul', { id: 'plan-shortfalls' }, a.shortfalls.map((s) => el('li', { 'data-rule': s.rule, class: 'short' },
        t(`planRule.${s.rule}`, { h: s.missingHours }), el('br'), el('span', { class: 'muted' }, s.message[language()])))) : '',
      el('button', { type: 'button', class: 'primary', id: 'plan-save', onclick: save }, t('plans.save')));
  } catch (err) {
    // A draft the rules cannot assess yet (e.g. an order without its employer): said here, not as an alert.
    verdict.replaceChildren(el('h2', {}, t('plans.basket', { n: picked.size })),
      el('p', { class: 'short', id: 'plan-invalid' }, err.describe ? err.describe() : err.message));
  }
}

async function save() {
  showProblem(box.problem, null);
  if (!value('name').trim()) { showProblem(box.problem, new Error(t('plans.nameMissing'))); form.elements.name.focus(); return; }
  try {
    const plan = await api('/api/plans', { method: 'POST', body: draft() });
    showNotice(box.notice, t('plans.saved', { name: plan.name, id: plan.id }));
    await showList(0);
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function showList(page) {
  try {
    const plans = await api(`/api/plans?page=${page}&size=${SIZE}`);
    list.replaceChildren(el('h2', {}, t('plans.list')),
      el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ['plans.name', 'plans.table', 'plans.kind', 'plans.classroom', 'plans.certificate'].map((k) => el('th', {}, t(k))))),
        el('tbody', {}, plans.items.map((p) => el('tr', { 'data-plan': p.id },
          el('td', {}, p.name), el('td', {}, levelAndJob(p.level, p.jobType)), el('td', {}, t(`planKind.${p.kind}`)),
          el('td', {}, `${p.classroomHours} / ${p.minimumClassroomHours}`),
          el('td', { class: p.certificateEligible ? 'met' : 'short' }, t(p.certificateEligible ? 'plans.eligibleShort' : 'plans.notEligibleShort'))))))),
      plans.total > SIZE ? pager(page, SIZE, plans.total, showList) : '');
  } catch (err) {
    showProblem(box.problem, err);
  }
}

form.elements.level.addEventListener('change', () => { picked.clear(); showShelves(); });
form.elements.jobType.addEventListener('change', () => { picked.clear(); showShelves(); });
form.elements.kind.addEventListener('change', () => { form.querySelector('#employer-field').hidden = value('kind') !== 'ORDER_TRAINING'; refresh(); });
form.elements.employerOrder.addEventListener('input', refresh);
form.addEventListener('submit', (e) => e.preventDefault());

box.content.replaceChildren(el('div', { class: 'supermarket' },
  el('section', { class: 'card' }, el('h2', {}, t('plans.compose')), el('p', { class: 'muted' }, t('plans.help')), form), verdict), shelves, list);
showShelves();
showList(0);
