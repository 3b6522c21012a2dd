// Opening a class: without ?id= a new draft (name, plan, delivery, dates, certificate); with ?id= the
// draft's teachers, its roster imported from CSV (new accounts get a temporary password, shown once),
// its schedule (lessons one by one, or every unit left laid out on days), the package's rules that still
// stand in the way, and the activation.
import { api } from '../shared/api.js';
import { chinaDate, language, levelAndJob, t } from '../shared/i18n.js';
import { box, el, param, showNotice, showProblem, startPage } from '../shared/page.js';

startPage('setup.title', 'ADMINISTRATOR');
const classId = param('id');

const field = (key, input) => el('label', {}, t(key), input);
const fail = (err) => showProblem(box.problem, err);

async function newClass() {
  try {
    const plans = await api('/api/plans?size=200');
    const today = chinaDate(new Date());
    const form = el('form', { class: 'stack', id: 'new-class' },
      field('setup.name', el('input', { name: 'name', required: true, maxlength: 200 })),
      field('setup.plan', el('select', { name: 'planId' }, plans.items.map((p) => el('option', { value: p.id },
        `${p.name}（${levelAndJob(p.level, p.jobType)} · ${p.classroomHours} ${t('setup.hours')}）`)))),
      field('setup.delivery', el('select', { name: 'deliveryMode' }, ['ONLINE', 'BLENDED', 'IN_PERSON'].map((m) => el('option', { value: m }, t(`delivery.${m}`))))),
      field('setup.startsOn', el('input', { name: 'startsOn', type: 'date', value: today, required: true })),
      field('setup.endsOn', el('input', { name: 'endsOn', type: 'date', required: true })),
      el('label', { class: 'choice' }, el('input', { type: 'checkbox', name: 'leadsToCertificate', checked: true }), ' ', t('setup.certificate')),
      el('fieldset', { id: 'face-setting' }, el('legend', {}, t('setup.faceChecks')),
        el('label', { class: 'choice' }, el('input', { type: 'checkbox', name: 'faceChecks', id: 'face-checks' }), ' ', t('setup.faceChecksOn')),
        field('setup.facePerHour', el('input', { name: 'facePerHour', type: 'number', min: 1, max: 12, value: 2 })),
        field('setup.faceAnswer', el('input', { name: 'faceAnswer', type: 'number', min: 30, max: 600, value: 120 })),
        el('p', { class: 'muted' }, t('setup.faceHelp'))),
      el('button', { type: 'submit', class: 'primary' }, t('setup.create')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      showProblem(box.problem, null);
      const f = new FormData(form);
      try {
        const c = await api('/api/classes', { method: 'POST', body: { name: f.get('name'), planId: Number(f.get('planId')), deliveryMode: f.get('deliveryMode'),
          startsOn: f.get('startsOn'), endsOn: f.get('endsOn'), leadsToCertificate: f.get('leadsToCertificate') === 'on',
          presenceChecks: f.get('faceChecks') === 'on' ? { perClassHour: Number(f.get('facePerHour')), answerSeconds: Number(f.get('faceAnswer')) } : undefined } });
        location.assign(`/admin/setup?id=${c.id}`);
      } catch (err) {
        fail(err);
      }
    });
    box.content.replaceChildren(el('section', { class: 'card' }, el('h2', {}, t('setup.new')), form));
  } catch (err) {
    fail(err);
  }
}

