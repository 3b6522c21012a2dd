// The public check of a completion certificate (结业证明) by its verification code: anyone — an employer, an auditor —
// types the code printed on the certificate (or follows its link) and reads whether it is valid, with the masked name,
// the class, level and job type, the hours and the dates. Nothing else about the person is shown.
import { api } from '../shared/api.js';
import { levelAndJob, t } from '../shared/i18n.js';
import { box, el, param, publicHeader, showProblem } from '../shared/page.js';

const code = el('input', { id: 'code', name: 'code', autocomplete: 'off', required: true, maxlength: 64, placeholder: 'XXXX-XXXX-XXXX-XXXX' });
const result = el('section', { id: 'verification', class: 'card', hidden: true, 'aria-live': 'polite' });
const form = el('form', { id: 'verify-form', class: 'stack card', novalidate: true },
  el('p', { class: 'muted' }, t('verify.help')),
  el('label', { for: 'code' }, t('verify.code')), code,
  el('button', { type: 'submit', class: 'primary', id: 'verify-submit' }, t('verify.submit')));
publicHeader('verify.title');
box.content.replaceChildren(form, result);

const row = (label, value) => el('tr', {}, el('th', { scope: 'row' }, t(label)), el('td', {}, value ?? '—'));

async function check() {
  box.problem.hidden = true;
  result.hidden = true;
  const typed = code.value.trim();
  if (!typed) {
    showProblem(box.problem, new Error(t('verify.empty')));
    return;
  }
  try {
    const v = await api(`/api/verify/${encodeURIComponent(typed)}`, { anonymous: true });
    const valid = v.status === 'VALID';
    result.replaceChildren(
      el('p', { id: 'verify-status', class: valid ? 'met' : 'short' }, el('strong', {}, t(valid ? 'verify.valid' : 'verify.revoked',
        { on: v.revokedOn }))),
      el('table', { class: 'facts' }, el('tbody', {},
        row('verify.number', v.number),
        row('people.name', v.maskedName),
        row('admin.class', v.className),
        row('verify.level', levelAndJob(v.level, v.jobType)),
        row('verify.hours', t('verify.hoursValue', { h: v.classroomClassHours, m: v.classHourMinutes })),
        row('verify.dates', `${v.startsOn} – ${v.endsOn}`),
        row('verify.issuedOn', v.issuedOn))));
    result.hidden = false;
  } catch (err) {
    showProblem(box.problem, err);
  }
}

form.addEventListener('submit', (e) => { e.preventDefault(); check(); });
if (param('code')) {
  code.value = param('code');
  check();
}
code.focus();
