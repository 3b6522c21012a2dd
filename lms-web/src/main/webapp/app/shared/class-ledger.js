// A class's compliance at a glance, for its teachers and the administrators: who meets the hours, who
// is short, by how much and in which units; a chart of classroom hours per learner; the chain check and
// the audit export.
import { account, api, ApiError, download } from './api.js';
import { listen } from './events.js';
import { chinaDate, classHours, language, minutes, playClock, t } from './i18n.js';
import { faceReviews } from './face-reviews.js';
import { box, el, pager, param, progress, showNotice, showProblem } from './page.js';

let stopRoster = () => {};

/** The live roster: who is studying now, pushed by the server every few seconds while the page is open. */
function liveRoster(classId) {
  const section = el('section', { class: 'card', id: 'roster' }, el('h2', {}, t('roster.title')), el('p', { class: 'muted' }, t('common.loading')));
  function show(roster) {
    const now = Date.parse(roster.at);
    const present = roster.learners.filter((m) => m.state !== 'OFFLINE');
    section.replaceChildren(
      el('h2', {}, t('roster.title')),
      el('p', { id: 'roster-count' }, t('roster.count', { studying: roster.studying, idle: roster.idle, offline: roster.offline })),
      present.length ? el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ['people.name', 'roster.state', 'roster.unit', 'roster.lesson', 'roster.position', 'roster.lastBeat', 'roster.session'].map((k) => el('th', {}, t(k))))),
        el('tbody', {}, present.map((p) => el('tr', { 'data-learner': p.username, 'data-state': p.state },
          el('td', {}, p.fullName || p.username),
          el('td', {}, el('span', { class: p.state === 'STUDYING' ? 'badge ok' : 'badge' }, t(`roster.${p.state}`))),
          el('td', {}, p.unitName), el('td', {}, p.liveLessonId ? el('a', { href: `/teacher/lesson?id=${p.liveLessonId}` }, t('live.title')) : p.lesson),
          el('td', {}, p.positionMs == null ? '' : playClock(p.positionMs)), el('td', {}, t('roster.ago', { s: Math.max(0, Math.round((now - Date.parse(p.lastBeatAt)) / 1000)) })),
          el('td', {}, t('roster.seconds', { s: p.sessionCreditedSeconds }))))))) : '');
  }
  stopRoster();
  stopRoster = listen(() => `/api/attendance/classes/${classId}/roster/events`, { roster: show }, (state, status) => {
    if (state === 'refused') {
      section.replaceChildren(el('h2', {}, t('roster.title')), el('p', { class: 'short' }, new ApiError(status, {}).describe()));
    } else if (state === 'reconnecting') {
      section.querySelector('#roster-count')?.replaceChildren(t('roster.reconnecting'));
    }
  });
  return section;
}

const KINDS = ['INTERNSHIP', 'SITE_VISIT', 'SELF_STUDY', 'OTHER'];
const ENTRIES = 10;

