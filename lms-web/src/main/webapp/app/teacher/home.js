// My classes as a teacher: each class's roster and plan, the plan's units (to keep their resource packs),
// the class's live lessons to come, its hours ledger and exams.
import { api } from '../shared/api.js';
import { levelAndJob, t } from '../shared/i18n.js';
import { liveLessons } from '../shared/live-lessons.js';
import { box, el, pager, showProblem, startPage } from '../shared/page.js';

startPage('teacher.title', 'TEACHER');
const SIZE = 10;

async function show(page) {
  try {
    const classes = await api(`/api/classes?page=${page}&size=${SIZE}`);
    const cards = await Promise.all(classes.items.map(card));
    box.content.replaceChildren(...(cards.length ? cards : [el('p', { class: 'card' }, t('teacher.noClass'))]),
      classes.total > SIZE ? pager(page, SIZE, classes.total, show) : '');
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function card(summary) {
  const c = await api(`/api/classes/${summary.id}`);
  const [plan, live] = await Promise.all([api(`/api/plans/${c.planId}`), c.status === 'ACTIVE' ? liveLessons(c.id, '/teacher/lesson') : '']);
  return el('section', { class: 'card', 'data-class': c.id },
    el('h2', {}, c.name, ' ', el('span', { class: 'badge' }, t(`classStatus.${c.status}`))),
    el('p', { class: 'muted' }, `${levelAndJob(c.level, c.jobType)} · ${c.startsOn} – ${c.endsOn}`),
    el('p', {}, el('a', { href: `/teacher/class?id=${c.id}`, class: 'button' }, t('teacher.ledger')), ' ',
      el('a', { href: `/teacher/exams?class=${c.id}`, class: 'button' }, t('teacher.exams')), ' ',
      el('a', { href: `/teacher/packs?class=${c.id}`, class: 'button', id: `class-${c.id}-packs` }, t('packs.title'))),
    live,
    el('details', {}, el('summary', {}, t('teacher.roster', { n: c.learners.length })),
      el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, t('people.username')), el('th', {}, t('people.name')))),
        el('tbody', {}, c.learners.map((l) => el('tr', {}, el('td', {}, l.username), el('td', {}, l.fullName))))))),
    // The plan's units by course, folded: a plan has up to ~50 units.
    el('details', { class: 'unit-list', id: `class-${c.id}-units` },
      el('summary', {}, t('teacher.units', { plan: plan.name }), ' ', el('span', { class: 'muted' }, t('teacher.unitCount', { n: plan.units.length }))),
      byCourse(plan.units).map(([course, units]) => el('div', { class: 'course-group' }, el('h4', {}, course),
        el('ul', { class: 'units' }, units.map((u) => el('li', {},
          el('a', { href: `/teacher/unit?unit=${u.id}&class=${c.id}`, 'data-unit': u.id }, u.name),
          el('span', { class: 'muted' }, t('unit.hours', { h: u.hours })))))))));
}

/** Units grouped by their course, in the plan's order. */
function byCourse(units) {
  const groups = new Map();
  units.forEach((u) => {
    const key = u.course || t('teacher.otherUnits');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(u);
  });
  return [...groups.entries()];
}

show(0);
