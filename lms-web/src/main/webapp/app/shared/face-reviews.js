// Face checks that withheld a learner's credit, for the class's teachers and the administrators to review: the
// enrolled photo beside the frames the check took, the verdict and what is withheld; approve (the seconds count
// again) or reject with a reason the learner sees. Every decision is audited and enters the attendance chain.
import { account, api } from './api.js';
import { dateTime, language, t } from './i18n.js';
import { box, el, showNotice, showProblem } from './page.js';

/**
 * The review section of the class's page (empty when the class asks for no face checks); for an administrator, also the
 * form that records another verification for a learner who cannot do face checks (no camera, no consent).
 */
export function faceReviews(classId, presenceChecks, learners) {
  const section = el('section', { class: 'card', id: 'face-reviews' });
  if (!presenceChecks) return '';
  load(section, classId);
  return account().role === 'ADMINISTRATOR' ? el('div', {}, section, waiverForm(classId, learners)) : section;
}

function waiverForm(classId, learners) {
  const who = el('select', { name: 'learner', id: 'waiver-learner' }, learners.map((l) => el('option', { value: l.learnerId }, l.fullName || l.username)));
  const method = el('input', { type: 'text', name: 'method', id: 'waiver-method', maxlength: 500, required: true, placeholder: t('waiver.method') });
  const form = el('form', { class: 'stack', id: 'waiver-form' }, el('p', { class: 'muted' }, t('waiver.help')), who, method,
    el('button', { type: 'submit' }, t('waiver.record')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    api(`/api/presence/classes/${classId}/learners/${who.value}/waiver`, { method: 'PUT', body: { method: method.value } })
      .then(() => { showNotice(box.notice, t('waiver.recorded')); method.value = ''; })
      .catch((err) => showProblem(box.problem, err));
  });
  const zip = el('input', { type: 'file', accept: '.zip,application/zip', id: 'photo-zip' });
  const report = el('ul', { id: 'photo-report' });
  zip.addEventListener('change', () => {
    if (!zip.files.length) return;
    api('/api/presence/photos', { method: 'POST', body: zip.files[0], headers: { 'Content-Type': 'application/zip' } })
      .then((lines) => report.replaceChildren(...lines.map((l) => el('li', { 'data-result': l.result },
        `${l.file}：${t(`photoImport.${l.result}`)}${l.detail ? `（${l.detail[language()]}）` : ''}`))))
      .catch((err) => showProblem(box.problem, err));
  });
  return el('section', { class: 'card', id: 'waiver' }, el('h2', {}, t('waiver.title')), form,
    el('h3', {}, t('photoImport.title')), el('p', { class: 'muted' }, t('photoImport.help')), zip, report);
}

async function load(section, classId) {
  try {
    const checks = await api(`/api/presence/classes/${classId}/checks`);
    section.replaceChildren(el('h2', {}, t('faceReview.title', { n: checks.length })),
      checks.length ? el('ul', { class: 'face-reviews' }, checks.map((c) => item(section, classId, c)))
        : el('p', { class: 'muted', id: 'face-reviews-none' }, t('faceReview.none')));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function item(section, classId, c) {
  const photos = el('div', { class: 'face-photos' });
  const note = el('input', { type: 'text', maxlength: 500, id: `face-note-${c.checkId}`, placeholder: t('faceReview.note') });
  const decide = (approve) => api(`/api/presence/checks/${c.checkId}/review`, { method: 'POST', body: { approve, note: note.value } })
    .then(() => { showNotice(box.notice, approve ? t('faceReview.approved') : t('faceReview.rejected')); load(section, classId); })
    .catch((err) => showProblem(box.problem, err));
  const li = el('li', { 'data-check': c.checkId },
    el('p', {}, el('strong', {}, c.learnerName || c.username), ` · ${c.unitName || ''} · `,
      el('span', { 'data-kind': c.kind, 'data-lesson': c.lessonId ?? '' },
        c.kind === 'LIVE' ? t('faceReview.liveLesson', { at: dateTime(c.lessonStartsAt) }) : t('face.kind.SELF_PACED')),
      ` · ${dateTime(c.dueAt)}`),
    el('p', {}, t(`face.outcome.${c.outcome}`, {}, c.outcome), ' ',
      el('span', { class: 'badge short' }, t('faceReview.withheld', { s: c.withheldSeconds })),
      c.distance == null ? '' : el('span', { class: 'muted' }, ` ${t('faceReview.distance', { d: c.distance })}`)),
    photos,
    el('p', {}, note, ' ',
      el('button', { type: 'button', class: 'primary', 'data-approve': c.checkId, onclick: () => decide(true) }, t('faceReview.approve')), ' ',
      el('button', { type: 'button', 'data-reject': c.checkId, onclick: () => decide(false) }, t('faceReview.reject'))));
  const wanted = [c.referenceKept ? ['reference', t('faceReview.reference')] : null,
    ...(c.framesKept ? [0, 1, 2].map((n) => [String(n), t('faceReview.frame', { n: n + 1 })]) : [])].filter(Boolean);
  if (!wanted.length) photos.replaceChildren(el('p', { class: 'muted' }, t('faceReview.noPhotos')));
  wanted.forEach(([which, label]) => api(`/api/presence/checks/${c.checkId}/photos/${which}`, { raw: true })
    .then((r) => r.blob())
    .then((blob) => photos.append(el('figure', {}, el('img', { src: URL.createObjectURL(blob), alt: label, 'data-photo': which }), el('figcaption', {}, label))))
    .catch(() => {}));
  return li;
}
