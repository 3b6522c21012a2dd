// What the learner's and the teacher's practical-exam pages show alike: a task's facts from the blueprint,
// its rubric (with the points given, once graded), a score line, and a learner's recorded work played in place.
import { attachHls } from '../player/lesson-player.js';
import { api } from './api.js';
import { language, t } from './i18n.js';
import { box, el, showProblem } from './page.js';

export function taskFacts(task) {
  return el('p', { class: 'muted' }, t('practical.facts', { module: `${task.moduleCode} ${task.moduleName}`, form: t(`practical.form.${task.form}`),
    minutes: task.minutes, importance: t(`practical.importance.${task.importance}`), weight: task.weight }));
}

export function rubricList(rubric, points) {
  return el('ol', { class: 'rubric' }, rubric.map((c, i) => el('li', {},
    el('strong', {}, c.criterion), ` （${points ? `${points[i]} / ` : ''}${t('practical.points', { n: c.points })}）`,
    c.descriptor ? el('span', { class: 'muted' }, ` — ${c.descriptor}`) : '')));
}

export function totalLine(total) {
  if (!total) return '';
  if (total.score === null || total.score === undefined) return t('practical.gradedCount', { graded: total.graded, tasks: total.tasks });
  return [t('practical.score', { score: total.score }), ' ',
    el('span', { class: total.passed ? 'badge ok' : 'badge short' }, t(total.passed ? 'exam.passed' : 'exam.failed'))];
}

/**
 * Plays a learner's recording of a task just after `anchor` (the learner's own, or any for the class's staff); with
 * `task` (the grader's page), its objective measures below it, against the task's time.
 */
export async function playRecording(examId, taskId, learnerId, anchor, task = null) {
  try {
    const access = await api(`/api/assessment/practicals/${examId}/tasks/${taskId}/work/${learnerId}/recording`);
    while (anchor.nextElementSibling?.classList.contains('recording-player')) anchor.nextElementSibling.remove();
    const video = el('video', { controls: true, playsinline: true, class: 'recording-video', 'aria-label': t('practical.recording') });
    const facts = el('div', { class: 'recording-player recording-measures', 'data-measures': taskId });
    anchor.after(el('div', { class: 'player recording-player' }, video), task ? facts : '');
    await attachHls(video, access.playlistUrl);
    if (task && access.measuresUrl) {
      facts.replaceChildren(el('p', { class: 'muted' }, t('measures.computing')));
      const m = await api(access.measuresUrl);
      facts.replaceChildren(measuresList(m, task));
    }
  } catch (err) {
    showProblem(box.problem, err);
  }
}

/** The recording's objective measures: facts for the grader beside the rubric, never a grade. */
function measuresList(m, task) {
  const pct = (share) => (share == null ? t('measures.none') : `${Math.round(share * 100)}%`);
  const seconds = Math.round(m.durationMs / 1000);
  return el('div', {}, el('h4', {}, t('measures.title')), el('ul', { class: 'measures' },
    el('li', { 'data-measure': 'duration' }, t('measures.duration', { s: seconds, limit: task.minutes }),
      task.minutes && seconds > task.minutes * 60 ? el('span', { class: 'badge short' }, t('measures.overTime')) : ''),
    el('li', { 'data-measure': 'picture' }, t('measures.picture', { w: m.width, h: m.height, fps: m.frameRate })),
    el('li', { 'data-measure': 'speech' }, t('measures.speech', { p: pct(m.speechShare) })),
    el('li', { 'data-measure': 'loudness' }, m.loudnessLufs == null ? t('measures.noSound')
      : t('measures.loudness', { i: m.loudnessLufs, lra: m.loudnessRangeLu ?? 0 })),
    el('li', { 'data-measure': 'faces' }, t('measures.faces', { one: pct(m.oneFaceShare), none: pct(m.noFaceShare), several: pct(m.severalFacesShare), n: m.framesSampled })),
    el('li', { class: 'muted' }, m.transcript || (m.transcriptNote ? m.transcriptNote[language()] : ''))));
}
