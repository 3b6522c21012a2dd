// My classes: on top, 继续学习 — the lesson video I watched last, where I stopped, one tap to play on from there (or,
// with nothing to go on with, the next unit to finish); then per active class my classroom hours against the plan and
// the level's minimum, the next unit to study (unless 继续学习 offers it already), the class's exams and live lessons
// to come, and per unit the required against the credited minutes (folded when the plan has many), each unit a link
// to its lessons.
import { api } from '../shared/api.js';
import { classHours, dateTime, levelAndJob, minutes, playClock, t } from '../shared/i18n.js';
import { liveLessons } from '../shared/live-lessons.js';
import { box, el, pager, progress, ring, showProblem, startPage } from '../shared/page.js';

startPage('learner.title', 'LEARNER');
const SIZE = 10;
/** A class's list of units is folded when it is longer than this (a plan has up to ~50): the next unit and the exams come first. */
const FOLDED_ABOVE = 8;

async function show(page) {
  try {
    const classes = await api(`/api/classes?page=${page}&size=${SIZE}`);
    if (!classes.items.length) {
      box.content.replaceChildren(el('p', { class: 'card' }, t('learner.noClass')));
      return;
    }
    // The resume point is a convenience: the home shows without it when it cannot be had.
    const [cards, face, resume] = await Promise.all([Promise.all(classes.items.map(card)), faceChecks(),
      api('/api/attendance/resume').catch(() => ({}))]);
    const next = resume.point ? null : cards.map((c) => c.next).find(Boolean);
    // With nothing to resume, 继续学习 offers the next unit to finish: its class's card does not say it again.
    next?.line.remove();
    box.content.replaceChildren(goOn(resume.point, next), face, ...cards.map((c) => c.node),
      classes.total > SIZE ? pager(page, SIZE, classes.total, show) : '');
  } catch (err) {
    showProblem(box.problem, err);
  }
}

/** When a class of mine asks for face checks: whether I am ready for them, and the way to the page. */
async function faceChecks() {
  const me = await api('/api/presence/me');
  if (!me.classes.some((c) => !c.waived)) return '';
  const ready = me.consentCurrent && me.enrolledAt;
  return el('p', { class: ready ? 'card' : 'card notice', id: 'face-home' },
    el('a', { href: '/learner/presence' }, t('face.homeLink', { state: ready ? t('face.homeReady') : t('face.homeTodo') })));
}

/**
 * 继续学习: the video I watched last (its poster, title, unit and class, where I stopped of how long it plays, how much
 * I watched), the whole card one tap that opens its unit's player there and plays; else the next unit to finish.
 */
function goOn(point, next) {
  if (point) {
    const v = point.video;
    const poster = el('img', { src: v.posterUrl, alt: '', id: 'resume-poster', loading: 'eager' });
    poster.addEventListener('error', () => poster.replaceWith(el('span', { class: 'no-poster', 'aria-hidden': 'true' }, '▶')));
    const pct = v.durationMs ? Math.min(100, Math.round((v.watchedSeconds * 100000) / v.durationMs)) : 0;
    return el('section', { class: 'card resume', id: 'resume', 'data-resource': v.resourceId, 'data-position-ms': v.startsAtMs },
      el('h2', {}, t('resume.title')),
      el('a', { class: 'resume-link', id: 'resume-play', href: `/learner/unit?unit=${point.unitId}&class=${point.classId}&play=${v.resourceId}` },
        el('span', { class: 'thumb' }, poster, el('span', { class: 'play-mark', 'aria-hidden': 'true' }, '▶')),
        el('span', { class: 'resume-text' },
          el('strong', { id: 'resume-title' }, v.title),
          el('span', { class: 'muted' }, [point.unitName, point.className].filter(Boolean).join(' · ')),
          el('span', { id: 'resume-at' }, v.startsAtMs >= 1000
            ? t('resume.stoppedAt', { at: playClock(v.startsAtMs), duration: playClock(v.durationMs || 0) })
            : t('resume.fromStart', { duration: playClock(v.durationMs || 0) })),
          el('span', { class: 'muted', id: 'resume-watched' }, t('resume.watched', { p: pct })),
          el('span', { class: 'button primary' }, t('resume.play')))),
      progress(pct, 100, t('resume.progress')));
  }
  if (!next) return '';
  return el('section', { class: 'card resume', id: 'resume', 'data-unit': next.unit.unitId },
    el('h2', {}, t('resume.title')),
    el('p', { class: 'next-unit' }, t('resume.nextUnit'), ' ',
      el('a', { href: `/learner/unit?unit=${next.unit.unitId}&class=${next.classId}`, class: 'button primary', id: 'resume-unit' }, next.unit.name)),
    el('p', { class: 'muted' }, `${next.className} · ${next.hours}`));
}

