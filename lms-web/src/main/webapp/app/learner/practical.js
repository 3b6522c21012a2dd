// A practical exam (操作技能考核) as the learner takes it: each task of the blueprint with its form, minutes,
// the teacher's instructions and rubric; my text answer and, for hands-on tasks, my document (saved on the
// server, replaceable while the exam is open and the work not graded); then each grade with its comment and
// my score on 100.
import { api, download } from '../shared/api.js';
import { dateTime, inLanguage, t } from '../shared/i18n.js';
import { box, el, param, showNotice, showProblem, startPage } from '../shared/page.js';
import { playRecording, rubricList, taskFacts, totalLine } from '../shared/practical.js';
import { follow, pendingUpload, upload as uploadInParts } from '../shared/uploader.js';

startPage('practical.title', 'LEARNER');
const examId = param('exam');

async function show() {
  try {
    const exam = await api(`/api/assessment/practicals/${examId}`);
    box.title.textContent = exam.title;
    box.content.replaceChildren(
      el('section', { class: 'card' },
        el('p', {}, t('exam.window', { opens: dateTime(exam.opensAt), closes: dateTime(exam.closesAt) })),
        el('p', {}, t('practical.rules', { minutes: exam.totalMinutes, pass: exam.passMark })),
        el('p', { id: 'practical-total' }, totalLine(exam.myTotal)),
        exam.open ? '' : el('p', { class: 'muted', id: 'practical-closed' }, t('practical.closed'))),
      ...exam.tasks.map((task) => taskCard(exam, task)));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function taskCard(exam, task) {
  const work = task.mine;
  const s = work.submission;
  const g = work.grade;
  const editable = exam.open && !g;
  const text = el('textarea', { id: `answer-${task.id}`, rows: 6, maxlength: 20000, disabled: !editable }, s && s.text ? s.text : '');
  const file = el('input', { type: 'file', id: `file-${task.id}`, accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png', disabled: !editable });
  const status = el('p', { class: 'muted', 'aria-live': 'polite', id: `status-${task.id}` }, s ? t('practical.handedIn', { at: dateTime(s.submittedAt), n: s.revision }) : t('practical.notHandedIn'));
  return el('section', { class: 'card task', 'data-task': task.id, 'data-form': task.form },
    el('h2', {}, `${task.contentCode} ${task.contentName}`),
    taskFacts(task),
    task.instructions ? el('p', { class: 'instructions' }, task.instructions) : '',
    el('h3', {}, t('practical.rubric')), rubricList(task.rubric, g ? g.points : null),
    el('label', { class: 'field', for: `answer-${task.id}` }, t('practical.answer')), text,
    editable ? el('p', {}, el('button', { type: 'button', class: 'primary', id: `save-${task.id}`, onclick: () => saveText(task, text, status) }, t('practical.saveAnswer'))) : '',
    task.form === 'HANDS_ON' ? el('div', {},
      el('label', { class: 'field' }, t('practical.document'), file),
      s && s.document ? el('p', {}, el('button', { type: 'button', class: 'link', onclick: () => download(`/api/assessment/practicals/${exam.id}/tasks/${task.id}/work/${work.learnerId}/document`, s.document.fileName) },
        t('practical.myDocument', { name: s.document.fileName }))) : '',
      editable ? el('p', {}, el('button', { type: 'button', id: `upload-${task.id}`, onclick: () => upload(task, file, status) }, t('practical.upload'))) : '',
      recordingPart(exam, task, work, editable)) : '',
    status,
    g ? el('div', { class: 'grade', id: `grade-${task.id}` },
      el('p', {}, el('strong', {}, t('practical.graded', { awarded: g.awarded, max: g.maxPoints })), ' ', el('span', { class: 'muted' }, t('practical.gradedBy', { who: g.gradedBy, at: dateTime(g.gradedAt) }))),
      g.comment ? el('p', { class: 'comment' }, t('practical.comment', { c: g.comment })) : '') : '');
}

// A recorded video of the work (a mock live-selling session, for example): uploaded in parts straight to storage
// with real progress (resumed after a reload by choosing the file again), then transcoded like a lesson video.
function recordingPart(exam, task, work, editable) {
  const r = work.submission && work.submission.recording;
  const input = el('input', { type: 'file', id: `recording-${task.id}`, accept: 'video/*', disabled: !editable });
  const bar = el('progress', { max: 100, value: 0, hidden: true, id: `recording-progress-${task.id}` });
  const state = el('p', { class: 'muted', 'aria-live': 'polite', id: `recording-state-${task.id}` });
  const part = el('div', { class: 'recording' },
    el('label', { class: 'field' }, t('practical.recording'), input),
    editable ? el('p', {}, el('button', { type: 'button', id: `record-${task.id}`, onclick: () => sendRecording(task, input, bar, state) }, t('practical.uploadRecording'))) : '',
    bar, state);
  if (r) {
    state.textContent = t('practical.myRecording', { name: r.fileName });
    part.append(el('p', {}, el('button', { type: 'button', class: 'link', onclick: (e) => playRecording(exam.id, task.id, work.learnerId, e.target.closest('p')) }, t('practical.watchRecording'))));
  }
  return part;
}

async function sendRecording(task, input, bar, state) {
  showProblem(box.problem, null);
  if (!input.files.length) { showProblem(box.problem, new Error(t('exams.chooseFile'))); return; }
  const f = input.files[0];
  try {
    // The same file again after a reload or a cut: the upload resumes with a fresh grant where it stopped.
    const key = `practical-${task.id}`;
    const pending = pendingUpload(key);
    const base = `/api/assessment/practicals/${examId}/tasks/${task.id}/recording`;
    const ticket = pending && pending.name === f.name && pending.size === f.size
      ? await api(`${base}/upload-grant`, { method: 'POST' })
      : await api(base, { method: 'POST', body: { fileName: f.name, size: f.size } });
    bar.hidden = false;
    await uploadInParts(key, ticket, f, (sent, total) => { bar.value = Math.round((sent / total) * 100); });
    state.textContent = t('practical.recordingProcessing');
    follow(ticket.eventsUrl, (s) => {
      if (s && s.state === 'READY') { showNotice(box.notice, t('practical.recordingReady', { name: f.name })); show(); }
      else if (s && ['FAILED', 'REJECTED'].includes(s.state)) state.textContent = t('practical.recordingFailed', { reason: inLanguage(s.reason) || s.state });
    });
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function saveText(task, text, status) {
  showProblem(box.problem, null);
  try {
    const w = await api(`/api/assessment/practicals/${examId}/tasks/${task.id}/answer`, { method: 'PUT', body: { text: text.value } });
    status.textContent = t('practical.handedIn', { at: dateTime(w.submission.submittedAt), n: w.submission.revision });
    showNotice(box.notice, t('practical.saved'));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function upload(task, input, status) {
  showProblem(box.problem, null);
  if (!input.files.length) { showProblem(box.problem, new Error(t('exams.chooseFile'))); return; }
  const f = input.files[0];
  try {
    await api(`/api/assessment/practicals/${examId}/tasks/${task.id}/document?name=${encodeURIComponent(f.name)}`,
      { method: 'PUT', body: f, headers: { 'Content-Type': f.type || 'application/octet-stream' } });
    showNotice(box.notice, t('practical.uploaded', { name: f.name }));
    await show();
  } catch (err) {
    showProblem(box.problem, err);
  }
}

if (examId) show(); else showProblem(box.problem, new Error(t('exam.missing')));
