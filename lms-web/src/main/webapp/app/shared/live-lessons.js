// A class's live lessons that have not ended, soonest first, each a link to its page (the learner's or
// the teacher's), with its time and whether it is open now.
import { api } from './api.js';
import { dateTime, t } from './i18n.js';
import { el } from './page.js';

/** The list as a section for a class card, or '' when the class has no live lesson to come. */
export async function liveLessons(classId, pageOf) {
  const lessons = await api(`/api/live/classes/${classId}/lessons?size=5`);
  if (!lessons.items.length) return '';
  return el('div', { class: 'live-lessons', id: `class-${classId}-live` },
    el('h3', {}, t('live.upcoming')),
    el('ul', {}, lessons.items.map((l) => el('li', { 'data-lesson': l.id },
      el('a', { href: `${pageOf}?id=${l.id}` }, l.unitName), ' ',
      el('span', { class: l.state === 'OPEN' ? 'badge ok' : 'badge' }, t(`live.state.${l.state}`)), ' ',
      el('span', { class: 'muted' }, t('live.window', { starts: dateTime(l.startsAt), ends: dateTime(l.endsAt), teacher: l.teacherName }))))),
    lessons.total > lessons.items.length ? el('p', { class: 'muted' }, t('live.more', { n: lessons.total - lessons.items.length })) : '');
}