/** Other hours: the entries (withdrawable with a reason) and a form to record more for a learner of the class. */
function otherHoursSection(classId, learners) {
  const section = el('section', { class: 'card', id: 'other-hours' });
  const learner = el('select', { id: 'other-learner', required: true }, learners.map((l) => el('option', { value: l.learnerId }, `${l.fullName || l.username}（${l.username}）`)));
  const kind = el('select', { id: 'other-kind' }, KINDS.map((k) => el('option', { value: k }, t(`otherKind.${k}`))));
  const amount = el('input', { id: 'other-minutes', type: 'number', min: 1, max: 1440, required: true, inputmode: 'numeric' });
  const date = el('input', { id: 'other-date', type: 'date', required: true, value: chinaDate(new Date()) });
  const note = el('textarea', { id: 'other-note', required: true, maxlength: 1000, rows: 2 });
  const evidence = el('input', { id: 'other-evidence', type: 'file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' });
  const form = el('form', { class: 'stack', id: 'other-form', novalidate: true },
    el('h3', {}, t('other.add')),
    el('label', {}, t('other.learner'), learner), el('label', {}, t('other.kind'), kind),
    el('label', {}, t('other.minutes'), amount), el('label', {}, t('other.date'), date), el('label', {}, t('other.note'), note),
    el('label', {}, t('other.evidence'), evidence),
    el('button', { type: 'submit', class: 'primary', id: 'other-submit' }, t('other.submit')));
  const list = el('div', { id: 'other-list' });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(box.problem, null);
    try {
      const entry = await api(`/api/attendance/classes/${classId}/other-hours`, {
        method: 'POST',
        body: { learnerId: Number(learner.value), kind: kind.value, minutes: Number(amount.value) || null, date: date.value || null, note: note.value },
      });
      const file = evidence.files[0];
      if (file) {
        try {
          await api(`/api/attendance/classes/${classId}/other-hours/${entry.id}/evidence?name=${encodeURIComponent(file.name)}`, {
            method: 'PUT', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' },
          });
        } catch (err) {
          // The entry stands; say that its evidence did not go with it.
          showProblem(box.problem, err);
          await showClassLedger();
          return;
        }
      }
      showNotice(box.notice, t('other.saved'));
      await showClassLedger();
    } catch (err) {
      showProblem(box.problem, err);
    }
  });
  async function render(page) {
    const entries = await api(`/api/attendance/classes/${classId}/other-hours`);
    const slice = entries.slice(page * ENTRIES, (page + 1) * ENTRIES);
    list.replaceChildren(entries.length ? el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['people.name', 'other.kind', 'other.minutes', 'other.date', 'other.note', 'other.by', 'teacherUnit.actions'].map((k) => el('th', {}, t(k))))),
      el('tbody', {}, slice.map((x) => el('tr', { 'data-entry': x.id, class: x.withdrawnAt ? 'muted' : null },
        el('td', {}, x.fullName || x.username), el('td', {}, t(`otherKind.${x.kind}`)), el('td', {}, x.withdrawnAt ? el('s', {}, x.minutes) : x.minutes),
        el('td', {}, x.date), el('td', {}, x.note, x.withdrawnAt ? el('div', {}, t('other.withdrawn', { reason: x.withdrawReason })) : '',
          x.evidence ? el('div', {}, el('button', {
            type: 'button', class: 'link', 'data-evidence': x.id,
            onclick: () => download(`/api/attendance/classes/${classId}/other-hours/${x.id}/evidence`, x.evidence.fileName).catch((err) => showProblem(box.problem, err)),
          }, t('other.evidenceFile', { name: x.evidence.fileName }))) : ''),
        el('td', {}, x.enteredBy),
        el('td', {}, x.withdrawnAt ? '' : el('button', { type: 'button', class: 'link', onclick: () => withdraw(x) }, t('other.withdraw')))))))) : el('p', { class: 'muted' }, t('other.none')),
    entries.length > ENTRIES ? pager(page, ENTRIES, entries.length, render) : '');
  }
  async function withdraw(entry) {
    const reason = window.prompt(t('other.reason'));
    if (!reason) return;
    try {
      await api(`/api/attendance/classes/${classId}/other-hours/${entry.id}/withdraw`, { method: 'POST', body: { reason } });
      await showClassLedger();
    } catch (err) {
      showProblem(box.problem, err);
    }
  }
  section.append(el('h2', {}, t('other.title')), el('p', { class: 'muted' }, t('other.help')), list, form);
  render(0).catch((err) => showProblem(box.problem, err));
  return section;
}

