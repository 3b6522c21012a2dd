// The lesson player: adaptive HLS (hls.js, or the browser's own HLS on iOS), quality and caption
// choice, only the allowed speeds, resume where the learner stopped, no seeking past the furthest point
// watched on a first viewing, and the attendance heartbeats that earn credit: one heartbeat period after
// the previous beat while playing (so no beat ever claims more than one period of playback) and on pause,
// seek, end and page hide, in order, kept in localStorage until the server has them (a lost connection or
// a closed tab loses no beat). A hidden page pauses the video and shows resumes it from the same point, so
// a first viewing never gets a gap; should one exist anyway, the player offers to go back to it. The server
// decides what counts; this module only reports what was played.
import { api } from '../shared/api.js';
import { language, playClock, t } from '../shared/i18n.js';
import { el } from '../shared/page.js';
import { BeatQueue, flushLeftovers } from './beat-queue.js';
import { faceCheck } from './face-check.js';
import { askInOverlay, Presence } from './presence.js';

export class LessonPlayer {
  /**
   * @param {object} o
   * @param {HTMLElement} o.mount          where the player is built
   * @param {number} o.resourceId          the lesson video (a published learning resource)
   * @param {number} [o.classId]           the class the learner studies it for (the time counts there)
   * @param {(ack:object) => void} o.onAck  after each beat the server stored
   * @param {(text:string) => void} o.onNotice  a message for the learner (seek refused, session ended…)
   * @param {(error:Error) => void} o.onProblem
   */
  constructor({ mount, resourceId, classId, onAck = () => {}, onNotice = () => {}, onProblem = () => {} }) {
    Object.assign(this, { mount, resourceId, classId, onAck, onNotice, onProblem });
    this.video = el('video', { controls: true, playsinline: true, preload: 'metadata', 'aria-label': t('player.video') });
    this.overlay = el('div', { class: 'presence', hidden: true, role: 'alertdialog', 'aria-live': 'assertive' });
    this.quality = el('select', { id: 'quality' });
    this.captions = el('select', { id: 'captions' });
    this.audio = el('select', { id: 'audio-track' });
    this.audioLabel = el('label', { hidden: true }, t('player.audioTrack'), this.audio);
    this.speed = el('select', { id: 'speed' });
    this.status = el('span', { class: 'muted', id: 'player-status', 'aria-live': 'polite' });
    this.gap = el('button', { type: 'button', id: 'player-gap', hidden: true, onclick: () => this.backToFrontier() });
    mount.replaceChildren(
      el('div', { class: 'player' }, this.video, this.overlay),
      el('div', { class: 'player-controls' },
        el('label', {}, t('player.quality'), this.quality),
        el('label', {}, t('player.captions'), this.captions),
        this.audioLabel,
        el('label', {}, t('player.speed'), this.speed),
        this.status, this.gap));
  }

  /** Opens a playback session (ending any other of this learner's) and starts the video where it stopped. */
  async start() {
    flushLeftovers();
    this.ticket = await api('/api/attendance/sessions', { method: 'POST', body: { resourceId: this.resourceId, classId: this.classId } });
    this.openedAt = performance.now();
    this.seq = 0;
    this.lastElapsedMs = 0;
    this.frontierMs = this.ticket.frontierMs;
    this.durationMs = this.ticket.durationSeconds * 1000;
    this.ranges = [];
    this.runFrom = null;
    this.lastPos = 0;
    this.hiddenDuringBeat = document.visibilityState !== 'visible';
    this.ended = false;
    this.beats = new BeatQueue({
      sessionId: this.ticket.sessionId,
      url: `/api/attendance/sessions/${this.ticket.sessionId}/beats`,
      onAck: (ack) => {
        this.checkGap(ack);
        this.frontierMs = Math.max(this.frontierMs, ack.frontierMs);
        this.status.textContent = t('player.credited', { s: ack.videoCreditedSeconds });
        this.onAck(ack);
        if (ack.checkDue) this.checkFace();
      },
      onRefused: (ack) => this.onNotice(t('player.beatRefused', { reason: ack.reason?.[language()] || '' })),
      onEnded: () => this.superseded(),
      onOffline: () => { this.status.textContent = t('player.offline'); },
      onProblem: (e) => this.onProblem(e),
    });
    this.speeds(this.ticket.allowedRates);
    await loadHls();
    this.attach(this.ticket.playlistUrl);
    this.listen();
    this.presence = new Presence({
      idleMs: this.ticket.idleSeconds * 1000,
      answerMs: this.ticket.presenceAnswerSeconds * 1000,
      ask: askInOverlay(this.overlay),
      onAbsent: (idleSince) => this.absent(idleSince),
      active: () => !this.video.paused && !this.ended,
    });
    this.lastBeatAt = performance.now();
    this.reached = new Map();
    if (this.ticket.checkFromMs === 0) {
      this.checkFace();
    } else {
      // One tap on 播放 plays: the tap still counts as the user's gesture, so the browser lets the video start with
      // sound; where it does not (a slow network outlasted the gesture), say so instead of sitting paused.
      this.video.play().catch(() => { this.status.textContent = t('player.tapToPlay'); });
    }
    return this.ticket;
  }