async function card(c) {
  const head = el('h2', {}, c.name);
  const facts = el('p', { class: 'muted' }, `${levelAndJob(c.level, c.jobType)} · ${c.startsOn} – ${c.endsOn}`);
  if (c.status !== 'ACTIVE') {
    return { node: el('section', { class: 'card' }, head, facts, el('p', {}, t('learner.notActive', { status: t(`classStatus.${c.status}`) }))) };
  }
  const [ledger, exams, live, practicals] = await Promise.all([api(`/api/attendance/classes/${c.id}/ledger`), api(`/api/assessment/classes/${c.id}/exams`),
    liveLessons(c.id, '/learner/lesson'), api(`/api/assessment/practicals?classId=${c.id}`)]);
  const me = ledger.items[0];
  if (!me) return { node: el('section', { class: 'card' }, head, facts) };
  const total = Math.max(me.planMinutes, me.minimumMinutes);
  // What comes next first: exams and practical exams, the next unit to study; then every unit, folded when there are many.
  const next = me.units.find((u) => !u.met);
  const metCount = me.units.filter((u) => u.met).length;
  const hours = next ? `${minutes(next.creditedMinutes)} / ${classHours(next.requiredMinutes, ledger.classHourMinutes)}` : '';
  const line = next ? el('p', { class: 'next-unit', id: `class-${c.id}-next` }, t('learner.nextUnit'), ' ',
    el('a', { href: `/learner/unit?unit=${next.unitId}&class=${c.id}`, class: 'button primary' }, next.name), ' ',
    el('span', { class: 'muted' }, hours)) : '';
  const node = el('section', { class: 'card', 'data-class': c.id },
    head, facts,
    // The class's four resource packs (教学资源 named, for teachers only): one tap from the class.
    el('p', {}, el('a', { href: `/learner/packs?class=${c.id}`, class: 'button', id: `class-${c.id}-packs` }, t('packs.title'))),
    el('div', { class: 'completion' }, ring(me.classroomMinutes, total, t('learner.completion')),
      el('p', { id: `class-${c.id}-total` }, t('learner.classroom', { credited: minutes(me.classroomMinutes), required: classHours(total, ledger.classHourMinutes) }), ' ',
      el('span', { class: me.meetsHours ? 'badge ok' : 'badge short' }, me.meetsHours ? t('ledger.meets') : t('ledger.shortBy', { m: minutes(me.shortMinutes) })),
      me.withheldSeconds > 0 ? el('span', { class: 'badge short', id: `class-${c.id}-withheld` }, t('ledger.withheld', { m: minutes(me.withheldSeconds / 60) })) : '')),
    progress(me.classroomMinutes, total, t('learner.classroomBar')),
    line,
    exams.length ? el('h3', {}, t('learner.exams')) : '',
    exams.length ? el('ul', { class: 'exams' }, exams.map((e) => el('li', { 'data-exam': e.id },
      el('a', { href: `/learner/exam?exam=${e.id}` }, e.title), ' ',
      el('span', { class: 'muted' }, t('exam.window', { opens: dateTime(e.opensAt), closes: dateTime(e.closesAt) }))))) : '',
    practicals.length ? el('h3', {}, t('practical.list')) : '',
    practicals.length ? el('ul', { class: 'practicals' }, practicals.map((p) => el('li', { 'data-practical': p.id },
      el('a', { href: `/learner/practical?exam=${p.id}` }, p.title), ' ',
      el('span', { class: 'muted' }, t('exam.window', { opens: dateTime(p.opensAt), closes: dateTime(p.closesAt) }))))) : '',
    live,
    el('details', { class: 'unit-list', id: `class-${c.id}-units`, open: me.units.length <= FOLDED_ABOVE },
      el('summary', {}, t('learner.allUnits', { met: metCount, n: me.units.length })),
      el('ul', { class: 'units' }, me.units.map((u) => el('li', { 'data-unit': u.unitId },
        el('a', { href: `/learner/unit?unit=${u.unitId}&class=${c.id}` }, u.name),
        el('span', { class: u.met ? 'met credited' : 'credited' }, `${minutes(u.creditedMinutes)} / ${classHours(u.requiredMinutes, ledger.classHourMinutes)}`),
        progress(u.creditedMinutes, u.requiredMinutes, u.name))))),
    el('p', {}, el('a', { href: `/learner/archive?class=${c.id}`, id: `class-${c.id}-archive` }, t('archive.title'))),
    el('p', { class: 'muted', id: `class-${c.id}-other` }, t('learner.other', { other: minutes(me.otherMinutes), required: minutes(me.otherRequiredMinutes) })));
  return { node, next: next ? { classId: c.id, className: c.name, unit: next, hours, line } : null };
}

show(0);