export async function showClassLedger() {
  const classId = Number(param('id'));
  try {
    const [ledger, cls] = await Promise.all([api(`/api/attendance/classes/${classId}/ledger`), api(`/api/classes/${classId}`)]);
    const target = Math.max(ledger.planMinutes, ledger.minimumMinutes);
    const short = ledger.items.filter((l) => !l.meetsHours);
    box.content.replaceChildren(
      el('section', { class: 'card' },
        el('h2', { id: 'class-name' }, ledger.className),
        el('p', { id: 'compliance' }, t('ledger.summary', { meeting: ledger.meetingHours, learners: ledger.learners, target: classHours(target, ledger.classHourMinutes) })),
        el('p', { class: 'muted' }, t('ledger.classHour', { m: ledger.classHourMinutes })),
        el('p', {},
          el('button', { type: 'button', id: 'export', class: 'primary', onclick: () => exportAs(classId, 'csv') }, t('ledger.export')), ' ',
          el('button', { type: 'button', id: 'export-xlsx', onclick: () => exportAs(classId, 'xlsx') }, t('ledger.exportXlsx')), ' ',
          el('button', { type: 'button', id: 'verify', onclick: () => verify(classId) }, t('ledger.verify')), ' ',
          el('button', { type: 'button', id: 'export-archives', onclick: () => download(`/api/archive/classes/${classId}/export?format=xlsx`, 'archives.xlsx')
            .catch((err) => showProblem(box.problem, err)) }, t('archive.exportClass')), ' ',
          el('a', { class: 'button', id: 'class-packs', href: `${account()?.role === 'TEACHER' ? '/teacher' : '/admin'}/packs?class=${classId}` }, t('packs.title')))),
      liveRoster(classId),
      el('section', { class: 'card' }, el('h2', {}, t('ledger.chart')),
        el('p', { class: 'muted chart-legend' }, el('span', { class: 'target-mark', 'aria-hidden': 'true' }), ' ',
          el('span', { id: 'chart-target' }, t('ledger.target', { target: classHours(target, ledger.classHourMinutes) }))),
        // Bars on one scale, the target's line across them: who is past it, who is near, who is far.
        el('div', { class: 'chart', id: 'chart', style: `--target:${targetAt(target, ledger.items)}%` }, ledger.items.map((l) => el('div', { class: l.meetsHours ? 'row' : 'row short' },
          el('a', { href: `/admin/archive?class=${classId}&learner=${l.learnerId}`, 'data-archive': l.username, title: t('archive.title') }, l.fullName || l.username),
          progress(l.classroomMinutes, scaleOf(target, ledger.items), l.fullName || l.username),
          el('span', {}, minutes(l.classroomMinutes),
            l.withheldSeconds > 0 ? el('span', { class: 'badge short', 'data-withheld': l.username }, t('ledger.withheld', { m: minutes(l.withheldSeconds / 60) })) : ''))))),
      faceReviews(classId, cls.presenceChecks, ledger.items),
      otherHoursSection(classId, ledger.items),
      shortSection(classId, ledger.className, short));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

const REMINDERS_PER_REQUEST = 100;

/**
 * Who is short of hours, by how much and where, each with a box to send them a study reminder (all ticked at first),
 * the reminder's text (a default in the page's language) and the button that sends it: personal notices, each seen by
 * its learner in 资讯; those reminded by the class in the last 12 hours are skipped by the server and said so.
 */
function shortSection(classId, className, short) {
  const names = new Map(short.map((l) => [l.learnerId, l.fullName || l.username]));
  const boxes = short.map((l) => el('input', {
    type: 'checkbox', checked: true, 'data-remind': l.learnerId, 'aria-label': t('remind.choose', { name: names.get(l.learnerId) }), onchange: () => count(),
  }));
  const all = el('input', { type: 'checkbox', id: 'remind-all', checked: true, 'aria-label': t('remind.all'), onchange: () => { boxes.forEach((b) => { b.checked = all.checked; }); count(); } });
  const chosen = el('span', { id: 'remind-count', class: 'muted' });
  const body = el('textarea', { id: 'remind-body', required: true, maxlength: 1000, rows: 3 }, t('remind.default', { class: className }));
  const send = el('button', { type: 'submit', class: 'primary', id: 'remind-send' }, t('remind.send'));
  // The outcome beside the button (the form sits at the end of a long page, far below the page's notice box).
  const outcome = el('div', { id: 'remind-outcome', role: 'status' });
  function count() {
    const n = boxes.filter((b) => b.checked).length;
    all.checked = n === boxes.length;
    chosen.replaceChildren(t('remind.chosen', { n }));
    send.disabled = n === 0;
  }
  const form = el('form', { class: 'stack', id: 'remind-form', novalidate: true },
    el('h3', {}, t('remind.title')),
    el('label', {}, t('remind.body'), body),
    el('div', { class: 'actions' }, send, ' ', chosen),
    outcome);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(box.problem, null);
    outcome.replaceChildren();
    const ids = boxes.filter((b) => b.checked).map((b) => Number(b.dataset.remind));
    if (!ids.length) return;
    send.disabled = true;
    const sent = [];
    const skipped = [];
    try {
      for (let from = 0; from < ids.length; from += REMINDERS_PER_REQUEST) {
        const answer = await api('/api/notices/reminders', {
          method: 'POST', body: { classId, learnerIds: ids.slice(from, from + REMINDERS_PER_REQUEST), body: body.value },
        });
        sent.push(...answer.sent);
        skipped.push(...answer.skipped);
      }
      outcome.replaceChildren(el('p', { id: 'remind-result' }, t('remind.result', { sent: sent.length, skipped: skipped.length })),
        skipped.length ? el('ul', { class: 'muted', id: 'remind-skipped' },
          skipped.map((s) => el('li', { 'data-skipped': s.learnerId }, t('remind.skippedOne', { name: names.get(s.learnerId) ?? s.learnerId, reason: s.reason[language()] })))) : '');
    } catch (err) {
      showProblem(box.problem, err);
    } finally {
      send.disabled = false;
      count();
    }
  });
  count();
  return el('section', { class: 'card', id: 'short-list' }, el('h2', {}, t('ledger.shortList', { n: short.length })),
    el('div', { class: 'table-wrap' }, el('table', { id: 'short' },
      el('thead', {}, el('tr', {}, el('th', { class: 'pick' }, short.length ? all : ''), ['people.name', 'ledger.classroom', 'ledger.short', 'ledger.where'].map((k) => el('th', {}, t(k))))),
      el('tbody', {}, short.map((l, i) => el('tr', { 'data-learner': l.username },
        el('td', { class: 'pick' }, boxes[i]),
        el('td', {}, l.fullName || l.username),
        el('td', {}, minutes(l.classroomMinutes)),
        el('td', { class: 'short' }, minutes(l.shortMinutes),
          l.onlineOverCapMinutes > 0 ? el('div', { class: 'muted' }, t('ledger.overCap', { m: minutes(l.onlineOverCapMinutes) })) : ''),
        el('td', {}, l.units.filter((u) => !u.met).slice(0, 5).map((u) => `${u.name}（${minutes(u.shortMinutes)}）`).join('；')
          + (l.units.filter((u) => !u.met).length > 5 ? ` …+${l.units.filter((u) => !u.met).length - 5}` : ''))))))),
    short.length ? form : '');
}

/** The chart's full width in minutes: the target, or the most any learner has if someone is past it. */
function scaleOf(target, items) {
  return Math.max(target, ...items.map((l) => l.classroomMinutes));
}

/** Where the target's line stands across the chart, in percent of its width. */
function targetAt(target, items) {
  const scale = scaleOf(target, items);
  return scale > 0 ? Math.round((target / scale) * 1000) / 10 : 100;
}

async function exportAs(classId, format) {
  try {
    const name = await download(`/api/attendance/classes/${classId}/export?format=${format}`, `attendance-class-${classId}.${format}`);
    showNotice(box.notice, t('ledger.exported', { name }));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function verify(classId) {
  try {
    const check = await api(`/api/attendance/classes/${classId}/verify`);
    showNotice(box.notice, check.intact ? t('ledger.intact', { n: check.records }) : t('ledger.broken', { detail: check.problem?.[language()] || JSON.stringify(check) }));
  } catch (err) {
    showProblem(box.problem, err);
  }
}