  /**
   * A face check is due (the class asks for them): the video pauses and stays paused until the check passes; a
   * failed check ends the session (the server withheld its credit since the last pass, for review).
   */
  async checkFace() {
    if (this.checking || this.ended) return;
    this.checking = true;
    const wasPlaying = !this.video.paused;
    const hold = () => { if (this.checking) this.video.pause(); };
    this.video.pause();
    this.video.addEventListener('play', hold);
    try {
      const outcome = await faceCheck(this.overlay, this.ticket.sessionId);
      this.checking = false;
      if (outcome === 'failed') {
        this.stop();
        this.onNotice(t('face.ended'));
      } else if (wasPlaying || outcome === 'passed') {
        this.video.play().catch(() => {});
      }
    } catch (e) {
      this.checking = false;
      this.onProblem(e);
    } finally {
      this.video.removeEventListener('play', hold);
    }
  }

  firstViewing() {
    return this.frontierMs < this.durationMs - 1000;
  }

  attach(url) {
    // Where this viewing starts, in ms: the server decides it (ResumeRule) and the ticket carries it.
    const resume = this.ticket.startsAtMs;
    this.lastPos = resume / 1000;
    const Hls = window.Hls;
    if (Hls && Hls.isSupported()) {
      this.hls?.destroy();
      // hls.js loads from the resume position and seeks there itself once it is buffered: a seek of our own on
      // 'loadedmetadata' would race with its start-up (it may land before the first fragment, or be undone).
      this.hls = new Hls({ capLevelToPlayerSize: true, renderTextTracksNatively: true, startPosition: resume / 1000 });
      this.hls.on(Hls.Events.MANIFEST_PARSED, () => { this.levels(); this.subtitles(); this.audioTracks(); });
      this.hls.on(Hls.Events.AUDIO_TRACKS_UPDATED, () => this.audioTracks());
      this.hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, () => this.subtitles());
      this.hls.on(Hls.Events.ERROR, (_, data) => { if (data.fatal) this.recover(data); });
      this.hls.loadSource(url);
      this.hls.attachMedia(this.video);
    } else if (this.video.canPlayType('application/vnd.apple.mpegurl')) {
      this.video.src = url;
      this.quality.replaceChildren(el('option', {}, t('player.auto')));
      this.quality.disabled = true;
      // The browser's own HLS takes a seek once the metadata is there.
      this.video.addEventListener('loadedmetadata', () => {
        if (resume > 0) this.video.currentTime = resume / 1000;
      }, { once: true });
    } else {
      this.onProblem(new Error(t('player.unsupported')));
    }
  }

  /** Segment URLs are signed for a while; when they expire (403) the playlist is fetched again with a fresh grant. */
  async recover(data) {
    if (this.recovering) return;
    this.recovering = true;
    try {
      if (data.type === window.Hls.ErrorTypes.MEDIA_ERROR) {
        this.hls.recoverMediaError();
        return;
      }
      const at = this.video.currentTime;
      const wasPlaying = !this.video.paused;
      const access = await api(`/api/resources/${this.resourceId}/access`);
      this.hls.loadSource(access.playlistUrl);
      this.video.addEventListener('loadedmetadata', () => {
        this.video.currentTime = at;
        if (wasPlaying) this.video.play().catch(() => {});
      }, { once: true });
    } catch (e) {
      this.onProblem(e);
    } finally {
      setTimeout(() => { this.recovering = false; }, 5000);
    }
  }

  levels() {
    const options = [el('option', { value: -1 }, t('player.auto'))];
    this.hls.levels.forEach((level, i) => options.push(el('option', { value: i }, level.height ? `${level.height}p` : t('player.audio'))));
    this.quality.replaceChildren(...options);
    this.quality.onchange = () => { this.hls.currentLevel = Number(this.quality.value); };
  }

  subtitles() {
    const tracks = this.hls.subtitleTracks || [];
    this.captions.replaceChildren(el('option', { value: -1 }, t('player.off')),
      ...tracks.map((track, i) => el('option', { value: i }, track.name || track.lang || `#${i + 1}`)));
    this.captions.disabled = tracks.length === 0;
    this.captions.onchange = () => {
      this.hls.subtitleTrack = Number(this.captions.value);
      this.hls.subtitleDisplay = Number(this.captions.value) >= 0;
    };
  }

  /** The lesson's languages, when its file had several audio tracks (the file's default is chosen first). */
  audioTracks() {
    const tracks = this.hls.audioTracks || [];
    this.audioLabel.hidden = tracks.length < 2;
    this.audio.replaceChildren(...tracks.map((track, i) => el('option', { value: i, selected: i === this.hls.audioTrack },
      track.name || track.lang || `#${i + 1}`)));
    this.audio.onchange = () => { this.hls.audioTrack = Number(this.audio.value); };
  }

  speeds(allowed) {
    const rates = [...allowed].sort((a, b) => a - b);
    this.allowedRates = rates;
    this.speed.replaceChildren(...rates.map((r) => el('option', { value: r, selected: r === 1 }, `${r}×`)));
    this.speed.disabled = rates.length < 2;
    this.speed.onchange = () => { this.video.playbackRate = Number(this.speed.value); };
  }

  listen() {
    const v = this.video;
    this.sampler = setInterval(() => this.sample(), 200);
    v.addEventListener('play', () => { this.runFrom = v.currentTime; this.lastPos = v.currentTime; });
    v.addEventListener('pause', () => {
      this.sample();
      this.close();
      this.beat();
      if (this.absentSince !== undefined) {
        // After the beat with what was played: nothing since the last interaction counts.
        this.beat(false, Math.max(0, Math.floor(this.absentSince - this.openedAt)));
        this.absentSince = undefined;
      }
    });
    v.addEventListener('ended', () => { this.sample(); this.close(); this.ended = true; this.beat(); });
    v.addEventListener('seeking', () => this.seeking());
    v.addEventListener('ratechange', () => {
      if (!this.allowedRates.includes(v.playbackRate)) {
        this.onNotice(t('player.rateRefused', { rate: v.playbackRate }));
        v.playbackRate = 1;
      }
    });
    this.onVisibility = () => {
      if (document.visibilityState !== 'visible') {
        // Nothing plays unseen: pause, and send what was played while the page was still visible as such.
        if (!v.paused && !this.ended) {
          this.pausedByHiding = true;
          this.sample();
          v.pause();
        }
        this.sample();
        this.close();
        this.beat(true, undefined, !this.hiddenDuringBeat);
        this.hiddenDuringBeat = true;
      } else {
        // Shown again: what played while hidden (nothing, unless the video could not be paused) goes out as such;
        // from now on the page is seen.
        this.sample();
        this.close();
        if (this.ranges.length) this.beat();
        this.hiddenDuringBeat = false;
        if (this.pausedByHiding) {
          this.pausedByHiding = false;
          v.play().catch(() => {});
        }
      }
    };
    document.addEventListener('visibilitychange', this.onVisibility);
    this.onPageHide = () => { this.sample(); this.close(); this.beat(true); };
    window.addEventListener('pagehide', this.onPageHide);
  }

  /**
   * Follows the playhead while it plays normally (a jump is handled by `seeking`), and beats one heartbeat
   * period after the previous beat: the server refuses a beat that claims more playback than that.
   */
  sample() {
    const v = this.video;
    if (!v.paused && performance.now() - this.lastBeatAt >= this.ticket.heartbeatSeconds * 1000) this.beat();
    if (v.seeking || this.runFrom === null) return;
    const pos = v.currentTime;
    if (pos >= this.lastPos && pos - this.lastPos < 2) {
      this.lastPos = pos;
      if (this.lastPos * 1000 > this.frontierMs && this.runFrom * 1000 <= this.frontierMs + 1000) this.frontierMs = Math.round(this.lastPos * 1000);
    }
  }

  /**
   * The server credits a first viewing only up to its first unwatched second: when a stored beat played well
   * past it, part of the video before was never credited (a stretch lost, say); the learner is offered to go back.
   */
  checkGap(ack) {
    const reached = this.reached.get(ack.seq);
    this.reached.delete(ack.seq);
    if (reached === undefined || !this.firstViewing() || ack.frontierMs >= this.durationMs - 1000) return;
    if (reached > ack.frontierMs + 2000) {
      this.frontierMs = ack.frontierMs;
      this.gap.textContent = t('player.gap', { at: playClock(ack.frontierMs) });
      this.gap.hidden = false;
    } else if (reached >= ack.frontierMs - 1000) {
      this.gap.hidden = true;
    }
  }

  backToFrontier() {
    this.gap.hidden = true;
    this.video.currentTime = Math.max(0, this.frontierMs - 1000) / 1000;
  }

  /** Ends the current run of playback as a played range. */
  close() {
    if (this.runFrom !== null && this.lastPos > this.runFrom) {
      this.ranges.push({ fromMs: Math.round(this.runFrom * 1000), toMs: Math.round(this.lastPos * 1000) });
    }
    this.runFrom = this.video.paused || this.ended ? null : this.lastPos;
  }

  seeking() {
    const v = this.video;
    const target = v.currentTime;
    if (Math.abs(target - this.lastPos) < 0.3) return; // our own correction, or a no-op
    this.close();
    if (this.firstViewing() && target * 1000 > this.frontierMs + 1000) {
      this.onNotice(t('player.seekRefused', { at: playClock(this.frontierMs) }));
      v.currentTime = this.frontierMs / 1000;
      this.lastPos = this.frontierMs / 1000;
    } else {
      this.lastPos = target;
    }
    this.runFrom = v.paused ? null : this.lastPos;
    this.ended = false;
    this.beat();
  }

  /**
   * Queues a beat with what was played since the last one and sends the queue in order. With
   * `absentSinceMs` it reports that nobody answered the presence question: the server takes back the
   * credit of the beats sent since then.
   */
  beat(leaving = false, absentSinceMs = undefined, visible = !this.hiddenDuringBeat && document.visibilityState === 'visible') {
    if (!this.ticket) return;
    if (!this.video.paused && this.runFrom !== null) this.close();
    const now = performance.now();
    this.lastBeatAt = now;
    const rate = this.video.playbackRate;
    const elapsedMs = Math.floor(now - this.openedAt);
    // A beat vouches for at most one heartbeat of playback: after a stall (a busy page, a late timer) what was
    // played is sent as several beats, each on the clock where its playback could have ended.
    const parts = split(this.ranges, this.ticket.heartbeatSeconds * 1000 * rate);
    let at = this.lastElapsedMs || 0;
    parts.forEach((played, i) => {
      at = i === parts.length - 1 ? elapsedMs : Math.min(elapsedMs, Math.ceil(at + total(played) / rate));
      const beat = {
        absentSinceMs: i === parts.length - 1 ? absentSinceMs : undefined,
        token: this.ticket.token,
        seq: ++this.seq,
        elapsedMs: at,
        played,
        rate,
        visible,
        positionMs: Math.round(this.video.currentTime * 1000),
      };
      if (visible && played.length) this.reached.set(beat.seq, Math.max(...played.map((r) => r.toMs)));
      this.beats.push(beat, leaving);
    });
    this.lastElapsedMs = elapsedMs;
    this.ranges = [];
    this.hiddenDuringBeat = document.visibilityState !== 'visible';
  }

  /** Another tab or device started playing: this one stops earning credit and says so. */
  superseded() {
    this.video.pause();
    this.stop();
    this.onNotice(t('player.superseded'));
  }

  /** Nobody answered: pause, and have the credit since the last interaction (`idleSince`, performance.now()) taken back. */
  absent(idleSince) {
    if (this.video.paused) {
      this.beat(false, Math.max(0, Math.floor(idleSince - this.openedAt)));
    } else {
      this.absentSince = idleSince;
      this.video.pause();
    }
    this.onNotice(t('presence.paused'));
  }

  stop() {
    clearInterval(this.sampler);
    this.presence?.stop();
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('pagehide', this.onPageHide);
  }
}

