// A live lesson for its teachers (and administrators): choose what the class sees, a published lesson
// video of the unit or a meeting link; upload a new video right here and put it on the stage once it is
// transcoded; play, pause and seek the video here and every learner's page follows; answer the Q&A; watch
// the live roster (who is present, idle or absent, and their credit).
import { api, ApiError } from '../shared/api.js';
import { listen } from '../shared/events.js';
import { dateTime, minutes, t } from '../shared/i18n.js';
import { box, el, showProblem, startPage } from '../shared/page.js';
import { attachHls } from '../player/lesson-player.js';
import { qaPanel } from '../shared/live-qa.js';
import { stageUpload } from '../shared/live-upload.js';
import { teacherRollCall } from '../shared/roll-call.js';

startPage('live.title', 'TEACHER', 'ADMINISTRATOR');
const lessonId = new URLSearchParams(location.search).get('id');

const rosterBox = el('div', { id: 'live-roster', 'aria-live': 'polite' });
const preview = el('div', { id: 'live-preview' });
let stage;
let hls;
let refreshing = false;
let clockOffset = 0; // server time minus this device's time

/**
 * The unit's published videos again (the teacher may have published one in another tab, or just uploaded one here),
 * keeping the choice, or choosing `choose`; the hint that the unit has none goes once there is one.
 */
