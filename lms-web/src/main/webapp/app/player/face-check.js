// The face check of a class that asks for one: when the server says a check is due (at the start of a lesson and
// at random times after), the player pauses and shows the camera; the learner starts the check, three frames are
// taken a second apart and sent to the server, which alone decides (the same person as the enrolled photo, one
// face, live). Nothing counts while a check is due. The frames are not kept by this page.
import { api } from '../shared/api.js';
import { t } from '../shared/i18n.js';
import { el } from '../shared/page.js';

const FRAMES = 3;
const GAP_MS = 1000;

/**
 * Runs the check due in the session, if any, in `overlay`: resolves 'none' (nothing due), 'passed', or 'failed' (the
 * session is over: its credit since the last pass is withheld for review).
 */
export async function faceCheck(overlay, sessionId) {
  const check = await api(`/api/presence/sessions/${sessionId}/check`);
  if (!check) return 'none';
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, facingMode: 'user' }, audio: false });
  } catch (e) {
    show(overlay, el('h2', {}, t('face.title')), el('p', { id: 'face-no-camera', class: 'problem' }, t('face.noCamera')));
    return new Promise(() => {}); // nothing counts until a camera is there: the page stays as it is
  }
  const preview = el('video', { autoplay: true, muted: true, playsinline: true, id: 'face-preview', class: 'face-preview' });
  preview.srcObject = stream;
  try {
    return await answerLoop(overlay, check, preview);
  } finally {
    stream.getTracks().forEach((track) => track.stop());
  }
}

async function answerLoop(overlay, check, preview) {
  let attemptsLeft = check.attemptsLeft;
  let said = check.lastOutcome ? t(`face.outcome.${check.lastOutcome}`, {}, check.lastOutcome) : '';
  for (;;) {
    const status = el('p', { id: 'face-status', role: 'status', 'aria-live': 'polite' }, said);
    const start = el('button', { type: 'button', class: 'primary', id: 'face-start' }, t('face.start'));
    show(overlay, el('h2', {}, t('face.title')), el('p', {}, t('face.explain', { s: check.answerSeconds, n: attemptsLeft })), preview, status, start);
    start.focus();
    await new Promise((resolve) => { start.onclick = resolve; });
    start.disabled = true;
    status.textContent = t('face.hold');
    const frames = [];
    for (let i = 0; i < FRAMES; i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, GAP_MS));
      frames.push(capture(preview));
    }
    status.textContent = t('face.checking');
    const result = await api(`/api/presence/checks/${check.checkId}/answers`, { method: 'POST', body: { frames } });
    if (result.state === 'PASSED') {
      overlay.hidden = true;
      overlay.classList.remove('face');
      return 'passed';
    }
    if (result.state !== 'OPEN') {
      show(overlay, el('h2', {}, t('face.title')), el('p', { id: 'face-failed', class: 'problem' },
        t(`face.outcome.${result.outcome}`, {}, result.outcome), ' ', t('face.failed', { s: result.withheldSeconds })));
      return 'failed';
    }
    attemptsLeft = result.attemptsLeft;
    said = `${t(`face.outcome.${result.outcome}`, {}, result.outcome)} ${t('face.retry')}`;
  }
}

/** One frame of the camera as a JPEG data URL, at the camera's own size (at most 640 pixels wide). */
function capture(video) {
  const scale = Math.min(1, 640 / (video.videoWidth || 640));
  const canvas = el('canvas', { width: Math.round((video.videoWidth || 640) * scale), height: Math.round((video.videoHeight || 480) * scale) });
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.85);
}

/** The check over the whole screen (on a phone the player is too small for the camera and the text). */
function show(overlay, ...children) {
  overlay.replaceChildren(el('div', { class: 'face-check' }, ...children));
  overlay.classList.add('face');
  overlay.hidden = false;
}
