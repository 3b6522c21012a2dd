// A live lesson for a learner: join while it is open and be counted (a beat every few seconds, kept until
// stored, and the presence question after a quiet spell, as with lesson videos), watch the video the
// teacher plays in sync with the class or open the meeting link, and ask questions in the Q&A. In a class that asks
// for face checks, the server says when one is due (on joining, then at random): the camera check of the lesson
// player covers the page, and nothing counts until it passes.
import { api, ApiError } from '../shared/api.js';
import { listen } from '../shared/events.js';
import { dateTime, language, minutes, t } from '../shared/i18n.js';
import { box, el, showProblem, startPage } from '../shared/page.js';
import { BeatQueue, flushLeftovers } from '../player/beat-queue.js';
import { attachHls } from '../player/lesson-player.js';
import { faceCheck } from '../player/face-check.js';
import { askInOverlay, Presence } from '../player/presence.js';
import { qaPanel } from '../shared/live-qa.js';
import { learnerRollCall } from '../shared/roll-call.js';

startPage('live.title', 'LEARNER');
const lessonId = new URLSearchParams(location.search).get('id');

const counted = el('p', { id: 'live-counted', class: 'notice', role: 'status', 'aria-live': 'polite' });
const stageBox = el('div', { id: 'live-stage', class: 'stage' });
const overlay = el('div', { class: 'presence', hidden: true, role: 'alertdialog', 'aria-live': 'assertive' });
let clockOffset = 0; // server time minus this device's time
let stage = { version: -1 };
let video;
let hls;
let shownResource;
let lessonFacts = '';

async function show() {
  try {
    const view = await api(`/api/live/lessons/${lessonId}`);
    const l = view.lesson;
    box.title.textContent = `${t('live.title')}：${l.unitName}`;
    clockOffset = Date.parse(view.serverTime) - Date.now();
    lessonFacts = t('live.waitingFacts', { unit: l.unitName, teacher: l.teacherName, starts: dateTime(l.startsAt), ends: dateTime(l.endsAt) });
    const qa = qaPanel(lessonId, { canPost: l.state === 'OPEN' });
    const rollCall = learnerRollCall(lessonId, () => Date.now() + clockOffset);
    box.content.replaceChildren(
      el('section', { class: 'card live' },
        el('p', { class: 'muted' }, `${l.className} · ${t('live.window', { starts: dateTime(l.startsAt), ends: dateTime(l.endsAt), teacher: l.teacherName })}`),
        counted, rollCall.box,
        el('div', { class: 'player' }, stageBox, overlay)),
      qa.section);
    listen(() => `/api/live/lessons/${lessonId}/events?after=${qa.lastId()}`, {
      hello: (h) => { clockOffset = Date.parse(h.serverTime) - Date.now(); },
      stage: (s) => applyStage(s),
      message: (m) => qa.add(m),
      'roll-call': () => rollCall.refresh(),
    }, (state, status) => { if (state === 'refused') showProblem(box.problem, new ApiError(status, {})); });
    await qa.load();
    if (l.state === 'UPCOMING') {
      counted.textContent = t('live.opensAt', { at: dateTime(l.joinOpensAt) });
      setTimeout(() => location.reload(), Math.max(1000, Date.parse(l.joinOpensAt) - (Date.now() + clockOffset)));
    } else if (l.state === 'ENDED') {
      counted.textContent = t('live.ended');
    } else {
      await join();
    }
  } catch (err) {
    showProblem(box.problem, err);
  }
}