async function refreshVideos(select, choose) {
  try {
    const view = await api(`/api/live/lessons/${lessonId}`);
    const chosen = choose ? String(choose) : select.value;
    select.replaceChildren(el('option', { value: '' }, t('live.noVideo')),
      ...view.videos.map((v) => el('option', { value: v.resourceId, selected: String(v.resourceId) === chosen }, v.title)));
    if (view.videos.length) document.getElementById('stage-no-videos')?.remove();
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function show() {
  try {
    const view = await api(`/api/live/lessons/${lessonId}`);
    const l = view.lesson;
    stage = view.stage;
    box.title.textContent = `${t('live.title')}：${l.unitName}`;
    const qa = qaPanel(lessonId, { canPost: l.state !== 'ENDED' });
    clockOffset = Date.parse(view.serverTime) - Date.now();
    const rollCall = teacherRollCall(lessonId, () => Date.now() + clockOffset);
    const video = el('select', { id: 'stage-video' },
      el('option', { value: '' }, t('live.noVideo')),
      view.videos.map((v) => el('option', { value: v.resourceId, selected: v.resourceId === stage.resourceId }, v.title)));
    const meeting = el('input', { id: 'stage-meeting', type: 'url', placeholder: 'https://', value: stage.meetingUrl || '', maxlength: 500 });
    const problem = el('div', { role: 'alert', class: 'problem', hidden: true });
    const form = el('form', {
      id: 'stage-form',
      onsubmit: async (e) => {
        e.preventDefault();
        problem.hidden = true;
        try {
          await setStage({ resourceId: video.value ? Number(video.value) : null, meetingUrl: meeting.value, playing: false, positionMs: 0 });
          showPreview();
        } catch (err) {
          showProblem(problem, err);
        }
      },
    },
    el('p', { class: 'muted' }, t('live.stageHelp')),
    el('label', { for: 'stage-video' }, t('live.video')), video,
    el('label', { for: 'stage-meeting' }, t('live.meetingUrl')), meeting,
    el('button', { type: 'submit', class: 'primary', id: 'stage-save' }, t('live.setStage')),
    view.videos.length ? '' : el('p', { class: 'muted', id: 'stage-no-videos' }, t('live.noVideos', { unit: l.unitName })),
    problem);
    // New material: uploaded here as a learning video of the lesson's unit in its class (as on the unit's page), and
    // once transcoded and published, chosen in the list and offered on the stage with one click.
    const upload = stageUpload({
      unitId: l.unitId,
      classId: l.classId,
      onReady: async (fresh) => {
        await refreshVideos(video, fresh.resourceId);
        const play = el('button', { type: 'button', class: 'primary', id: 'stage-upload-play' }, t('liveUpload.play', { title: fresh.title }));
        play.addEventListener('click', async () => {
          play.disabled = true;
          problem.hidden = true;
          try {
            video.value = String(fresh.resourceId);
            meeting.value = '';
            await setStage({ resourceId: fresh.resourceId, meetingUrl: null, playing: false, positionMs: 0 });
            await showPreview({ play: true });
            play.remove();
          } catch (err) {
            play.disabled = false;
            showProblem(problem, err);
          }
        });
        document.getElementById('stage-upload-status').append(play);
      },
    });
    box.content.replaceChildren(
      el('section', { class: 'card' },
        el('p', { class: 'muted' }, `${l.className} · ${t('live.window', { starts: dateTime(l.startsAt), ends: dateTime(l.endsAt), teacher: l.teacherName })}`),
        el('p', {}, el('span', { class: l.state === 'OPEN' ? 'badge ok' : 'badge' }, t(`live.state.${l.state}`))),
        l.state === 'ENDED' ? '' : [form, upload], preview),
      l.state === 'OPEN' ? rollCall.section : '',
      el('section', { class: 'card' }, el('h2', {}, t('live.roster')), rosterBox),
      qa.section);
    rollCall.refresh();
    await qa.load();
    showPreview();
    if (!refreshing) {
      refreshing = true;
      document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') refreshVideos(video); });
    }
    listen(() => `/api/live/lessons/${lessonId}/events?after=${qa.lastId()}`, {
      stage: (s) => { if (s.version > stage.version) stage = s; },
      message: (m) => qa.add(m),
      roster: (r) => { showRoster(r); rollCall.follow(); },
      'roll-call': () => rollCall.refresh(),
    }, (state, status) => { if (state === 'refused') showProblem(box.problem, new ApiError(status, {})); });
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function setStage(body) {
  stage = await api(`/api/live/lessons/${lessonId}/stage`, { method: 'PUT', body });
}

/** The teacher's own player: what it does (play, pause, seek) becomes the class's stage; `play`: start it at once. */
async function showPreview({ play = false } = {}) {
  hls?.destroy();
  hls = null;
  if (stage.meetingUrl) {
    preview.replaceChildren(el('p', {}, t('live.meetingShown'), ' ', el('a', { href: stage.meetingUrl, target: '_blank', rel: 'noopener noreferrer' }, stage.meetingUrl)));
    return;
  }
  if (!stage.resourceId) {
    preview.replaceChildren(el('p', { class: 'muted' }, t('live.nothingShown')));
    return;
  }
  const access = await api(`/api/resources/${stage.resourceId}/access`);
  const video = el('video', { controls: true, playsinline: true, id: 'teacher-video', 'aria-label': stage.resourceTitle || t('player.video') });
  const status = el('p', { class: 'muted', id: 'stage-status', 'aria-live': 'polite' });
  preview.replaceChildren(el('p', {}, t('live.driving')), video, status);
  hls = await attachHls(video, access.playlistUrl);
  video.addEventListener('loadedmetadata', () => {
    video.currentTime = stage.positionMs / 1000;
    // Its 'play' event puts the stage in motion for the class; a browser that refuses to start it leaves the button to the teacher.
    if (play) video.play().catch(() => {});
  }, { once: true });
  const push = async () => {
    try {
      await setStage({ resourceId: stage.resourceId, playing: !video.paused, positionMs: Math.round(video.currentTime * 1000) });
      status.textContent = t(video.paused ? 'live.pausedAt' : 'live.playingAt', { at: Math.round(video.currentTime) });
    } catch (err) {
      showProblem(box.problem, err);
    }
  };
  for (const type of ['play', 'pause', 'seeked']) video.addEventListener(type, push);
}

function showRoster(r) {
  rosterBox.replaceChildren(
    el('p', {}, t('live.rosterCounts', { present: r.present, idle: r.idle, absent: r.absent })),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, t('people.username')), el('th', {}, t('people.name')), el('th', {}, t('live.presence')),
        el('th', {}, t('live.lastBeat')), el('th', {}, t('live.credited')), el('th', {}, t('rollCall.column')))),
      el('tbody', {}, r.learners.map((m) => el('tr', { 'data-learner': m.username, 'data-state': m.state },
        el('td', {}, m.username), el('td', {}, m.fullName),
        el('td', {}, el('span', { class: m.state === 'PRESENT' ? 'badge ok' : m.state === 'IDLE' ? 'badge short' : 'badge' }, t(`live.presence.${m.state}`))),
        el('td', {}, m.lastBeatAt ? dateTime(m.lastBeatAt) : '—'),
        el('td', {}, minutes(m.creditedSeconds / 60)),
        el('td', { class: 'roll-call-count' }, `${m.checkIns} / ${r.rollCalls}`)))))));
}

show();
