// Roll calls (签到) on the live lesson pages. Teachers open one for a few minutes and see who has checked in; learners
// present in the lesson get a check-in button while it is open. Check-ins are kept beside the time online, never
// instead of it. Both pages learn of a roll call from the lesson's event stream (`roll-call`) and ask the server for
// the details they may see; `now()` is the server's clock as the page keeps it.
import { api } from './api.js';
import { dateTime, playClock, t } from './i18n.js';
import { el, showProblem } from './page.js';

const latest = async (lessonId) => (await api(`/api/live/lessons/${lessonId}/roll-calls`))[0] || null;
const left = (r, now) => playClock(Math.max(0, Date.parse(r.closesAt) - now()));
const isOpen = (r, now) => r && Date.parse(r.closesAt) > now();

/** The teacher's panel: open a roll call, watch it fill, close it early. */
export function teacherRollCall(lessonId, now) {
  const status = el('p', { id: 'roll-call-status', 'aria-live': 'polite' });
  const problem = el('div', { role: 'alert', class: 'problem', hidden: true });
  const length = el('select', { id: 'roll-call-minutes' }, [1, 3, 5, 10].map((n) => el('option', { value: n, selected: n === 3 },
    t('rollCall.minutesOption', { n }))));
  const start = el('button', { type: 'button', class: 'primary', id: 'roll-call-open' }, t('rollCall.open'));
  const stop = el('button', { type: 'button', id: 'roll-call-close', hidden: true }, t('rollCall.close'));
  let current = null;
  const draw = () => {
    const open = isOpen(current, now);
    start.disabled = open;
    stop.hidden = !open;
    status.textContent = !current ? t('rollCall.none') : open
      ? t('rollCall.running', { done: current.checkedIn, all: current.learners, left: left(current, now) })
      : t('rollCall.closed', { done: current.checkedIn, all: current.learners, at: dateTime(current.openedAt) });
  };
  const refresh = async () => {
    try {
      current = await latest(lessonId);
      draw();
    } catch (err) {
      showProblem(problem, err);
    }
  };
  const act = async (request) => {
    problem.hidden = true;
    try {
      current = await request();
      draw();
    } catch (err) {
      showProblem(problem, err);
    }
  };
  start.onclick = () => act(() => api(`/api/live/lessons/${lessonId}/roll-calls`, { method: 'POST', body: { minutes: Number(length.value) } }));
  stop.onclick = () => act(() => api(`/api/live/lessons/${lessonId}/roll-calls/${current.id}/close`, { method: 'POST' }));
  setInterval(() => { if (current) draw(); }, 1000);
  // While one is open the count follows the roster's beat (every few seconds), so the teacher sees the check-ins arrive.
  const follow = () => { if (isOpen(current, now)) refresh(); };
  const section = el('section', { class: 'card', id: 'roll-call' }, el('h2', {}, t('rollCall.title')),
    el('p', { class: 'muted' }, t('rollCall.help')),
    el('div', { class: 'toolbar' }, el('label', { for: 'roll-call-minutes' }, t('rollCall.minutes')), length, start, stop), status, problem);
  return { section, refresh, follow };
}

/** The learner's prompt: a check-in button while a roll call is open, then what they did. */
export function learnerRollCall(lessonId, now) {
  const text = el('span', { id: 'roll-call-text' });
  const button = el('button', { type: 'button', class: 'primary', id: 'roll-call-check-in', hidden: true }, t('rollCall.checkIn'));
  const problem = el('div', { role: 'alert', class: 'problem', hidden: true });
  const box = el('div', { id: 'roll-call', class: 'notice', role: 'status', 'aria-live': 'polite', hidden: true }, text, ' ', button, problem);
  let current = null;
  // Only the text changes each second: the button stays the same element, so a tap is never lost to a redraw.
  const draw = () => {
    box.hidden = !current;
    if (!current) return;
    const open = !current.mine && isOpen(current, now);
    button.hidden = !open;
    text.textContent = current.mine ? t('rollCall.done', { at: dateTime(current.mine) })
      : open ? t('rollCall.ask', { left: left(current, now) }) : t('rollCall.missed');
  };
  button.onclick = async () => {
    problem.hidden = true;
    try {
      current = await api(`/api/live/lessons/${lessonId}/roll-calls/${current.id}/check-in`, { method: 'POST' });
      draw();
    } catch (err) {
      showProblem(problem, err);
    }
  };
  const refresh = async () => {
    try {
      current = await latest(lessonId);
      draw();
    } catch (err) {
      showProblem(problem, err);
    }
  };
  setInterval(() => { if (current && !current.mine) draw(); }, 1000);
  return { box, refresh };
}
