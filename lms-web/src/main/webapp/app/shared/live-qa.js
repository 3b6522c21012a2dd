// A live lesson's text Q&A: the latest messages, each new one as it arrives (from the lesson's event
// stream), and a form to ask or, replying to a message, to answer.
import { api } from './api.js';
import { dateTime, t } from './i18n.js';
import { el, showProblem } from './page.js';

export function qaPanel(lessonId, { canPost }) {
  const seen = new Set();
  let last = 0;
  let replyTo = null;
  const list = el('ol', { id: 'qa-list', class: 'qa', 'aria-live': 'polite' });
  const problem = el('div', { role: 'alert', class: 'problem', hidden: true });
  const text = el('textarea', { id: 'qa-text', rows: 2, maxlength: 1000, required: true });
  const replying = el('p', { class: 'muted', hidden: true });
  const form = el('form', {
    id: 'qa-form',
    onsubmit: async (e) => {
      e.preventDefault();
      problem.hidden = true;
      try {
        add(await api(`/api/live/lessons/${lessonId}/messages`, { method: 'POST', body: { body: text.value, replyTo } }));
        text.value = '';
        replyTo = null;
        replying.hidden = true;
      } catch (err) {
        showProblem(problem, err);
      }
    },
  },
  replying,
  el('label', { for: 'qa-text' }, t('live.ask')), text,
  el('button', { type: 'submit', class: 'primary', id: 'qa-send' }, t('live.send')));

  function add(m) {
    if (seen.has(m.id)) return;
    seen.add(m.id);
    last = Math.max(last, m.id);
    const answer = m.replyTo ? el('span', { class: 'muted' }, t('live.replyTo', { n: m.replyTo }), ' ') : '';
    const reply = canPost ? el('button', {
      type: 'button', class: 'link',
      onclick: () => { replyTo = m.id; replying.textContent = t('live.replying', { n: m.id, who: m.authorName || m.author }); replying.hidden = false; text.focus(); },
    }, t('live.reply')) : '';
    list.append(el('li', { 'data-message': m.id, class: m.role === 'LEARNER' ? 'question' : 'answer' },
      el('span', { class: 'muted' }, `#${m.id} ${m.authorName || m.author}${m.role === 'LEARNER' ? '' : ` (${t(`role.${m.role}`)})`} · ${dateTime(m.postedAt)}`),
      el('p', {}, answer, m.body), reply));
  }

  return {
    section: el('section', { class: 'card', id: 'qa' }, el('h2', {}, t('live.qa')), list, canPost ? form : el('p', { class: 'muted' }, t('live.qaClosed')), problem),
    add,
    lastId: () => last,
    async load() {
      (await api(`/api/live/lessons/${lessonId}/messages?limit=100`)).forEach(add);
    },
  };
}
