// A learning unit: its place in the package and hours, my credited minutes rising as I watch, its lesson
// videos in the attendance player, its other learning resources to download, and its quizzes.
import { api } from '../shared/api.js';
import { classHours, minutes, t } from '../shared/i18n.js';
import { box, el, param, progress, showNotice, showProblem, startPage, unitFacts, unitRequirements, unitSpecification } from '../shared/page.js';
import { LessonPlayer } from '../player/lesson-player.js';
import { openResource } from '../shared/resources.js';

startPage('unit.title', 'LEARNER');
const unitId = Number(param('unit'));
const classId = Number(param('class'));
const credit = el('div', { id: 'unit-credit' });
const stage = el('div', { id: 'stage' });
let player = null;

async function refreshCredit() {
  const ledger = await api(`/api/attendance/classes/${classId}/ledger`);
  const u = ledger.items[0]?.units.find((x) => x.unitId === unitId);
  if (!u) {
    credit.replaceChildren(el('p', {}, t('unit.notInPlan')));
    return;
  }
  credit.replaceChildren(
    el('p', {}, t('unit.credited'), ' ', el('strong', { id: 'credited-minutes', 'data-minutes': u.creditedMinutes }, minutes(u.creditedMinutes)),
      ' / ', classHours(u.requiredMinutes, ledger.classHourMinutes)),
    progress(u.creditedMinutes, u.requiredMinutes, t('unit.credited')));
}

async function play(resource) {
  player?.stop();
  showProblem(box.problem, null);
  player = new LessonPlayer({
    mount: stage,
    resourceId: resource.id,
    classId: classId || undefined,
    onAck: (ack) => { if (ack.verdict === 'ACCEPTED') refreshCredit().catch((e) => showProblem(box.problem, e)); },
    onNotice: (text) => showNotice(box.notice, text),
    onProblem: (err) => showProblem(box.problem, err),
  });
  try {
    await player.start();
    document.querySelectorAll('[data-playing]').forEach((b) => b.removeAttribute('data-playing'));
    document.getElementById(`play-${resource.id}`)?.setAttribute('data-playing', '');
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function show() {
  try {
    const [unit, resources, exams] = await Promise.all([
      api(`/api/catalogue/units/${unitId}`),
      api(`/api/resources?unitId=${unitId}&category=LEARNING&size=100`),
      classId ? api(`/api/assessment/classes/${classId}/exams`) : [],
    ]);
    const quizzes = exams.filter((e) => e.unitId === unitId);
    const videos = resources.items.filter((r) => r.kind === 'VIDEO');
    const others = resources.items.filter((r) => r.kind !== 'VIDEO');
    box.content.replaceChildren(
      el('section', { class: 'card' },
        el('h2', { id: 'unit-name' }, unit.name),
        unitFacts(unit), unitRequirements(unit), unitSpecification(unit),
        credit),
      stage,
      el('section', { class: 'card' }, el('h2', {}, t('unit.lessons')),
        videos.length ? el('ul', { class: 'units' }, videos.map((v) => el('li', {},
          el('span', {}, v.title),
          el('button', { type: 'button', id: `play-${v.id}`, class: 'primary', onclick: () => play(v) }, t('unit.play')))))
          : el('p', { class: 'muted' }, t('unit.noLessons'))),
      el('section', { class: 'card' }, el('h2', {}, t('unit.materials')),
        others.length ? el('ul', { class: 'units' }, others.map((r) => el('li', {},
          el('span', {}, r.title, ' ', el('span', { class: 'muted' }, t(`kind.${r.kind}`))),
          el('button', { type: 'button', onclick: () => openResource(r).catch((e) => showProblem(box.problem, e)) }, t('unit.open')))))
          : el('p', { class: 'muted' }, t('unit.noMaterials'))),
      quizzes.length ? el('section', { class: 'card', id: 'quizzes' }, el('h2', {}, t('unit.quizzes')),
        el('ul', {}, quizzes.map((q) => el('li', { 'data-exam': q.id }, el('a', { href: `/learner/exam?exam=${q.id}` }, q.title))))) : '');
    await refreshCredit();
  } catch (err) {
    showProblem(box.problem, err);
  }
}

show();
