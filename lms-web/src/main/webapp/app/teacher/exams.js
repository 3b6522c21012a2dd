// A class's theory exams as its teacher keeps them: the question bank for the class's blueprints
// (template, CSV/XLSX/QTI import, coverage), setting up an exam or a formative quiz on one unit, and each exam's results with another attempt
// for a learner, the release of the answers and the CSV/XLSX export; and its practical exams.
import { api, download, latest } from '../shared/api.js';
import { chinaInput, dateTime, language, levelAndJob, score, t } from '../shared/i18n.js';
import { box, el, param, showNotice, showProblem, startPage } from '../shared/page.js';

startPage('exams.title', 'TEACHER', 'ADMINISTRATOR');
const classId = param('class');
let klass;

/** An exam's opening or closing field: a date and time in China time, as every time on the pages, sent as it is (the server reads it as China time). */
const chinaField = (key, name, at) => el('label', {}, t(key),
  el('input', { name, type: 'datetime-local', value: chinaInput(at), required: true }), ' ', el('span', { class: 'muted' }, t('common.chinaTime')));

const tableQuery = (blueprint) => (blueprint === 'SKILL' ? `level=${klass.level}&jobType=${klass.jobType}` : '');

async function show() {
  try {
    klass = await api(`/api/classes/${classId}`);
    box.title.textContent = `${klass.name} · ${t('exams.title')}`;
    const [exams, plan, practicals] = await Promise.all([api(`/api/assessment/classes/${classId}/exams`), api(`/api/plans/${klass.planId}`),
      api(`/api/assessment/practicals?classId=${classId}`)]);
    box.content.replaceChildren(bankCard(), createCard(plan.units), practicalCard(practicals),
      el('section', { class: 'card' }, el('h2', {}, t('exams.list')),
        exams.length ? el('ul', { class: 'exams' }, exams.map((e) => el('li', { 'data-exam': e.id },
          el('strong', {}, e.title), ' ', el('span', { class: 'muted' }, `${t(`exams.blueprint.${e.blueprint}`)}${e.unitName ? `（${e.unitName}）` : ''} · ${dateTime(e.opensAt)} – ${dateTime(e.closesAt)} · ${t('exams.minutes', { n: e.durationMinutes })}`),
          ' ', el('button', { type: 'button', class: 'link', onclick: () => results(e) }, t('exams.results')))))
          : el('p', { class: 'muted' }, t('exams.none'))),
      el('div', { id: 'results' }));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function bankCard() {
  const file = el('input', { type: 'file', id: 'bank-file', accept: '.csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.zip,application/zip' });
  const out = el('div', { id: 'coverage' });
  return el('section', { class: 'card' }, el('h2', {}, t('exams.bank')),
    el('p', { class: 'muted' }, t('exams.bankHelp')),
    el('p', {}, el('button', { type: 'button', onclick: () => download('/api/assessment/questions/template', 'question-bank-template.csv') }, t('exams.template')), ' ',
      el('button', { type: 'button', onclick: () => download('/api/assessment/questions/template?format=xlsx', 'question-bank-template.xlsx') }, t('exams.templateXlsx')), ' ',
      el('button', { type: 'button', onclick: () => download(`/api/assessment/questions/export?${tableQuery('SKILL')}`, 'question-bank.csv') }, t('exams.exportBank')), ' ',
      el('button', { type: 'button', id: 'export-qti', onclick: () => download(`/api/assessment/questions/export?${tableQuery('SKILL')}&format=qti`, 'question-bank-qti.zip') }, t('exams.exportQti'))),
    el('label', { class: 'field' }, t('exams.importFile'), file),
    el('p', {}, el('button', { type: 'button', id: 'import-bank', onclick: () => importBank(file, out) }, t('exams.import')), ' ',
      el('button', { type: 'button', id: 'show-coverage', onclick: () => coverage('SKILL', out) }, t('exams.coverageSkill', { table: levelAndJob(klass.level, klass.jobType) })), ' ',
      el('button', { type: 'button', id: 'show-coverage-basic', onclick: () => coverage('BASIC', out) }, t('exams.coverageBasic'))),
    out);
}

async function importBank(file, out) {
  showProblem(box.problem, null);
  if (!file.files.length) { showProblem(box.problem, new Error(t('exams.chooseFile'))); return; }
  try {
    const f = file.files[0];
    // A workbook or a QTI package goes as it is; a CSV file as UTF-8 text.
    const binary = /\.xlsx$/i.test(f.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : /\.zip$/i.test(f.name) ? 'application/zip' : null;
    const r = binary
      ? await api('/api/assessment/questions/import', { method: 'POST', body: f, headers: { 'Content-Type': binary } })
      : await api('/api/assessment/questions/import', { method: 'POST', body: new Blob([await f.text()], { type: 'text/csv' }), headers: { 'Content-Type': 'text/csv; charset=UTF-8' } });
    showNotice(box.notice, t('exams.imported', { n: r.imported }));
    await coverage('SKILL', out);
  } catch (err) {
    showProblem(box.problem, err);
  }
}

const askCoverage = latest();

async function coverage(blueprint, out) {
  try {
    const c = await askCoverage(() => api(`/api/assessment/coverage?${tableQuery(blueprint)}`));
    if (!c) return; // another blueprint was asked meanwhile
    out.replaceChildren(
      el('p', { id: 'coverage-verdict', class: c.lacks.length ? 'short' : 'met' }, c.lacks.length ? t('exams.lacking', { n: c.lacks.length }) : t('exams.covered', { points: c.paperPoints })),
      c.lacks.length ? el('ul', {}, c.lacks.map((l) => el('li', {}, l[language()]))) : '',
      el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ...['exams.course', 'exams.unit', 'exams.share', 'exam.type.SINGLE_CHOICE', 'exam.type.MULTIPLE_CHOICE', 'exam.type.TRUE_FALSE'].map((k) => el('th', {}, t(k))))),
        el('tbody', {}, c.units.map((u) => el('tr', {}, el('td', {}, `${u.courseCode} ${u.courseName}`), el('td', {}, u.unit), el('td', {}, u.sharePoints),
          el('td', {}, u.singleChoice), el('td', {}, u.multipleChoice), el('td', {}, u.trueFalse)))))));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function createCard(planUnits) {
  const quizFields = el('div', { class: 'stack', hidden: true, id: 'quiz-fields' },
    el('label', {}, t('exams.unit'), el('select', { name: 'unitId' }, planUnits.map((u) => el('option', { value: u.id }, u.name)))),
    el('label', {}, t('exams.questionCount'), el('input', { name: 'questionCount', type: 'number', min: 1, max: 100, value: 10 })));
  const now = new Date();
  const field = (key, input) => el('label', {}, t(key), input);
  const form = el('form', { class: 'stack', id: 'create-exam' },
    field('exams.name', el('input', { name: 'title', required: true, maxlength: 200 })),
    field('exams.blueprintLabel', el('select', { name: 'blueprint', onchange: (e) => { quizFields.hidden = e.target.value !== 'UNIT'; } },
      el('option', { value: 'SKILL' }, `${t('exams.blueprint.SKILL')}（${levelAndJob(klass.level, klass.jobType)}）`),
      el('option', { value: 'BASIC' }, t('exams.blueprint.BASIC')),
      el('option', { value: 'UNIT' }, t('exams.blueprint.UNIT')))),
    quizFields,
    chinaField('exams.opens', 'opensAt', now),
    chinaField('exams.closes', 'closesAt', new Date(now.getTime() + 7 * 864e5)),
    field('exams.duration', el('input', { name: 'durationMinutes', type: 'number', min: 5, max: 600, value: 90, required: true })),
    field('exams.passMark', el('input', { name: 'passMark', type: 'number', min: 1, max: 100, value: 60, required: true })),
    el('button', { type: 'submit', class: 'primary' }, t('exams.create')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(box.problem, null);
    const f = new FormData(form);
    try {
      await api(`/api/assessment/classes/${classId}/exams`, { method: 'POST', body: {
        title: f.get('title'), blueprint: f.get('blueprint'), opensAt: f.get('opensAt'),
        closesAt: f.get('closesAt'), durationMinutes: Number(f.get('durationMinutes')), passMark: Number(f.get('passMark')),
        ...(f.get('blueprint') === 'UNIT' ? { unitId: Number(f.get('unitId')), questionCount: Number(f.get('questionCount')) } : {}) } });
      showNotice(box.notice, t('exams.created'));
      await show();
    } catch (err) {
      showProblem(box.problem, err);
    }
  });
  return el('section', { class: 'card' }, el('h2', {}, t('exams.new')), form);
}

// Practical exams (操作技能考核): one per blueprint of the class plan's level and job type; each is run on its own page.
function practicalCard(practicals) {
  const now = new Date();
  const form = el('form', { class: 'stack', id: 'create-practical' },
    el('label', {}, t('exams.name'), el('input', { name: 'title', required: true, maxlength: 200, value: t('practical.defaultTitle') })),
    chinaField('exams.opens', 'opensAt', now),
    chinaField('exams.closes', 'closesAt', new Date(now.getTime() + 7 * 864e5)),
    el('label', {}, t('practical.passMark'), el('input', { name: 'passMark', type: 'number', min: 1, max: 100, value: 60, required: true })),
    el('button', { type: 'submit', class: 'primary' }, t('practical.create')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(box.problem, null);
    const f = new FormData(form);
    try {
      const created = await api(`/api/assessment/practicals?classId=${classId}`, { method: 'POST', body: {
        title: f.get('title'), opensAt: f.get('opensAt'), closesAt: f.get('closesAt'),
        passMark: Number(f.get('passMark')) } });
      location.assign(`/teacher/practical?exam=${created.id}`);
    } catch (err) {
      showProblem(box.problem, err);
    }
  });
  return el('section', { class: 'card', id: 'practicals' }, el('h2', {}, t('practical.list')),
    el('p', { class: 'muted' }, t('practical.help', { table: levelAndJob(klass.level, klass.jobType) })),
    practicals.length ? el('ul', { class: 'practicals' }, practicals.map((p) => el('li', { 'data-practical': p.id },
      el('a', { href: `/teacher/practical?exam=${p.id}` }, p.title), ' ',
      el('span', { class: 'muted' }, `${dateTime(p.opensAt)} – ${dateTime(p.closesAt)} · ${t('practical.taskCount', { n: p.tasks.length })}`))))
      : el('p', { class: 'muted' }, t('practical.none')),
    el('h3', {}, t('practical.new')), form);
}

async function results(exam) {
  const target = document.getElementById('results');
  try {
    const rows = await api(`/api/assessment/exams/${exam.id}/results`);
    const modules = [...new Map(rows.flatMap((r) => r.modules).map((m) => [m.code, m.name])).entries()].sort();
    target.replaceChildren(el('section', { class: 'card', 'data-results': exam.id },
      el('h2', {}, t('exams.resultsOf', { title: exam.title })),
      el('p', {},
        el('button', { type: 'button', onclick: () => download(`/api/assessment/exams/${exam.id}/export`, 'results.csv') }, t('exams.exportCsv')), ' ',
        el('button', { type: 'button', onclick: () => download(`/api/assessment/exams/${exam.id}/export?format=xlsx`, 'results.xlsx') }, t('exams.exportXlsx')), ' ',
        exam.answersReleased ? el('span', { class: 'badge ok' }, t('exams.released'))
          : el('button', { type: 'button', id: 'release', onclick: () => release(exam) }, t('exams.release'))),
      el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, el('th', {}, t('people.name')), el('th', {}, t('exams.attempts')), el('th', {}, t('exams.score')),
          ...modules.map(([code, name]) => el('th', {}, `${code} ${name}`)), el('th', {}, ''))),
        el('tbody', {}, rows.map((r) => el('tr', { 'data-learner': r.username },
          el('td', {}, `${r.fullName} (${r.username})`), el('td', {}, r.attempts),
          el('td', {}, r.counted ? [`${score(r.counted.score, r.counted.maxScore)} `, el('span', { class: r.counted.passed ? 'badge ok' : 'badge short' }, t(r.counted.passed ? 'exam.passed' : 'exam.failed'))] : t('exams.notSubmitted')),
          ...modules.map(([code]) => el('td', {}, (r.modules.find((m) => m.code === code) || {}).awarded ?? '')),
          // A practice quiz allows any number of attempts: there is nothing to grant.
          el('td', {}, r.attempts && exam.blueprint !== 'UNIT'
            ? el('button', { type: 'button', class: 'link', 'data-grant': r.username, onclick: () => grant(exam, r) }, t('exams.grant')) : ''))))))));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function grant(exam, row) {
  const reason = prompt(t('exams.grantReason', { name: row.fullName }));
  if (reason === null) return;
  try {
    await api(`/api/assessment/exams/${exam.id}/grants`, { method: 'POST', body: { learnerId: row.learnerId, reason } });
    showNotice(box.notice, t('exams.granted', { name: row.fullName }));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function release(exam) {
  try {
    await results(await api(`/api/assessment/exams/${exam.id}/release-answers`, { method: 'POST' }));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

if (classId) show(); else showProblem(box.problem, new Error(t('exams.noClass')));
