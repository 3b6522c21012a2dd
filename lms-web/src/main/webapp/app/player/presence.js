// Is the learner still there? After `idleMs` without interaction while something counts, ask; if nobody
// answers within `answerMs`, report absence. Generic on purpose: how to ask is a function, so an identity
// check (a face snapshot) can plug in later in place of the question.
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
