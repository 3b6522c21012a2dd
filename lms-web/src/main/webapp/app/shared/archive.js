// A learner's learning archive (学习档案) as the learner, a teacher or an administrator reads it, and as
// it prints (the browser's "save as PDF" keeps only the document) or downloads as the server's PDF: identity (masked), class and plan,
// the outcome requirement by requirement, hours per unit, every exam and quiz, and every practical exam.
import { account, api, download } from './api.js';
import { classHours, dateTime, language, levelAndJob, minutes, score, t } from './i18n.js';
import { box, el, showProblem } from './page.js';
import { totalLine } from './practical.js';

const row = (label, value) => el('tr', {}, el('th', { scope: 'row' }, t(label)), el('td', {}, value ?? '—'));

export async function showArchive(classId, learnerId) {
  try {
    const a = await api(`/api/archive/classes/${classId}/learners/${learnerId}`);
    const c = a.trainingClass;
    const h = a.hours;
    box.title.textContent = `${t('archive.title')} · ${a.learner.fullName}`;
    box.content.replaceChildren(
      el('p', { class: 'no-print' }, el('button', { type: 'button', id: 'print', onclick: () => window.print() }, t('archive.print')), ' ',
        el('button', { type: 'button', id: 'archive-pdf', onclick: () => download(`/api/archive/classes/${classId}/learners/${learnerId}/pdf?lang=${language() === 'en' ? 'en' : 'zh'}`,
          `archive-${a.learner.username}.pdf`).catch((err) => showProblem(box.problem, err)) }, t('archive.pdf'))),
      el('section', { class: 'card archive', id: 'archive' },
        el('h2', {}, t('archive.heading', { name: a.learner.fullName })),
        el('table', { class: 'facts' }, el('tbody', {},
          row('people.name', `${a.learner.fullName}（${a.learner.username}）`),
          row('users.idNumber', a.learner.idType ? `${t(`idType.${a.learner.idType}`)} ${a.learner.idNumberMasked || ''}` : null),
          row('users.phone', a.learner.phoneMasked),
          row('admin.class', `${c.name} · ${t(`delivery.${c.deliveryMode}`)} · ${c.startsOn} – ${c.endsOn}`),
          row('archive.certificateClass', t(c.leadsToCertificate ? 'archive.yes' : 'archive.no')),
          row('setup.plan', `${a.plan.name} · ${levelAndJob(a.plan.level, a.plan.jobType)} · ${t(`planKind.${a.plan.kind}`)} · ${t('archive.edition', { e: a.plan.edition })}`),
          row('archive.generated', dateTime(a.generatedAt)))),
        el('h3', {}, t('archive.outcome')),
        el('p', { id: 'outcome', class: a.outcome.complete ? 'met' : 'short' }, t(a.outcome.complete ? 'archive.complete' : 'archive.incomplete')),
        el('ul', { id: 'checks' }, a.outcome.checks.map((k) => el('li', { 'data-requirement': k.requirement, 'data-state': k.state },
          `${t(`archive.req.${k.requirement}`)}：`, el('strong', { class: k.state === 'MET' ? 'met' : 'short' }, t(`archive.state.${k.state}`)),
          el('span', { class: 'muted' }, ` — ${k.detail[language()]}`)))),
        el('h3', {}, t('certificate.title')), certificates(classId, learnerId, a.outcome.complete),
        el('h3', {}, t('archive.hours')),
        h ? el('p', { id: 'archive-hours' }, t('archive.hoursLine', { classroom: minutes(h.classroomMinutes), plan: classHours(h.planMinutes, c.classHourMinutes),
          min: classHours(h.minimumMinutes, c.classHourMinutes), other: minutes(h.otherMinutes), total: minutes(h.totalMinutes) })) : el('p', { class: 'muted' }, t('archive.notStarted')),
        h ? el('div', { class: 'table-wrap' }, el('table', { id: 'archive-units' },
          el('thead', {}, el('tr', {}, ['exams.unit', 'archive.required', 'archive.credited', 'archive.met'].map((k) => el('th', {}, t(k))))),
          el('tbody', {}, h.units.map((u) => el('tr', {}, el('td', {}, u.name), el('td', {}, classHours(u.requiredMinutes, c.classHourMinutes)),
            el('td', {}, minutes(u.creditedMinutes)), el('td', { class: u.met ? 'met' : 'short' }, t(u.met ? 'archive.yes' : 'archive.no'))))))) : '',
        el('h3', {}, t('archive.assessments')),
        a.assessments.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'archive-exams' },
          el('thead', {}, el('tr', {}, ['archive.exam', 'archive.kind', 'exams.attempts', 'exams.score', 'archive.modules'].map((k) => el('th', {}, t(k))))),
          el('tbody', {}, a.assessments.map((r) => el('tr', { 'data-exam': r.examId },
            el('td', {}, r.title), el('td', {}, t(r.quiz ? 'archive.quiz' : 'archive.summative')), el('td', {}, r.attempts),
            el('td', {}, r.counted ? [`${score(r.counted.score, r.counted.maxScore)} `, el('span', { class: r.counted.passed ? 'badge ok' : 'badge short' },
              t(r.counted.passed ? 'exam.passed' : 'exam.failed'))] : t('exams.notSubmitted')),
            el('td', {}, r.modules.map((m) => `${m.code} ${m.name} ${m.awarded}/${m.points}`).join('；')))))))
          : el('p', { class: 'muted' }, t('archive.noAssessment')),
        a.practicals.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'archive-practicals' },
          el('thead', {}, el('tr', {}, ['archive.practical', 'exams.score'].map((k) => el('th', {}, t(k))))),
          el('tbody', {}, a.practicals.map((p) => el('tr', { 'data-practical': p.examId }, el('td', {}, p.title), el('td', {}, totalLine(p.total)))))))
          : ''));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

