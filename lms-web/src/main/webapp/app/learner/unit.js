// A learning unit: its place in the package and hours, my credited minutes rising as I watch, its lesson
// videos (poster, playing time, how much I watched) in the attendance player, its other learning resources to
// download, and its quizzes. `&play=<resource>` (the home's 继续学习) opens that video's player at once, where I stopped.
import { api } from '../shared/api.js';
import { classHours, minutes, playClock, t } from '../shared/i18n.js';
import { box, el, param, progress, showNotice, showProblem, startPage, unitFacts, unitRequirements, unitSpecification } from '../shared/page.js';
import { LessonPlayer } from '../player/lesson-player.js';
import { openResource } from '../shared/resources.js';

startPage('unit.title', 'LEARNER');
const unitId = Number(param('unit'));
const classId = Number(param('class'));
const credit = el('div', { id: 'unit-credit' });
const stage = el('div', { id: 'stage' });
let player = null;
/** Per lesson video shown, how to redraw its progress when a beat credits more of it. */
const watchedShown = new Map();

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
    onAck: (ack) => {
      if (ack.verdict !== 'ACCEPTED') return;
      watchedShown.get(resource.id)?.(ack.videoCreditedSeconds);
      refreshCredit().catch((e) => showProblem(box.problem, e));
    },
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

/** One lesson video: its poster, title, playing time and how much of it I watched (where I stopped), and 播放. */
function lesson(v) {
  const poster = v.posterUrl ? el('img', { src: v.posterUrl, alt: t('unit.poster', { title: v.title }), loading: 'lazy' }) : null;
  poster?.addEventListener('error', () => poster.replaceWith(el('span', { class: 'no-poster', 'aria-hidden': 'true' }, '▶')));
  const watched = el('span', { class: 'muted', 'data-watched': v.id });
  const bar = el('div', { class: 'lesson-bar' });
  const draw = (seconds) => {
    const pct = v.durationMs ? Math.min(100, Math.round((seconds * 100000) / v.durationMs)) : 0;
    const facts = [v.durationMs ? t('unit.duration', { d: playClock(v.durationMs) }) : '',
      v.finished ? t('unit.finished') : t('unit.watched', { p: pct }),
      v.startsAtMs >= 1000 && !v.finished ? t('unit.stoppedAt', { at: playClock(v.startsAtMs) }) : ''];
    watched.textContent = facts.filter(Boolean).join(' · ');
    bar.replaceChildren(progress(pct, 100, t('unit.watched', { p: pct })));
  };
  draw(v.watchedSeconds || 0);
  watchedShown.set(v.id, draw);
  return el('li', { class: 'lesson', 'data-lesson': v.id },
    el('span', { class: 'thumb' }, poster || el('span', { class: 'no-poster', 'aria-hidden': 'true' }, '▶')),
    el('span', { class: 'lesson-text' }, el('span', {}, v.title), watched),
    el('button', { type: 'button', id: `play-${v.id}`, class: 'primary', onclick: () => play(v) }, t('unit.play')),
    bar);
}

async function show() {
  try {
    const [unit, resources, exams, mine] = await Promise.all([
      api(`/api/catalogue/units/${unitId}`),
      api(`/api/resources?unitId=${unitId}&category=LEARNING&size=100`),
      classId ? api(`/api/assessment/classes/${classId}/exams`) : [],
      classId ? api(`/api/attendance/classes/${classId}/units/${unitId}/videos`) : null,
    ]);
    const quizzes = exams.filter((e) => e.unitId === unitId);
    // With the class, my progress in each video of the unit; without it, the videos as listed.
    const videos = mine ? mine.items.map((v) => ({ ...v, id: v.resourceId }))
      : resources.items.filter((r) => r.kind === 'VIDEO').map((r) => ({ ...r, watchedSeconds: 0, startsAtMs: 0, finished: false }));
    const others = resources.items.filter((r) => r.kind !== 'VIDEO');
    box.content.replaceChildren(
      el('section', { class: 'card' },
        el('h2', { id: 'unit-name' }, unit.name),
        unitFacts(unit), unitRequirements(unit), unitSpecification(unit),
        credit),
      stage,
      el('section', { class: 'card' }, el('h2', {}, t('unit.lessons')),
        videos.length ? el('ul', { class: 'units lessons' }, videos.map(lesson))
          : el('p', { class: 'muted' }, t('unit.noLessons'))),
      el('section', { class: 'card' }, el('h2', {}, t('unit.materials')),
        others.length ? el('ul', { class: 'units' }, others.map((r) => el('li', {},
          el('span', {}, r.title, ' ', el('span', { class: 'muted' }, t(`kind.${r.kind}`))),
          el('button', { type: 'button', onclick: () => openResource(r).catch((e) => showProblem(box.problem, e)) }, t('unit.open')))))
          : el('p', { class: 'muted' }, t('unit.noMaterials'))),
      quizzes.length ? el('section', { class: 'card', id: 'quizzes' }, el('h2', {}, t('unit.quizzes')),
        el('ul', {}, quizzes.map((q) => el('li', { 'data-exam': q.id }, el('a', { href: `/learner/exam?exam=${q.id}` }, q.title))))) : '');
    await refreshCredit();
    // From the home's 继续学习: that video plays at once, from where I stopped (the player starts there itself).
    const wanted = videos.find((v) => v.id === Number(param('play')));
    if (wanted) {
      stage.scrollIntoView({ block: 'start' });
      await play(wanted);
    }
  } catch (err) {
    showProblem(box.problem, err);
  }
}

show();
