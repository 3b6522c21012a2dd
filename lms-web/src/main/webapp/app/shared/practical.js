// What the learner's and the teacher's practical-exam pages show alike: a task's facts from the blueprint,
// its rubric (with the points given, once graded), a score line, and a learner's recorded work played in place.
import { attachHls } from '../player/lesson-player.js';
import { api } from './api.js';
import { t } from './i18n.js';
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

/** Plays a learner's recording of a task just after `anchor` (the learner's own, or any for the class's staff). */
export async function playRecording(examId, taskId, learnerId, anchor) {
  try {
    const access = await api(`/api/assessment/practicals/${examId}/tasks/${taskId}/work/${learnerId}/recording`);
    if (anchor.nextElementSibling?.classList.contains('recording-player')) anchor.nextElementSibling.remove();
    const video = el('video', { controls: true, playsinline: true, class: 'recording-video', 'aria-label': t('practical.recording') });
    anchor.after(el('div', { class: 'player recording-player' }, video));
    await attachHls(video, access.playlistUrl);
  } catch (err) {
    showProblem(box.problem, err);
  }
}
