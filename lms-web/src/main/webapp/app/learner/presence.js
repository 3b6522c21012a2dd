// Face checks (人脸核验) for a learner of a class that asks for them: the consent text (sensitive personal
// information: a separate consent, which can be withdrawn), the reference photo taken with the camera, and which
// classes ask for checks. The photo is judged on the server (exactly one clear face); this page only takes it.
import { api, ApiError } from '../shared/api.js';
import { dateTime, language, minutes, t } from '../shared/i18n.js';
import { box, el, showNotice, showProblem, startPage } from '../shared/page.js';

startPage('face.page', 'LEARNER');
let stream;

async function show() {
  try {
    const [me, text] = await Promise.all([api('/api/presence/me'), api('/api/presence/consent-text')]);
    box.content.replaceChildren(classes(me), checks(me), consent(me, text), me.consentCurrent ? photo(me) : '', me.consentVersion ? withdrawal() : '');
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function classes(me) {
  if (!me.classes.length) return el('p', { class: 'card', id: 'face-no-class' }, t('face.noClass'));
  return el('section', { class: 'card' }, el('h2', {}, t('face.classes')),
    el('ul', { id: 'face-classes' }, me.classes.map((c) => el('li', { 'data-class': c.classId }, c.className, ' · ',
      c.waived ? t('face.waived') : t('face.perHour', { n: c.checksPerClassHour, s: c.answerSeconds }),
      el('span', { class: 'muted' }, ` ${t('face.contact', { who: c.contact })}`)))));
}

/** My checks that withheld time: awaiting review, or what the reviewer decided and said. */
function checks(me) {
  if (!me.checks.length) return '';
  return el('section', { class: 'card' }, el('h2', {}, t('face.myChecks')),
    el('ul', { id: 'face-my-checks' }, me.checks.map((c) => el('li', { 'data-state': c.state },
      `${dateTime(c.dueAt)} · ${t(`face.kind.${c.kind}`, {}, '')} · ${t(`face.outcome.${c.outcome}`, {}, c.outcome)} `,
      el('span', { class: c.state === 'APPROVED' ? 'badge ok' : 'badge short' }, t(`face.state.${c.state}`, { m: minutes(c.withheldSeconds / 60) })),
      c.reviewNote ? el('span', { class: 'muted' }, ` ${t('face.reviewNote', { note: c.reviewNote })}`) : ''))));
}

function consent(me, text) {
  const body = el('div', { class: 'consent-text', id: 'face-consent-text' },
    ...(language() === 'en' ? text.textEn : text.text).split('\n').map((line) => el('p', {}, line)));
  const status = me.consentCurrent
    ? el('p', { id: 'face-consented', class: 'badge ok' }, t('face.consented', { at: dateTime(me.consentGivenAt), v: me.consentVersion }))
    : el('button', { type: 'button', class: 'primary', id: 'face-agree', onclick: () => act(() => api('/api/presence/me/consent',
      { method: 'POST', body: { version: text.version } }), t('face.agreed')) }, t('face.agree'));
  return el('section', { class: 'card' }, el('h2', {}, t('face.consentTitle', { v: text.version })), body, status);
}

function photo(me) {
  const preview = el('video', { autoplay: true, muted: true, playsinline: true, id: 'face-preview', class: 'face-preview', hidden: true });
  const take = el('button', { type: 'button', class: 'primary', id: 'face-take', hidden: true, onclick: () => enrol(preview) }, t('face.take'));
  const open = el('button', { type: 'button', id: 'face-camera', onclick: async () => {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, facingMode: 'user' }, audio: false });
      preview.srcObject = stream;
      preview.hidden = false;
      take.hidden = false;
      open.hidden = true;
    } catch (e) {
      showProblem(box.problem, new Error(t('face.noCamera')));
    }
  } }, me.enrolledAt ? t('face.retake') : t('face.openCamera'));
  const state = me.enrolledAt
    ? el('p', { id: 'face-enrolled', class: 'badge ok' }, t('face.enrolled', { at: dateTime(me.enrolledAt), until: dateTime(me.photoDeletedAfter) }))
    : el('p', { id: 'face-not-enrolled', class: 'badge short' }, t('face.notEnrolled'));
  return el('section', { class: 'card' }, el('h2', {}, t('face.photo')), state, el('p', { class: 'muted' }, t('face.photoHelp')), preview, open, take);
}

async function enrol(preview) {
  const canvas = el('canvas', { width: preview.videoWidth || 640, height: preview.videoHeight || 480 });
  canvas.getContext('2d').drawImage(preview, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
  await act(() => api('/api/presence/me/photo', { method: 'PUT', body: blob, headers: { 'Content-Type': 'image/jpeg' } }), t('face.photoSaved'));
}

function withdrawal() {
  return el('section', { class: 'card' }, el('h2', {}, t('face.withdrawTitle')), el('p', {}, t('face.withdrawHelp')),
    el('button', { type: 'button', id: 'face-withdraw', onclick: () => {
      if (window.confirm(t('face.withdrawConfirm'))) act(() => api('/api/presence/me/consent', { method: 'DELETE' }), t('face.withdrawn'));
    } }, t('face.withdraw')));
}

async function act(call, done) {
  box.problem.hidden = true;
  try {
    await call();
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    await show();
    showNotice(box.notice, done);
  } catch (err) {
    showProblem(box.problem, err instanceof ApiError ? err : new Error(String(err)));
  }
}

show();
