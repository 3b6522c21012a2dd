// A practical exam (操作技能考核) as the class's teacher runs it: each task's instructions and rubric (criteria
// with points and descriptors, editable until the task's first grade), then grading learner by learner (their
// text and document beside the rubric, points per criterion and a comment), the scores and the export.
import { api, download } from '../shared/api.js';
import { dateTime, t } from '../shared/i18n.js';
import { box, el, param, showNotice, showProblem, startPage } from '../shared/page.js';
import { playRecording, rubricList, taskFacts, totalLine } from '../shared/practical.js';

startPage('practical.title', 'TEACHER', 'ADMINISTRATOR');
const examId = param('exam');
let exam;

async function show(learnerId) {
  try {
    exam = await api(`/api/assessment/practicals/${examId}`);
    const rows = await api(`/api/assessment/practicals/${examId}/results`);
    box.title.textContent = `${exam.className} · ${exam.title}`;
    box.content.replaceChildren(
      el('section', { class: 'card' },
        el('p', {}, t('exam.window', { opens: dateTime(exam.opensAt), closes: dateTime(exam.closesAt) })),
        el('p', {}, t('practical.rules', { minutes: exam.totalMinutes, pass: exam.passMark })),
        el('p', {}, el('a', { href: `/teacher/exams?class=${exam.classId}` }, t('practical.backToExams')))),
      el('section', { class: 'card' }, el('h2', {}, t('practical.tasks')), el('p', { class: 'muted' }, t('practical.rubricHelp')),
        ...exam.tasks.map(taskEditor)),
      resultsCard(rows),
      el('div', { id: 'grading' }));
    if (learnerId) grading(rows.find((r) => r.learnerId === learnerId));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function criterionRow(c = { criterion: '', points: 5, descriptor: '' }) {
  const remove = el('button', { type: 'button', class: 'link', 'aria-label': t('practical.removeCriterion') }, '✕');
  const row = el('div', { class: 'criterion' },
    el('label', {}, t('practical.criterion'), el('input', { name: 'criterion', value: c.criterion, maxlength: 200, required: true })),
    el('label', {}, t('practical.maxPoints'), el('input', { name: 'points', type: 'number', min: 1, max: 100, value: c.points, required: true })),
    el('label', {}, t('practical.descriptor'), el('input', { name: 'descriptor', value: c.descriptor || '', maxlength: 1000 })),
    remove);
  remove.addEventListener('click', () => row.remove());
  return row;
}

function taskEditor(task) {
  const head = [el('h3', {}, `${task.contentCode} ${task.contentName}`), taskFacts(task)];
  if (task.rubricFixed) {
    return el('div', { class: 'task', 'data-task': task.id }, ...head,
      task.instructions ? el('p', { class: 'instructions' }, task.instructions) : '', rubricList(task.rubric, null),
      el('p', { class: 'muted' }, t('practical.rubricFixed')));
  }
  const criteria = el('div', { class: 'criteria' }, task.rubric.map((c) => criterionRow(c)));
  const form = el('form', { class: 'stack', 'data-task': task.id },
    el('label', {}, t('practical.instructions'), el('textarea', { name: 'instructions', rows: 3, maxlength: 4000 }, task.instructions)),
    criteria,
    el('p', {}, el('button', { type: 'button', class: 'add-criterion', onclick: () => criteria.append(criterionRow()) }, t('practical.addCriterion')), ' ',
      el('button', { type: 'submit', class: 'primary' }, t('practical.saveTask'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(box.problem, null);
    const rubric = [...criteria.querySelectorAll('.criterion')].map((r) => ({
      criterion: r.querySelector('[name=criterion]').value, points: Number(r.querySelector('[name=points]').value),
      descriptor: r.querySelector('[name=descriptor]').value }));
    try {
      await api(`/api/assessment/practicals/${examId}/tasks/${task.id}`, { method: 'PUT', body: { instructions: form.elements.instructions.value, rubric } });
      showNotice(box.notice, t('practical.taskSaved', { task: task.contentName }));
    } catch (err) {
      showProblem(box.problem, err);
    }
  });
  return el('div', { class: 'task' }, ...head, form);
}

function resultsCard(rows) {
  return el('section', { class: 'card', id: 'practical-results' }, el('h2', {}, t('practical.results')),
    el('p', {},
      el('button', { type: 'button', onclick: () => download(`/api/assessment/practicals/${examId}/export`, 'practical.csv') }, t('exams.exportCsv')), ' ',
      el('button', { type: 'button', onclick: () => download(`/api/assessment/practicals/${examId}/export?format=xlsx`, 'practical.xlsx') }, t('exams.exportXlsx'))),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, t('people.name')), ...exam.tasks.map((k) => el('th', { title: k.contentName }, `${k.contentCode}（${k.weight}%）`)),
        el('th', {}, t('exams.score')), el('th', {}, ''))),
      el('tbody', {}, rows.map((r) => el('tr', { 'data-learner': r.username },
        el('td', {}, `${r.fullName} (${r.username})`),
        ...r.tasks.map((w) => el('td', {}, w.grade ? `${w.grade.awarded}/${w.grade.maxPoints}` : w.submission ? t('practical.toGrade') : '—')),
        el('td', {}, totalLine(r.total)),
        el('td', {}, el('button', { type: 'button', class: 'link', 'data-grade': r.username, onclick: () => grading(r) }, t('practical.grade')))))))));
}

