// Is the learner still there? After `idleMs` without interaction while something counts, ask; if nobody
// answers within `answerMs`, report absence. Generic on purpose: how to ask is a function, so an identity
// check (a face snapshot) can plug in later in place of the question.
import { t } from '../shared/i18n.js';
import { el } from '../shared/page.js';
export class Presence {
  /**
   * @param {object} o
   * @param {number} o.idleMs      quiet time before asking
   * @param {number} o.answerMs    how long the question waits
   * @param {(remainingMs:number, signal:AbortSignal) => Promise<boolean>} o.ask resolves true when answered
   * @param {(idleSinceMs:number) => void} o.onAbsent  called with the performance.now() of the last interaction
   * @param {() => boolean} o.active whether anything is being credited now (no question while paused)
   */
  constructor({ idleMs, answerMs, ask, onAbsent, active }) {
    Object.assign(this, { idleMs, answerMs, ask, onAbsent, active });
    this.lastInteraction = performance.now();
    this.asking = null;
    this.onInteraction = () => { if (!this.asking) this.lastInteraction = performance.now(); };
    for (const type of ['pointerdown', 'keydown', 'touchstart', 'wheel']) {
      document.addEventListener(type, this.onInteraction, { passive: true, capture: true });
    }
    this.timer = setInterval(() => this.check(), 1000);
  }

  async check() {
    if (this.asking || !this.active()) {
      if (!this.active()) this.lastInteraction = Math.max(this.lastInteraction, performance.now() - this.idleMs / 2);
      return;
    }
    if (performance.now() - this.lastInteraction < this.idleMs) return;
    const idleSince = this.lastInteraction;
    const controller = new AbortController();
    this.asking = controller;
    const timeout = new Promise((resolve) => setTimeout(() => resolve(false), this.answerMs));
    const answered = await Promise.race([this.ask(this.answerMs, controller.signal), timeout]);
    controller.abort();
    this.asking = null;
    this.lastInteraction = performance.now();
    if (!answered) this.onAbsent(idleSince);
  }

  stop() {
    clearInterval(this.timer);
    this.asking?.abort();
    for (const type of ['pointerdown', 'keydown', 'touchstart', 'wheel']) {
      document.removeEventListener(type, this.onInteraction, { capture: true });
    }
  }
}

/** The question "还在吗？" with a countdown and a button, shown in `overlay` (an alertdialog): an `ask` for Presence. */
export function askInOverlay(overlay) {
  return (ms, signal) => new Promise((resolve) => {
    let left = Math.round(ms / 1000);
    const text = el('p', {}, t('presence.question', { s: left }));
    const yes = el('button', { type: 'button', class: 'primary', id: 'presence-yes', onclick: () => resolve(true) }, t('presence.here'));
    overlay.replaceChildren(el('div', {}, el('h2', {}, t('presence.title')), text, yes));
    overlay.hidden = false;
    yes.focus();
    const tick = setInterval(() => { left -= 1; text.textContent = t('presence.question', { s: Math.max(0, left) }); }, 1000);
    signal.addEventListener('abort', () => { clearInterval(tick); overlay.hidden = true; });
  });
}
