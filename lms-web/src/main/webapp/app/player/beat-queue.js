// The attendance heartbeats' way to the server, for the lesson player and the live lesson page alike:
// each beat is queued in localStorage and sent in order until the server has stored it, so a lost
// connection, a restarted server or a closed tab loses no beat (they are sent later, and the server
// accepts them within its late window).
import { exchange } from '../shared/api.js';

const PREFIX = 'imtp.beats.';

export class BeatQueue {
  /**
   * @param {object} o
   * @param {string} o.sessionId
   * @param {string} o.url                       where this session's beats go
   * @param {(ack:object) => void} o.onAck        a beat was stored (200)
   * @param {(ack:object) => void} o.onRefused    a beat was refused as impossible (422); it is dropped
   * @param {() => void} o.onEnded                the session was ended by a newer activity (410)
   * @param {() => void} o.onOffline              the server cannot be reached; the queue retries
   * @param {(error:Error) => void} o.onProblem   any other refusal
   */
  constructor({ sessionId, url, onAck = () => {}, onRefused = () => {}, onEnded = () => {}, onOffline = () => {}, onProblem = () => {} }) {
    Object.assign(this, { url, onAck, onRefused, onEnded, onOffline, onProblem });
    this.key = PREFIX + sessionId;
  }

  /** Queues a beat and sends the queue; `leaving` when the page is going away (the request outlives it). */
  push(beat, leaving = false) {
    save(this.key, [...load(this.key), { url: this.url, beat }]);
    this.send(leaving);
  }

  async send(leaving = false) {
    if (this.sending) { this.again = true; return; }
    this.sending = true;
    try {
      for (;;) {
        const queue = load(this.key);
        if (!queue.length) break;
        let answer;
        try {
          answer = await exchange(queue[0].url, { body: queue[0].beat, keepalive: leaving });
        } catch (e) {
          answer = { status: 0 };
        }
        if (answer.status === 200 || answer.status === 409 || answer.status === 422) {
          save(this.key, load(this.key).slice(1));
          if (answer.status === 200) this.onAck(answer.body);
          if (answer.status === 422) this.onRefused(answer.body || {});
        } else if (answer.status === 410) {
          save(this.key, []);
          this.onEnded();
          break;
        } else if (answer.status >= 500 || answer.status === 0) {
          this.onOffline();
          setTimeout(() => this.send(false), 5000);
          break;
        } else {
          save(this.key, load(this.key).slice(1));
          this.onProblem(new Error(answer.body?.detail || `HTTP ${answer.status}`));
        }
      }
    } finally {
      this.sending = false;
      if (this.again) { this.again = false; this.send(false); }
    }
  }
}

/**
 * Beats of earlier sessions that never reached the server (a closed tab, a lost connection) are sent now. Only
 * the beat just sent leaves its queue: the queue may be another open tab's, which goes on adding to it.
 */
export async function flushLeftovers() {
  for (const key of Object.keys(localStorage).filter((k) => k.startsWith(PREFIX))) {
    for (let first = load(key)[0]; first; first = load(key)[0]) {
      try {
        // (Queues written before live lessons had no url: they were lesson videos' beats.)
        const answer = await exchange(first.url || `/api/attendance/sessions/${first.sessionId}/beats`, { body: first.beat });
        if (answer.status >= 500) return;
      } catch (e) {
        return;
      }
      save(key, load(key).filter((q) => q.beat.seq !== first.beat.seq));
    }
  }
}

function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key) || '[]');
  } catch (e) {
    return [];
  }
}

function save(key, queue) {
  if (queue.length) localStorage.setItem(key, JSON.stringify(queue));
  else localStorage.removeItem(key);
}