async function draft() {
  try {
    const [c, teachers, violations] = await Promise.all([api(`/api/classes/${classId}`), api('/api/accounts?role=TEACHER&size=200'),
      api(`/api/classes/${classId}/check`)]);
    box.title.textContent = `${c.name} · ${t('setup.title')}`;
    if (c.status !== 'DRAFT') {
      box.content.replaceChildren(el('p', { class: 'card' }, t('setup.active'), ' ', el('a', { href: `/admin/class?id=${c.id}` }, t('setup.toClass'))));
      return;
    }
    const plan = await api(`/api/plans/${c.planId}`);
    const name = (id) => teachers.items.find((a) => a.id === id)?.fullName || id;
    box.content.replaceChildren(
      el('section', { class: 'card' }, el('p', { class: 'muted' }, `${c.planName} · ${levelAndJob(c.level, c.jobType)} · ${t(`delivery.${c.deliveryMode}`)} · ${c.startsOn} – ${c.endsOn}`),
        el('p', { class: 'muted', id: 'class-face-checks' }, c.presenceChecks ? t('setup.faceSummary', { n: c.presenceChecks.perClassHour, s: c.presenceChecks.answerSeconds })
          : t('setup.faceNone'))),
      teacherCard(c, teachers.items), rosterCard(c), scheduleCard(c, plan, name), rulesCard(violations));
  } catch (err) {
    fail(err);
  }
}

function teacherCard(c, teachers) {
  const form = el('form', { class: 'inline', id: 'add-teacher' },
    field('setup.teacher', el('select', { name: 'accountId' }, teachers.map((a) => el('option', { value: a.id }, `${a.fullName}（${a.username}）`)))),
    field('setup.duty', el('select', { name: 'duty' }, ['THEORY', 'PRACTICAL'].map((d) => el('option', { value: d }, t(`duty.${d}`))))),
    el('button', { type: 'submit' }, t('setup.assign')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(form);
    act(() => api(`/api/classes/${c.id}/teachers`, { method: 'POST', body: { accountId: Number(f.get('accountId')), duty: f.get('duty') } }));
  });
  return el('section', { class: 'card', id: 'teachers' }, el('h2', {}, t('setup.teachers', { n: c.teachers.length })),
    c.teachers.length ? el('ul', {}, c.teachers.map((x) => el('li', { 'data-teacher': x.username }, `${x.fullName}（${x.username}）· ${t(`duty.${x.duty}`)}`))) : '',
    el('p', { class: 'muted' }, t('setup.teacherRule')), form);
}

function rosterCard(c) {
  const file = el('input', { type: 'file', id: 'roster-file', accept: '.csv,text/csv' });
  const result = el('div', { id: 'roster-result' });
  const upload = async () => {
    showProblem(box.problem, null);
    if (!file.files.length) { fail(new Error(t('exams.chooseFile'))); return; }
    try {
      const created = await api(`/api/classes/${c.id}/roster`, { method: 'POST', body: new Blob([await file.files[0].text()], { type: 'text/csv' }),
        headers: { 'Content-Type': 'text/csv; charset=UTF-8' } });
      await draft();
      document.getElementById('roster-result').replaceChildren(
        el('p', { class: 'notice' }, t('setup.imported', { n: created.length })),
        el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, ['setup.line', 'people.username', 'setup.password'].map((k) => el('th', {}, t(k))))),
          el('tbody', {}, created.map((r) => el('tr', {}, el('td', {}, r.line), el('td', {}, r.username), el('td', { class: 'secret' }, r.temporaryPassword || t('setup.existing'))))))));
    } catch (err) {
      fail(err);
    }
  };
  return el('section', { class: 'card', id: 'roster' }, el('h2', {}, t('setup.roster', { n: c.learners.length })),
    el('p', { class: 'muted' }, t('setup.rosterHelp')),
    field('setup.rosterFile', file), el('p', {}, el('button', { type: 'button', id: 'roster-import', onclick: upload }, t('exams.import'))), result,
    c.learners.length ? el('details', {}, el('summary', {}, t('setup.showLearners')), el('ul', {}, c.learners.map((l) => el('li', {}, `${l.fullName}（${l.username}）`)))) : '');
}

