// Face checks that withheld a learner's credit, for the class's teachers and the administrators to review: the
// enrolled photo beside the frames the check took, the verdict and what is withheld; approve (the seconds count
// again) or reject with a reason the learner sees. Every decision is audited and enters the attendance chain.
import { api } from './api.js';
import { dateTime, t } from './i18n.js';
import { box, el, showNotice, showProblem } from './page.js';

/** The review section of the class's page (empty when the class asks for no face checks). */
export function faceReviews(classId, presenceChecks) {
  const section = el('section', { class: 'card', id: 'face-reviews' });
  if (!presenceChecks) return '';
  load(section, classId);
  return section;
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
    el('p', {}, el('strong', {}, c.learnerName || c.username), ` · ${c.unitName || ''} · ${dateTime(c.dueAt)}`),
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
