// A class's compliance at a glance, for its teachers and the administrators: who meets the hours, who
// is short, by how much and in which units; a chart of classroom hours per learner; the chain check and
// the audit export.
import { api, download } from './api.js';
import { minutes, playClock, t } from './i18n.js';
import { box, el, param, progress, showNotice, showProblem } from './page.js';

const POLL_MS = 5000;

/** The live roster: who is studying now, refreshed every few seconds while the page is open. */
function liveRoster(classId) {
  const section = el('section', { class: 'card', id: 'roster' }, el('h2', {}, t('roster.title')), el('p', { class: 'muted' }, t('common.loading')));
  async function refresh() {
    try {
      const roster = await api(`/api/attendance/classes/${classId}/roster`);
      const now = Date.parse(roster.at);
      section.replaceChildren(
        el('h2', {}, t('roster.title')),
        el('p', { id: 'roster-count' }, t('roster.count', { n: roster.studying.length, learners: roster.learners, s: POLL_MS / 1000 })),
        roster.studying.length ? el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, ['people.name', 'roster.unit', 'roster.lesson', 'roster.position', 'roster.lastBeat', 'roster.session'].map((k) => el('th', {}, t(k))))),
          el('tbody', {}, roster.studying.map((p) => el('tr', { 'data-learner': p.username },
            el('td', {}, p.fullName || p.username), el('td', {}, p.unitName), el('td', {}, p.lesson),
            el('td', {}, playClock(p.positionMs)), el('td', {}, t('roster.ago', { s: Math.max(0, Math.round((now - Date.parse(p.lastBeatAt)) / 1000)) })),
            el('td', {}, t('roster.seconds', { s: p.sessionCreditedSeconds }))))))) : '');
    } catch (err) {
      section.replaceChildren(el('h2', {}, t('roster.title')), el('p', { class: 'short' }, err.describe ? err.describe() : err.message));
    }
  }
  refresh();
  setInterval(() => { if (document.visibilityState === 'visible') refresh(); }, POLL_MS);
  return section;
}


export async function showClassLedger() {
  const classId = Number(param('id'));
  try {
    const ledger = await api(`/api/attendance/classes/${classId}/ledger`);
    const target = Math.max(ledger.planMinutes, ledger.minimumMinutes);
    const short = ledger.items.filter((l) => !l.meetsHours);
    box.content.replaceChildren(
      el('section', { class: 'card' },
        el('h2', { id: 'class-name' }, ledger.className),
        el('p', { id: 'compliance' }, t('ledger.summary', { meeting: ledger.meetingHours, learners: ledger.learners, target: minutes(target) })),
        el('p', { class: 'muted' }, t('ledger.classHour', { m: ledger.classHourMinutes })),
        el('p', {},
          el('button', { type: 'button', id: 'export', class: 'primary', onclick: () => exportAs(classId, 'csv') }, t('ledger.export')), ' ',
          el('button', { type: 'button', id: 'export-xlsx', onclick: () => exportAs(classId, 'xlsx') }, t('ledger.exportXlsx')), ' ',
          el('button', { type: 'button', id: 'verify', onclick: () => verify(classId) }, t('ledger.verify')))),
      liveRoster(classId),
      el('section', { class: 'card' }, el('h2', {}, t('ledger.chart')),
        el('div', { class: 'chart', id: 'chart' }, ledger.items.map((l) => el('div', { class: l.meetsHours ? 'row' : 'row short' },
          el('span', {}, l.fullName || l.username),
          progress(l.classroomMinutes, target, l.fullName || l.username),
          el('span', {}, minutes(l.classroomMinutes)))))),
      el('section', { class: 'card' }, el('h2', {}, t('ledger.shortList', { n: short.length })),
        el('div', { class: 'table-wrap' }, el('table', { id: 'short' },
          el('thead', {}, el('tr', {}, ['people.name', 'ledger.classroom', 'ledger.short', 'ledger.where'].map((k) => el('th', {}, t(k))))),
          el('tbody', {}, short.map((l) => el('tr', { 'data-learner': l.username },
            el('td', {}, l.fullName || l.username),
            el('td', {}, minutes(l.classroomMinutes)),
            el('td', { class: 'short' }, minutes(l.shortMinutes)),
            el('td', {}, l.units.filter((u) => !u.met).slice(0, 5).map((u) => `${u.name}（${minutes(u.shortMinutes)}）`).join('；')
              + (l.units.filter((u) => !u.met).length > 5 ? ` …+${l.units.filter((u) => !u.met).length - 5}` : '')))))))));
  } catch (err) {
    showProblem(box.problem, err);
  }
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
    showNotice(box.notice, check.intact ? t('ledger.intact', { n: check.records }) : t('ledger.broken', { detail: check.problem || JSON.stringify(check) }));
  } catch (err) {
    showProblem(box.problem, err);
  }
}
