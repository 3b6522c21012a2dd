// Notices (通知公告) addressed to me (study reminders to me alone among them), newest first, unread ones marked and read by opening them; for teachers and
// administrators a form to publish one (to a class they teach; administrators also to everyone); then information
// resources (policies, industry news) as a feed, newest first, paginated.
import { account, api, latest } from '../shared/api.js';
import { chinaDate, dateTime, t } from '../shared/i18n.js';
import { box, el, pager, showNotice, showProblem, startPage, unreadNotices } from '../shared/page.js';
import { openResource } from '../shared/resources.js';

const me = startPage('feed.title', 'LEARNER', 'TEACHER', 'ADMINISTRATOR');
const SIZE = 20;
const NOTICES = 10;
const noticeList = el('div', { id: 'notices' });
const feedList = el('div', { id: 'feed' });
const askNotices = latest();
const EVERYONE = 'everyone';

async function showNotices(page) {
  try {
    const notices = await askNotices(() => api(`/api/notices?page=${page}&size=${NOTICES}`));
    if (!notices) return;
    noticeList.replaceChildren(
      notices.items.length ? el('div', {}, notices.items.map(notice)) : el('p', { class: 'muted' }, t('notice.none')),
      notices.total > NOTICES ? pager(page, NOTICES, notices.total, showNotices) : '');
  } catch (err) {
    showProblem(box.problem, err);
  }
}

/** A notice folded to its title; opening it shows the text and marks it read. */
function notice(n) {
  const item = el('details', { class: n.read ? 'notice-item' : 'notice-item unread', 'data-notice': n.id },
    el('summary', {}, n.read ? '' : el('span', { class: 'badge short' }, t('notice.unread')), ' ', el('strong', {}, n.title), ' ',
      el('span', { class: 'muted' }, `${n.className || t('notice.everyone')}${n.recipient ? ` · ${t('notice.personal', { name: n.recipient })}` : ''} · ${n.author} · ${dateTime(n.publishedAt)}`),
      n.editedAt ? el('span', { class: 'muted notice-edited' }, ' ', t('notice.editedAt', { time: dateTime(n.editedAt), who: n.editedBy || n.author })) : ''),
    el('p', { class: 'notice-body' }, n.body),
    n.mayWithdraw ? el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'link', 'data-edit': n.id, onclick: () => item.append(editForm(n, item)) }, t('notice.edit')),
      el('button', { type: 'button', class: 'link', 'data-withdraw': n.id, onclick: () => withdraw(n) }, t('notice.withdraw'))) : '');
  item.addEventListener('toggle', async () => {
    if (!item.open || !item.classList.contains('unread')) return;
    try {
      // Which edit was read: a correction made since stays unread (409) and the list is shown again.
      await api(`/api/notices/${n.id}/read?editedAt=${encodeURIComponent(n.editedAt || '')}`, { method: 'POST' });
      item.classList.remove('unread');
      item.querySelector('summary .badge')?.remove();
      await unreadNotices();
    } catch (err) {
      showProblem(box.problem, err);
      if (err.status === 409) await showNotices(0);
    }
  });
  return item;
}

/** The author (or an administrator) corrects a notice's title and text; its readers see it as unread again. */
function editForm(n, item) {
  item.querySelector('form.notice-edit')?.remove();
  const form = el('form', { class: 'stack notice-edit', 'data-notice-edit': n.id },
    el('p', { class: 'muted' }, t('notice.editHelp')),
    el('label', {}, t('notice.title'), el('input', { name: 'title', required: true, maxlength: 100, value: n.title })),
    el('label', {}, t('notice.body'), el('textarea', { name: 'body', required: true, maxlength: n.recipientId ? 1000 : 5000, rows: 4 }, n.body)),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary' }, t('notice.save')),
      el('button', { type: 'button', onclick: () => form.remove() }, t('notice.cancel'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    try {
      showProblem(box.problem, null);
      // The edit this form was made from: if someone edited the notice meanwhile, 409 rather than overwriting theirs.
      await api(`/api/notices/${n.id}`, { method: 'PUT', body: { title: f.get('title'), body: f.get('body'), editedAt: n.editedAt || '' } });
      showNotice(box.notice, t('notice.saved'));
      await showNotices(0);
    } catch (err) {
      showProblem(box.problem, err);
    }
  });
  return form;
}

/** The author (or an administrator) takes a notice back: it leaves every reader's feed. */
async function withdraw(n) {
  if (!window.confirm(t('notice.withdrawConfirm', { title: n.title }))) return;
  try {
    await api(`/api/notices/${n.id}/withdraw`, { method: 'POST' });
    showNotice(box.notice, t('notice.withdrawn'));
    await showNotices(0);
    await unreadNotices();
  } catch (err) {
    showProblem(box.problem, err);
  }
}

/** Teachers: to a class they teach; administrators: to a class or to everyone. */
async function publishForm() {
  if (me.role === 'LEARNER') return '';
  const classes = await api('/api/classes?size=200');
  const target = el('select', { name: 'classId', id: 'notice-class', required: true },
    // A value of its own: an empty first option of a required select is a placeholder the browser would not submit.
    me.role === 'ADMINISTRATOR' ? el('option', { value: EVERYONE }, t('notice.everyone')) : '',
    classes.items.map((c) => el('option', { value: c.id }, c.name)));
  const form = el('form', { class: 'stack', id: 'notice-form' },
    el('label', {}, t('notice.to'), target),
    el('label', {}, t('notice.title'), el('input', { name: 'title', id: 'notice-title', required: true, maxlength: 100 })),
    el('label', {}, t('notice.body'), el('textarea', { name: 'body', id: 'notice-body', required: true, maxlength: 5000, rows: 4 })),
    el('button', { type: 'submit', class: 'primary', id: 'notice-publish' }, t('notice.publish')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    try {
      showProblem(box.problem, null);
      await api('/api/notices', { method: 'POST', body: { classId: f.get('classId') === EVERYONE ? null : Number(f.get('classId')),
        title: f.get('title'), body: f.get('body') } });
      form.reset();
      showNotice(box.notice, t('notice.published'));
      await showNotices(0);
    } catch (err) {
      showProblem(box.problem, err);
    }
  });
  return el('details', { class: 'card' }, el('summary', { id: 'notice-new' }, t('notice.new')), form);
}

async function showFeed(page) {
  try {
    const feed = await api(`/api/resources?category=INFORMATION&page=${page}&size=${SIZE}`);
    feedList.replaceChildren(
      feed.items.length ? el('div', {}, feed.items.map((r) => el('article', { class: 'card' },
        el('h3', {}, r.title),
        el('p', { class: 'muted' }, chinaDate(new Date(r.createdAt)), r.level ? ` · ${t(`level.${r.level}`)}` : ''),
        r.description ? el('p', {}, r.description) : '',
        el('button', { type: 'button', onclick: () => openResource(r).catch((e) => showProblem(box.problem, e)) }, t('unit.open')))))
        : el('p', { class: 'card' }, t('feed.empty')),
      feed.total > SIZE ? pager(page, SIZE, feed.total, showFeed) : '');
  } catch (err) {
    showProblem(box.problem, err);
  }
}

// The notices and the feed first; the publishing form (which lists the classes) joins above them when it is ready.
const formSlot = el('div', { id: 'notice-form-slot' });
box.content.replaceChildren(formSlot, el('section', { class: 'card' }, el('h2', {}, t('notice.heading')), noticeList),
  el('h2', {}, t('feed.information')), feedList);
showNotices(0);
showFeed(0);
publishForm().then((form) => formSlot.replaceChildren(form)).catch((err) => showProblem(box.problem, err));