function scheduleCard(c, plan, teacherName) {
  const units = new Map(plan.units.map((u) => [u.id, u]));
  const covered = new Map();
  c.lessons.forEach((l) => covered.set(l.unitId, (covered.get(l.unitId) || 0) + l.classHours));
  const left = plan.units.filter((u) => (covered.get(u.id) || 0) < u.hours);
  const perDay = el('input', { type: 'number', id: 'hours-per-day', min: 1, max: 12, value: 8 });
  const lesson = el('form', { class: 'inline', id: 'add-lesson' },
    field('exams.unit', el('select', { name: 'unitId' }, plan.units.map((u) => el('option', { value: u.id }, u.name)))),
    field('setup.date', el('input', { name: 'date', type: 'date', value: c.startsOn, required: true })),
    el('label', {}, t('setup.start'), el('input', { name: 'start', type: 'time', value: '09:00', required: true }), ' ', el('span', { class: 'muted' }, t('common.chinaTime'))),
    field('setup.classHours', el('input', { name: 'classHours', type: 'number', min: 1, max: 12, value: 2 })),
    field('setup.teacher', el('select', { name: 'teacherId' }, c.teachers.map((x) => el('option', { value: x.accountId }, x.fullName)))),
    field('setup.mode', el('select', { name: 'mode' }, ['SELF_PACED', 'LIVE'].map((m) => el('option', { value: m }, t(`lessonMode.${m}`))))),
    el('button', { type: 'submit' }, t('setup.addLesson')));
  lesson.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(lesson);
    act(() => api(`/api/classes/${c.id}/lessons`, { method: 'POST', body: { unitId: Number(f.get('unitId')), date: f.get('date'), start: f.get('start'),
      classHours: Number(f.get('classHours')), teacherId: Number(f.get('teacherId')), mode: f.get('mode') } }));
  });
  return el('section', { class: 'card', id: 'schedule' }, el('h2', {}, t('setup.schedule', { n: c.lessons.length })),
    el('p', { id: 'units-left', class: left.length ? 'short' : 'met' }, left.length ? t('setup.unitsLeft', { n: left.length }) : t('setup.allCovered')),
    left.length ? el('p', {}, field('setup.perDay', perDay), ' ',
      el('button', { type: 'button', id: 'auto-schedule', class: 'primary',
        onclick: () => act(() => api(`/api/classes/${c.id}/schedule`, { method: 'POST', body: { hoursPerDay: Number(perDay.value) } })) }, t('setup.autoSchedule'))) : '',
    c.lessons.length ? el('details', {}, el('summary', {}, t('setup.showLessons')), el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['setup.date', 'setup.start', 'exams.unit', 'setup.classHours', 'setup.teacher', 'setup.mode'].map((k) => el('th', {}, t(k))))),
      el('tbody', {}, c.lessons.map((l) => el('tr', {}, el('td', {}, l.date), el('td', {}, l.start), el('td', {}, units.get(l.unitId)?.name || l.unitName),
        el('td', {}, l.classHours), el('td', {}, teacherName(l.teacherId)), el('td', {}, t(`lessonMode.${l.mode}`)))))))) : '',
    el('details', {}, el('summary', {}, t('setup.oneLesson')), lesson));
}

function rulesCard(violations) {
  return el('section', { class: 'card', id: 'rules' }, el('h2', {}, t('setup.rules')),
    violations.length ? el('ul', { id: 'violations' }, violations.map((v) => el('li', { 'data-rule': v.rule, class: 'short' }, v.message[language()])))
      : el('p', { class: 'met', id: 'ready' }, t('setup.ready')),
    el('button', { type: 'button', class: 'primary', id: 'activate', disabled: violations.length > 0,
      onclick: async () => {
        try {
          await api(`/api/classes/${classId}/activate`, { method: 'POST' });
          location.assign(`/admin/class?id=${classId}`);
        } catch (err) {
          fail(err);
        }
      } }, t('setup.activate')));
}

/** Runs a change, then shows the draft again with what it changed. */
async function act(change) {
  showProblem(box.problem, null);
  try {
    await change();
    showNotice(box.notice, t('setup.saved'));
    await draft();
  } catch (err) {
    fail(err);
  }
}

if (classId) draft(); else newClass();