function grading(row) {
  const target = document.getElementById('grading');
  target.replaceChildren(el('section', { class: 'card', id: 'grade-learner', 'data-learner': row.username },
    el('h2', {}, t('practical.gradeOf', { name: row.fullName })),
    ...exam.tasks.map((task, i) => gradeForm(task, row.tasks[i], row))));
  target.scrollIntoView();
}

function gradeForm(task, work, row) {
  const s = work.submission;
  const g = work.grade;
  const inputs = task.rubric.map((c, i) => el('label', {}, `${c.criterion}（0–${c.points}）`,
    el('input', { type: 'number', name: `p${i}`, min: 0, max: c.points, required: true, value: g ? g.points[i] : '' })));
  const comment = el('textarea', { name: 'comment', rows: 2, maxlength: 2000 }, g && g.comment ? g.comment : '');
  const form = el('form', { class: 'stack grade-task', 'data-task': task.id },
    el('h3', {}, `${task.contentCode} ${task.contentName}`), taskFacts(task),
    s && s.text ? el('blockquote', { class: 'answer' }, s.text) : '',
    s && s.document ? el('p', {}, el('button', { type: 'button', class: 'link', onclick: () => download(`/api/assessment/practicals/${examId}/tasks/${task.id}/work/${row.learnerId}/document`, s.document.fileName) },
      t('practical.theirDocument', { name: s.document.fileName }))) : '',
    s && s.recording ? el('p', {}, el('button', { type: 'button', class: 'link', 'data-recording': task.id, onclick: (e) => playRecording(examId, task.id, row.learnerId, e.target.closest('p'), task) },
      t('practical.theirRecording', { name: s.recording.fileName }))) : '',
    s ? el('p', { class: 'muted' }, t('practical.handedIn', { at: dateTime(s.submittedAt), n: s.revision })) : el('p', { class: 'muted' }, t('practical.notHandedIn')),
    el('div', { class: 'criteria' }, inputs),
    el('label', {}, t('practical.commentLabel'), comment),
    el('p', {}, el('button', { type: 'submit', class: 'primary' }, t(g ? 'practical.regrade' : 'practical.saveGrade')),
      g ? el('span', { class: 'muted' }, ` ${t('practical.graded', { awarded: g.awarded, max: g.maxPoints })}`) : ''));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(box.problem, null);
    try {
      await api(`/api/assessment/practicals/${examId}/tasks/${task.id}/work/${row.learnerId}/grade`, { method: 'PUT',
        body: { points: inputs.map((l) => Number(l.querySelector('input').value)), comment: comment.value } });
      showNotice(box.notice, t('practical.gradeSaved', { task: task.contentName, name: row.fullName }));
      await show(row.learnerId);
    } catch (err) {
      showProblem(box.problem, err);
    }
  });
  return form;
}

if (examId) show(); else showProblem(box.problem, new Error(t('exam.missing')));
