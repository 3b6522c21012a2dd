// What the learner's and the teacher's practical-exam pages show alike: a task's facts from the blueprint,
// its rubric (with the points given, once graded) and a score line.
import { t } from './i18n.js';
import { el } from './page.js';

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
