// Every class with its compliance at a glance: how many learners meet the hours so far.
import { api, latest } from '../shared/api.js';
import { levelAndJob, t } from '../shared/i18n.js';
import { box, el, pager, progress, searchBox, showProblem, startPage } from '../shared/page.js';

startPage('admin.title', 'ADMINISTRATOR');
const SIZE = 10;

async function compliance(c) {
  if (c.status !== 'ACTIVE') return el('span', { class: 'muted' }, t(`classStatus.${c.status}`));
  try {
    const ledger = await api(`/api/attendance/classes/${c.id}/ledger`);
    return el('span', {}, progress(ledger.meetingHours, ledger.learners, c.name),
      t('admin.meeting', { meeting: ledger.meetingHours, learners: ledger.learners }));
  } catch (err) {
    return el('span', { class: 'short' }, err.describe ? err.describe() : err.message);
  }
}

const list = el('div', { id: 'class-list' });
const ask = latest();
let query = '';

async function show(page) {
  try {
    const classes = await ask(() => api(`/api/classes?page=${page}&size=${SIZE}${query ? `&q=${encodeURIComponent(query)}` : ''}`));
    if (!classes) return;
    const rows = await Promise.all(classes.items.map(async (c) => el('tr', { 'data-class': c.id },
      el('td', {}, el('a', { href: c.status === 'DRAFT' ? `/admin/setup?id=${c.id}` : `/admin/class?id=${c.id}` }, c.name)),
      el('td', {}, levelAndJob(c.level, c.jobType)),
      el('td', {}, `${c.startsOn} – ${c.endsOn}`),
      el('td', {}, c.learners),
      el('td', {}, await compliance(c)))));
    list.replaceChildren(
      classes.items.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'classes' },
        el('thead', {}, el('tr', {}, ['admin.class', 'admin.levelJob', 'admin.dates', 'admin.learners', 'admin.compliance'].map((k) => el('th', {}, t(k))))),
        el('tbody', {}, rows))) : el('p', { class: 'muted', id: 'no-classes' }, t(query ? 'search.none' : 'admin.noClasses')),
      pager(page, SIZE, classes.total, show));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

box.content.replaceChildren(
  el('p', { class: 'toolbar' }, el('a', { href: '/admin/setup', class: 'button', id: 'new-class' }, t('admin.newClass')), ' ',
    searchBox('class-search', 'search.classes', (text) => { query = text; show(0); })),
  list);
show(0);
