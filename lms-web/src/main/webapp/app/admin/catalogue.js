// The training package as imported: the hours allocation table, every course table (modules → courses
// → units with their class hours, the stated total against the sum of the units) and the integrity
// report of every place where the seed contradicts itself; with each table its assessment blueprints
// of section 2.3 (theory: module and course weights; practical: contents with weight, form, minutes and
// importance).
import { api, latest } from '../shared/api.js';
import { language, levelAndJob, t } from '../shared/i18n.js';
import { box, el, pager, param, showProblem, startPage, unitFacts, unitRequirements, unitSpecification } from '../shared/page.js';

startPage('catalogue.title', 'ADMINISTRATOR', 'TEACHER');
const tableBox = el('section', { class: 'card', id: 'table' });
const integrityBox = el('section', { class: 'card', id: 'integrity' });
const unitBox = el('section', { class: 'card', id: 'unit-detail', hidden: true });
const ISSUES = 20;

const askTable = latest();

function blueprintSection(b) {
  const theory = b.theory ? el('div', { id: 'theory-blueprint' }, el('h3', {}, t('catalogue.theoryBlueprint', { title: b.theory.title })),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['catalogue.module', 'catalogue.course', 'catalogue.weight'].map((k) => el('th', {}, t(k))))),
      el('tbody', {}, b.theory.modules.flatMap((m) => m.courses.map((c) => el('tr', {},
        el('td', {}, `${m.code} ${m.name}（${m.weight}%）`), el('td', {}, `${c.code} ${c.name}`), el('td', {}, `${c.weight}%`)))))))) : '';
  const practical = b.practical ? el('div', { id: 'practical-blueprint' },
    el('h3', {}, t('catalogue.practicalBlueprint', { title: b.practical.title, minutes: b.practical.totalMinutes })),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['catalogue.module', 'catalogue.content', 'catalogue.weight', 'catalogue.form', 'catalogue.minutes', 'catalogue.importance']
        .map((k) => el('th', {}, t(k))))),
      el('tbody', {}, b.practical.modules.flatMap((m) => m.contents.map((c) => el('tr', { 'data-content': c.code },
        el('td', {}, `${m.code} ${m.name}（${m.weight}%）`), el('td', {}, `${c.code} ${c.name}`), el('td', {}, `${c.weight}%`),
        el('td', {}, `${t(`catalogue.form.${c.form}`)} · ${t(c.required ? 'catalogue.required' : 'catalogue.optional')}`),
        el('td', {}, c.minutes), el('td', {}, t(`catalogue.importance.${c.importance}`))))))))) : '';
  return el('section', { class: 'card', id: 'blueprints' }, el('h2', {}, t('catalogue.blueprints')), theory, practical);
}

async function showTable(level, jobType) {
  try {
    const path = level ? `/api/catalogue/tables/${level}/${jobType}` : '/api/catalogue/tables/basic';
    const loaded = await askTable(() => Promise.all([api(path), api(`${path}/blueprints`)]));
    if (!loaded) return; // another table was chosen meanwhile
    const [table, blueprints] = loaded;
    const matches = table.statedTotalHours === table.unitHours;
    tableBox.replaceChildren(
      el('h2', {}, table.title || levelAndJob(level, jobType)),
      el('p', { class: matches ? 'met' : 'short', id: 'table-total' },
        t('catalogue.totals', { stated: table.statedTotalHours, sum: table.unitHours }), matches ? '' : ` — ${t('catalogue.mismatch')}`),
      el('p', { class: 'muted' }, t('catalogue.seedLines', { lines: table.seedLines || '' })),
      ...table.modules.map((m) => el('details', { open: true },
        el('summary', {}, `${m.code} ${m.name}`),
        ...m.courses.map((c) => el('div', {},
          el('h3', {}, `${c.code} ${c.name}`),
          el('ul', { class: 'units' }, c.units.map((u) => el('li', { 'data-unit': u.id },
            el('button', { type: 'button', class: 'link', onclick: () => showUnit(u.id) }, u.seq ? `${u.seq}. ` : '', u.name),
            el('span', { class: 'muted' }, t('unit.hours', { h: u.hours }))))))))),
      blueprintSection(blueprints));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

/** One unit with its place, hours, exam weights and course specification, shown above the table. */
async function showUnit(id) {
  try {
    const unit = await api(`/api/catalogue/units/${id}`);
    unitBox.replaceChildren(el('h2', { id: 'unit-name' }, unit.name), unitFacts(unit), unitRequirements(unit, true, true), unitSpecification(unit, true, true));
    unitBox.hidden = false;
    unitBox.scrollIntoView({ block: 'start' });
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function showIntegrity(issues, page) {
  const slice = issues.slice(page * ISSUES, (page + 1) * ISSUES);
  integrityBox.replaceChildren(
    el('h2', {}, t('catalogue.integrity', { n: issues.length })),
    el('p', { class: 'muted' }, t('catalogue.integrityHelp')),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['catalogue.section', 'catalogue.table', 'catalogue.kind', 'catalogue.message', 'catalogue.lines'].map((k) => el('th', {}, t(k))))),
      el('tbody', {}, slice.map((d) => el('tr', {},
        el('td', {}, d.section), el('td', {}, d.level ? levelAndJob(d.level, d.jobType) : (d.jobType ? t(`jobType.${d.jobType}`) : '—')),
        el('td', { 'data-kind': d.kind }, t(`catalogue.kind.${d.kind}`, {}, d.kind)), el('td', {}, d.message[language()]), el('td', {}, d.seedLines)))))),
    issues.length > ISSUES ? pager(page, ISSUES, issues.length, (p) => showIntegrity(issues, p)) : '');
}

async function show() {
  try {
    const [summary, issues] = await Promise.all([api('/api/catalogue'), api('/api/catalogue/integrity')]);
    const levels = summary.hoursAllocation;
    box.content.replaceChildren(
      el('section', { class: 'card' },
        el('h2', {}, t('catalogue.allocation')),
        el('p', { class: 'muted' }, t('catalogue.edition', { edition: summary.edition })),
        el('div', { class: 'table-wrap' }, el('table', { id: 'allocation' },
          el('thead', {}, el('tr', {}, ['catalogue.level', 'catalogue.basic', 'catalogue.skill', 'catalogue.other', 'catalogue.total'].map((k) => el('th', {}, t(k))))),
          el('tbody', {}, levels.map((a) => el('tr', {},
            el('td', {}, t(`level.${a.level}`)), el('td', {}, a.basicHours), el('td', {}, a.skillHours), el('td', {}, a.otherHours), el('td', {}, a.totalHours))))))),
      el('section', { class: 'card' },
        el('h2', {}, t('catalogue.tables')),
        el('ul', { class: 'units', id: 'tables' }, summary.tables.map((tb) => el('li', {},
          el('button', { type: 'button', class: 'link', onclick: () => showTable(tb.level, tb.jobType) }, tb.title || levelAndJob(tb.level, tb.jobType)),
          el('span', { class: tb.statedTotalHours === tb.unitHours ? 'muted' : 'short' }, t('catalogue.totals', { stated: tb.statedTotalHours, sum: tb.unitHours })))))),
      unitBox,
      tableBox,
      integrityBox);
    showIntegrity(issues, 0);
    const first = summary.tables.find((tb) => tb.level === param('level') && tb.jobType === param('jobType')) || summary.tables[0];
    if (first) await showTable(first.level, first.jobType);
  } catch (err) {
    showProblem(box.problem, err);
  }
}

show();