/**
 * The learner's completion certificate (结业证明): download the valid one, issue it once every requirement is met, or
 * say what is still needed; administrators may revoke one with a reason. Revoked ones stay listed.
 */
function certificates(classId, learnerId, complete) {
  const section = el('div', { id: 'certificate', class: 'no-print' });
  const problem = el('div', { role: 'alert', class: 'problem', hidden: true });
  const path = `/api/certificates/classes/${classId}/learners/${learnerId}`;
  const act = async (request) => {
    problem.hidden = true;
    try {
      await request();
      await draw();
    } catch (err) {
      showProblem(problem, err);
    }
  };
  async function draw() {
    const list = await api(path);
    const valid = list.find((c) => c.status === 'VALID');
    const revoked = list.filter((c) => c.status === 'REVOKED').map((c) => el('li', { 'data-certificate': c.id },
      t('certificate.revokedLine', { number: c.number, on: dateTime(c.revokedAt), reason: c.revokeReason })));
    let main;
    if (valid) {
      const reason = el('input', { id: 'revoke-reason', maxlength: 200, placeholder: t('certificate.revokeReason') });
      main = [
        el('p', { id: 'certificate-valid', class: 'met' }, t('certificate.validLine', { number: valid.number, on: dateTime(valid.issuedAt), code: valid.code })),
        valid.recordsNote ? el('p', { class: 'muted' }, t('certificate.recordsNote', { note: valid.recordsNote })) : '',
        el('p', {}, el('button', { type: 'button', class: 'primary', id: 'certificate-pdf',
          onclick: () => download(`/api/certificates/${valid.id}/pdf?lang=${language() === 'en' ? 'en' : 'zh'}`, `certificate-${valid.number}.pdf`)
            .catch((err) => showProblem(problem, err)) }, t('certificate.download')), ' ',
        el('a', { href: `/verify/?code=${encodeURIComponent(valid.code)}`, target: '_blank', rel: 'noopener', id: 'certificate-verify' }, t('certificate.verify'))),
        account()?.role === 'ADMINISTRATOR' ? el('form', { class: 'inline', id: 'revoke-form', onsubmit: (e) => { e.preventDefault();
          act(() => api(`/api/certificates/${valid.id}/revoke`, { method: 'POST', body: { reason: reason.value } })); } },
        reason, el('button', { type: 'submit', id: 'certificate-revoke' }, t('certificate.revoke'))) : '',
      ];
    } else if (complete) {
      // An administrator may issue although the class's records do not verify, once they have checked them and say how.
      const checked = el('input', { id: 'records-checked', maxlength: 200, placeholder: t('certificate.recordsChecked') });
      main = el('p', {}, el('button', { type: 'button', class: 'primary', id: 'certificate-issue',
        onclick: () => act(() => api(path, { method: 'POST', body: checked.value.trim() ? { recordsChecked: checked.value.trim() } : {} })) },
      t('certificate.issue')), account()?.role === 'ADMINISTRATOR' ? [' ', checked] : '');
    } else {
      main = el('p', { class: 'muted', id: 'certificate-pending' }, t('certificate.pending'));
    }
    section.replaceChildren(...[main].flat(), revoked.length ? el('ul', { id: 'certificate-revoked' }, ...revoked) : '', problem);
  }
  draw().catch((err) => showProblem(problem, err));
  return section;
}
