// A theory exam: its facts and my attempts; the paper of my open attempt, each answer saved on the
// server as I give it, a countdown from the server's deadline, submission (mine or the clock's); then my
// score per module, and the right answers and explanations once the teacher releases them. While the attempt
// is open, the exam materials (assessment resources of the units on the paper) open beside it.
import { api } from '../shared/api.js';
import { dateTime, score, t } from '../shared/i18n.js';
import { box, el, param, showNotice, showProblem, startPage } from '../shared/page.js';
import { attachHls } from '../player/lesson-player.js';

startPage('exam.title', 'LEARNER');
const examId = param('exam');
let timer = null;


async function overview() {
  clearInterval(timer);
  try {
    const exam = await api(`/api/assessment/exams/${examId}`);
    box.title.textContent = exam.title;
    const now = Date.now();
    const open = exam.myAttempts.find((a) => !a.submittedAt);
    const windowOpen = now >= Date.parse(exam.opensAt) && now < Date.parse(exam.closesAt);
    const canStart = open || (windowOpen && (exam.attemptsAllowed === null || exam.myAttempts.length < exam.attemptsAllowed));
    box.content.replaceChildren(
      el('section', { class: 'card' },
        el('p', {}, t('exam.window', { opens: dateTime(exam.opensAt), closes: dateTime(exam.closesAt) })),
        el('p', {}, t('exam.rules', { minutes: exam.durationMinutes, pass: exam.passMark, allowed: exam.attemptsAllowed ?? t('exam.unlimited') })),
        canStart ? el('button', { type: 'button', id: 'start-exam', onclick: start }, t(open ? 'exam.resume' : 'exam.start'))
          : el('p', { class: 'muted', id: 'cannot-start' }, t(windowOpen ? 'exam.noAttemptLeft' : 'exam.closed'))),
      el('section', { class: 'card' }, el('h2', {}, t('exam.myAttempts')),
        exam.myAttempts.length ? el('ul', { class: 'attempts' }, exam.myAttempts.map((a) => el('li', { 'data-attempt': a.id },
          t('exam.attemptNo', { n: a.number }), ' · ',
          a.submittedAt ? el('a', { href: `/learner/exam?exam=${examId}&attempt=${a.id}` }, t('exam.scoreLine', { score: score(a.score, a.maxScore) }))
            : t('exam.inProgress'),
          a.submittedAt ? el('span', { class: a.passed ? 'badge ok' : 'badge short' }, t(a.passed ? 'exam.passed' : 'exam.failed')) : '')))
          : el('p', { class: 'muted' }, t('exam.noAttempt'))));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function start() {
  try {
    showProblem(box.problem, null);
    paper(await api(`/api/assessment/exams/${examId}/attempts`, { method: 'POST' }));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

const TYPE = { SINGLE_CHOICE: 'radio', TRUE_FALSE: 'radio', MULTIPLE_CHOICE: 'checkbox' };

function choices(item) {
  return item.type === 'TRUE_FALSE' ? [['T', t('exam.true')], ['F', t('exam.false')]]
    : item.options.map((text, i) => [String.fromCharCode(65 + i), `${String.fromCharCode(65 + i)}. ${text}`]);
}

function paper(attempt) {
  if (attempt.submittedAt) { result(attempt); return; }
  const deadline = Date.now() + attempt.remainingSeconds * 1000;
  const clock = el('p', { class: 'countdown', id: 'countdown', role: 'timer', 'aria-live': 'off' });
  const tick = () => {
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    clock.textContent = t('exam.left', { m: Math.floor(left / 60), s: String(left % 60).padStart(2, '0') });
    if (left === 0) { clearInterval(timer); timeUp(attempt.id); }
  };
  clearInterval(timer);
  timer = setInterval(tick, 1000);
  tick();
  const questions = attempt.items.map((item) => {
    const status = el('span', { class: 'muted saved', 'aria-live': 'polite' }, item.answer ? t('exam.saved') : '');
    const name = `q${item.position}`;
    const inputs = choices(item).map(([value, label]) => el('label', { class: 'choice' },
      el('input', { type: TYPE[item.type], name, value, checked: (item.answer || '').includes(value) && (item.type !== 'TRUE_FALSE' || item.answer === value),
        onchange: () => save(attempt.id, item, name, status) }), ' ', label));
    return el('fieldset', { class: 'question card', 'data-position': item.position },
      el('legend', {}, `${item.position}. [${t(`exam.type.${item.type}`)}] `, item.stem, ' ', el('span', { class: 'muted' }, t('exam.points', { n: item.points }))),
      ...inputs, status);
  });
  const materials = el('section', { class: 'card', id: 'materials', hidden: true });
  box.content.replaceChildren(clock, materials, el('form', { id: 'paper', onsubmit: (e) => e.preventDefault() }, ...questions),
    el('button', { type: 'button', id: 'submit-exam', onclick: () => submit(attempt) }, t('exam.submit')));
  showMaterials(attempt.id, materials);
}

/** The attempt's exam materials (assessment resources of the units on the paper), reachable only while it is open. */
async function showMaterials(attemptId, section) {
  try {
    const list = await api(`/api/assessment/attempts/${attemptId}/materials`);
    if (!list.length) return;
    section.replaceChildren(el('h2', {}, t('exam.materials')), el('ul', { class: 'materials' }, list.map((m) => {
      const item = el('li', { 'data-material': m.id });
      item.append(el('button', { type: 'button', class: 'link', onclick: () => openMaterial(attemptId, m, item) }, m.title));
      return item;
    })));
    section.hidden = false;
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function openMaterial(attemptId, material, item) {
  try {
    const access = await api(`/api/assessment/attempts/${attemptId}/materials/${material.id}`);
    if (!access.playlistUrl) {
      window.open(access.fileUrl, '_blank', 'noopener');
      return;
    }
    item.querySelector('.player')?.remove();
    const video = el('video', { controls: true, playsinline: true, 'aria-label': material.title });
    item.append(el('div', { class: 'player' }, video));
    await attachHls(video, access.playlistUrl);
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function save(attemptId, item, name, status) {
  const answer = [...document.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value).join('');
  status.textContent = t('exam.saving');
  try {
    await api(`/api/assessment/attempts/${attemptId}/answers/${item.position}`, { method: 'PUT', body: { answer } });
    status.textContent = t('exam.saved');
  } catch (err) {
    status.textContent = '';
    showProblem(box.problem, err);
    if (err.status === 409) timeUp(attemptId);
  }
}

async function submit(attempt) {
  const unanswered = [...document.querySelectorAll('fieldset.question')].filter((f) => !f.querySelector('input:checked')).length;
  if (!confirm(unanswered ? t('exam.confirmUnanswered', { n: unanswered }) : t('exam.confirm'))) return;
  try {
    clearInterval(timer);
    result(await api(`/api/assessment/attempts/${attempt.id}/submit`, { method: 'POST' }));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function timeUp(attemptId) {
  showNotice(box.notice, t('exam.timeUp'));
  // The server ends the attempt a few seconds after the deadline (answers in flight still count).
  await new Promise((r) => setTimeout(r, 4000));
  try {
    result(await api(`/api/assessment/attempts/${attemptId}`));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function result(attempt) {
  clearInterval(timer);
  const r = attempt.result;
  const answers = attempt.items.map((item) => el('li', { class: 'card' },
    el('p', {}, `${item.position}. `, item.stem),
    item.type === 'TRUE_FALSE' ? '' : el('ol', { type: 'A' }, item.options.map((o) => el('li', {}, o))),
    el('p', {}, t('exam.yourAnswer', { a: show(item, item.answer) })),
    attempt.answersShown ? el('p', { class: item.awarded > 0 ? 'met' : 'short' }, t('exam.rightAnswer', { a: show(item, item.correctAnswer), got: item.awarded, n: item.points })) : '',
    attempt.answersShown && item.explanation ? el('p', { class: 'muted' }, t('exam.explanation', { x: item.explanation })) : ''));
  box.content.replaceChildren(
    el('section', { class: 'card', id: 'result' },
      el('h2', {}, t('exam.result')),
      el('p', { id: 'score' }, t('exam.scoreLine', { score: score(r.score, r.maxScore) }), ' ',
        el('span', { class: r.passed ? 'badge ok' : 'badge short' }, t(r.passed ? 'exam.passed' : 'exam.failed'))),
      attempt.submittedBy === 'TIME_UP' ? el('p', { class: 'muted' }, t('exam.endedByClock')) : '',
      el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, t('exam.module')), el('th', {}, t('exam.moduleScore')))),
        el('tbody', {}, r.modules.map((m) => el('tr', {}, el('td', {}, `${m.code} ${m.name}`), el('td', {}, `${m.awarded} / ${m.points}`))))),
      el('p', {}, el('a', { href: `/learner/exam?exam=${examId}` }, t('exam.back')))),
    attempt.answersShown ? '' : el('p', { class: 'muted' }, t('exam.answersLater')),
    el('ol', { class: 'review' }, answers));
  window.scrollTo(0, 0);
}

function show(item, answer) {
  if (!answer) return t('exam.none');
  return item.type === 'TRUE_FALSE' ? t(answer === 'T' ? 'exam.true' : 'exam.false') : answer;
}

if (!examId) {
  showProblem(box.problem, new Error(t('exam.missing')));
} else if (param('attempt')) {
  api(`/api/assessment/attempts/${param('attempt')}`).then((a) => (a.submittedAt ? result(a) : paper(a))).catch((err) => showProblem(box.problem, err));
} else {
  overview();
}