/** The milliseconds of the timeline the ranges cover, one after the other. */
function total(ranges) {
  return ranges.reduce((sum, r) => sum + r.toMs - r.fromMs, 0);
}

/** The ranges cut into runs of at most `limit` ms each (at least one run, perhaps empty). */
function split(ranges, limit) {
  const parts = [[]];
  let room = limit;
  for (const r of ranges) {
    let from = r.fromMs;
    while (from < r.toMs) {
      if (room <= 0) { parts.push([]); room = limit; }
      const to = Math.min(r.toMs, from + room);
      parts[parts.length - 1].push({ fromMs: from, toMs: to });
      room -= to - from;
      from = to;
    }
  }
  return parts;
}

/** hls.js is committed under /vendor (refreshed by ops/web/refresh-hlsjs), loaded only by pages that play. */
export function loadHls() {
  if (window.Hls) return Promise.resolve(window.Hls);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/vendor/hls.js/hls.min.js';
    script.onload = () => resolve(window.Hls);
    script.onerror = () => reject(new Error(t('player.unsupported')));
    document.head.append(script);
  });
}

/** Plays an HLS playlist in `video` (hls.js, or the browser itself where it plays HLS natively); returns the Hls instance, if any, to destroy. */
export async function attachHls(video, playlistUrl, options = {}) {
  const Hls = await loadHls();
  if (Hls && Hls.isSupported()) {
    const hls = new Hls(options);
    hls.loadSource(playlistUrl);
    hls.attachMedia(video);
    return hls;
  }
  video.src = playlistUrl;
  return null;
}