/** Joins and beats: every heartbeat while the page is visible, on hiding and leaving, and an absence report when nobody answers. */
async function join() {
  flushLeftovers();
  const ticket = await api(`/api/live/lessons/${lessonId}/join`, { method: 'POST' });
  const openedAt = performance.now();
  const endsAt = Date.parse(ticket.endsAt);
  let seq = 0;
  let hiddenDuringBeat = document.visibilityState !== 'visible';
  let away = false;
  let checking = false;
  const queue = new BeatQueue({
    sessionId: ticket.sessionId,
    url: `/api/live/sessions/${ticket.sessionId}/beats`,
    onAck: (ack) => {
      counted.textContent = t('live.counted', { m: minutes(ack.lessonCreditedSeconds / 60) });
      if (ack.checkDue) checkFace();
    },
    onRefused: (ack) => showProblem(box.problem, new Error(t('player.beatRefused', { reason: ack.reason?.[language()] || '' }))),
    onEnded: () => stop(t('live.elsewhere')),
    onOffline: () => { counted.textContent = t('player.offline'); },
    onProblem: (e) => showProblem(box.problem, e),
  });
  const beat = (leaving = false, absentSinceMs = undefined, visible = !hiddenDuringBeat && document.visibilityState === 'visible') => {
    queue.push({
      token: ticket.token, seq: ++seq, elapsedMs: Math.floor(performance.now() - openedAt),
      visible: !away && visible, absentSinceMs,
    }, leaving);
    hiddenDuringBeat = document.visibilityState !== 'visible';
  };
  counted.textContent = t('live.counted', { m: minutes(ticket.creditedSeconds / 60) });
  const timer = setInterval(() => {
    if (Date.now() + clockOffset > endsAt + ticket.heartbeatSeconds * 1000) stop(t('live.ended'));
    else if (!away) beat();
  }, ticket.heartbeatSeconds * 1000);
  const onVisibility = () => {
    // Hiding: the time until now was seen, and is sent as such; from now on it is not.
    if (document.visibilityState === 'hidden') { beat(false, undefined, !hiddenDuringBeat); hiddenDuringBeat = true; } else { beat(); }
  };
  const onPageHide = () => beat(true);
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  const presence = new Presence({
    idleMs: ticket.idleSeconds * 1000,
    answerMs: ticket.presenceAnswerSeconds * 1000,
    ask: askInOverlay(overlay),
    active: () => !away && !checking,
    onAbsent: (idleSince) => {
      beat(false, Math.max(0, Math.floor(idleSince - openedAt)));
      away = true;
      counted.replaceChildren(t('live.paused'), ' ', el('button', {
        type: 'button', class: 'primary', id: 'live-back',
        onclick: () => { beat(); away = false; counted.textContent = t('live.back'); },
      }, t('live.backButton')));
    },
  });
  // The face check the server says is due; the beats go on meanwhile and earn nothing until it passes. A check failed
  // twice ends this session (its credit since the last pass is withheld for review).
  async function checkFace() {
    if (checking) return;
    checking = true;
    try {
      if (await faceCheck(overlay, ticket.sessionId) === 'failed') stop(t('face.liveEnded'));
    } catch (e) {
      showProblem(box.problem, e);
    } finally {
      checking = false;
    }
  }
  if (ticket.checkFromMs === 0) checkFace();
  function stop(text) {
    clearInterval(timer);
    presence.stop();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
    counted.replaceChildren(text, ' ', el('button', { type: 'button', id: 'live-rejoin', onclick: () => location.reload() }, t('live.rejoin')));
  }
}

/** Follows the teacher: the video at the stage's position (going on from when it changed while playing), or the meeting link. */
async function applyStage(s) {
  if (s.version < stage.version) return;
  stage = s;
  if (s.meetingUrl) {
    teardown();
    stageBox.replaceChildren(el('p', {}, t('live.meeting')),
      el('a', { href: s.meetingUrl, target: '_blank', rel: 'noopener noreferrer', class: 'button primary', id: 'live-meeting' }, t('live.openMeeting')));
    return;
  }
  if (!s.resourceId) {
    teardown();
    // Before the teacher puts something on the stage: what this lesson is, that the time counts already, and the Q&A below.
    stageBox.replaceChildren(el('div', { id: 'live-waiting', class: 'waiting' },
      el('p', {}, el('strong', {}, t('live.waiting'))),
      lessonFacts ? el('p', {}, lessonFacts) : '',
      el('p', { class: 'muted' }, t('live.waitingHelp'))));
    return;
  }
  if (shownResource !== s.resourceId) {
    teardown();
    shownResource = s.resourceId;
    const access = await api(`/api/resources/${s.resourceId}/access`);
    video = el('video', { playsinline: true, muted: true, autoplay: false, id: 'live-video', 'aria-label': s.resourceTitle || t('player.video') });
    video.muted = true;
    const sound = el('button', { type: 'button', id: 'live-sound', onclick: () => { video.muted = !video.muted; sound.textContent = video.muted ? t('live.soundOn') : t('live.soundOff'); } }, t('live.soundOn'));
    stageBox.replaceChildren(el('p', {}, el('strong', {}, s.resourceTitle || '')), video, el('p', {}, sound));
    hls = await attachHls(video, access.playlistUrl, { capLevelToPlayerSize: true });
    await new Promise((resolve) => video.addEventListener('loadedmetadata', resolve, { once: true }));
  }
  follow();
}

/** Where the class is in the video now; seeks when this device is more than two seconds off. */
function follow() {
  if (!video || !stage.resourceId) return;
  const since = stage.playing ? (Date.now() + clockOffset) - Date.parse(stage.changedAt) : 0;
  const target = Math.min(video.duration || Infinity, (stage.positionMs + Math.max(0, since)) / 1000);
  if (Math.abs(video.currentTime - target) > 2) video.currentTime = target;
  if (stage.playing && video.paused) video.play().catch(() => {});
  if (!stage.playing && !video.paused) video.pause();
}

function teardown() {
  hls?.destroy();
  hls = null;
  video = null;
  shownResource = null;
}

setInterval(follow, 5000);
show();
