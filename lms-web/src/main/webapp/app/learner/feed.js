// Information resources (policies, notices, industry news) as a feed, newest first, paginated.
import { api } from '../shared/api.js';
import { t } from '../shared/i18n.js';
import { box, el, pager, showProblem, startPage } from '../shared/page.js';
import { openResource } from '../shared/resources.js';

startPage('feed.title', 'LEARNER', 'TEACHER', 'ADMINISTRATOR');
const SIZE = 20;

async function show(page) {
  try {
    const feed = await api(`/api/resources?category=INFORMATION&page=${page}&size=${SIZE}`);
    box.content.replaceChildren(
      feed.items.length ? el('div', {}, feed.items.map((r) => el('article', { class: 'card' },
        el('h2', {}, r.title),
        el('p', { class: 'muted' }, new Date(r.createdAt).toLocaleDateString(), r.level ? ` · ${t(`level.${r.level}`)}` : ''),
        r.description ? el('p', {}, r.description) : '',
        el('button', { type: 'button', onclick: () => openResource(r).catch((e) => showProblem(box.problem, e)) }, t('unit.open')))))
        : el('p', { class: 'card' }, t('feed.empty')),
      feed.total > SIZE ? pager(page, SIZE, feed.total, show) : '');
  } catch (err) {
    showProblem(box.problem, err);
  }
}

show(0);
