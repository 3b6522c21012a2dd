// Accounts by role, paginated, with identity numbers and phones masked; a teacher's certificates on
// demand (the teacher qualification rules of the package use them) and a form to add one; a new account
// (its temporary password shown once), a password reset, disabling and enabling.
import { account, api, latest } from '../shared/api.js';
import { t } from '../shared/i18n.js';
import { box, el, pager, searchBox, showNotice, showProblem, startPage } from '../shared/page.js';

startPage('users.title', 'ADMINISTRATOR');
const SIZE = 20;
const role = el('select', { id: 'role', onchange: () => show(0) },
  ['', 'LEARNER', 'TEACHER', 'ADMINISTRATOR'].map((r) => el('option', { value: r }, t(r ? `role.${r}` : 'users.allRoles'))));
const list = el('div', { id: 'accounts' });

async function credentials(account, cell) {
  try {
    const items = await api(`/api/teachers/${account.id}/credentials`);
    const form = el('form', { class: 'inline', 'data-credential-form': account.username },
      el('label', {}, t('users.credentialKind'), el('select', { name: 'kind' }, ['CERTIFICATE', 'TITLE'].map((k) => el('option', { value: k }, t(`credential.${k}`, {}, k))))),
      el('label', {}, t('catalogue.level'), el('select', { name: 'level' }, ['', 'L5', 'L4', 'L3', 'L2', 'L1'].map((l) => el('option', { value: l }, l ? t(`level.${l}`) : '—')))),
      el('label', {}, t('users.titleGrade'), el('select', { name: 'titleGrade' }, ['', 'INTERMEDIATE', 'SENIOR'].map((g) => el('option', { value: g }, g ? t(`titleGrade.${g}`) : '—')))),
      el('label', {}, t('users.issuedOn'), el('input', { name: 'issuedOn', type: 'date', required: true })),
      el('label', {}, t('users.reference'), el('input', { name: 'reference', required: true, maxlength: 100 })),
      el('button', { type: 'submit' }, t('users.addCredential')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = new FormData(form);
      try {
        showProblem(box.problem, null);
        await api(`/api/teachers/${account.id}/credentials`, { method: 'POST', body: { kind: f.get('kind'), level: f.get('level') || null,
          titleGrade: f.get('titleGrade') || null, issuedOn: f.get('issuedOn'), reference: f.get('reference') } });
        showNotice(box.notice, t('users.credentialAdded'));
        await credentials(account, cell);
      } catch (err) {
        showProblem(box.problem, err);
      }
    });
    cell.replaceChildren(items.length ? el('ul', {}, items.map((c) => el('li', {},
      [t(`credential.${c.kind}`, {}, c.kind), c.level ? t(`level.${c.level}`) : '', c.titleGrade ? t(`titleGrade.${c.titleGrade}`) : '', c.issuedOn, c.reference].filter(Boolean).join(' · '))))
      : t('users.noCredentials'), el('details', {}, el('summary', {}, t('users.addCredential')), form));
  } catch (err) {
    cell.textContent = err.describe ? err.describe() : err.message;
  }
}

/** Says a temporary password once, for the administrator to hand over. */
function temporary(username, password) {
  showNotice(box.notice, t('users.temporary', { username, password }));
}

async function change(path, done) {
  try {
    showProblem(box.problem, null);
    const r = await api(path, { method: 'POST' });
    done(r);
    await show(0);
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function newAccountForm() {
  const form = el('form', { class: 'stack', id: 'new-account' },
    el('label', {}, t('users.role'), el('select', { name: 'role' }, ['LEARNER', 'TEACHER', 'ADMINISTRATOR'].map((r) => el('option', { value: r }, t(`role.${r}`))))),
    el('label', {}, t('people.username'), el('input', { name: 'username', required: true, pattern: '[A-Za-z0-9._-]{3,64}', maxlength: 64 })),
    el('label', {}, t('people.name'), el('input', { name: 'fullName', required: true, maxlength: 100 })),
    el('label', {}, t('users.idType'), el('select', { name: 'idType' }, ['MAINLAND_ID_CARD', 'PASSPORT', 'HK_MACAO_TRAVEL_PERMIT', 'TAIWAN_TRAVEL_PERMIT']
      .map((d) => el('option', { value: d }, t(`idType.${d}`))))),
    el('label', {}, t('users.idNumber'), el('input', { name: 'idNumber', maxlength: 40 })),
    el('label', {}, t('users.phone'), el('input', { name: 'phone', maxlength: 20 })),
    el('button', { type: 'submit', class: 'primary' }, t('users.create')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    try {
      showProblem(box.problem, null);
      const created = await api('/api/accounts', { method: 'POST', body: { role: f.get('role'), username: f.get('username'), fullName: f.get('fullName'),
        idType: f.get('idType'), idNumber: f.get('idNumber') || null, phone: f.get('phone') || null } });
      temporary(created.account.username, created.temporaryPassword);
      form.reset();
      await show(0);
    } catch (err) {
      showProblem(box.problem, err);
    }
  });
  return el('details', { class: 'card' }, el('summary', { id: 'new-account-toggle' }, t('users.new')), form);
}

const ask = latest();
let query = '';

async function show(page) {
  try {
    const accounts = await ask(() => api(`/api/accounts?page=${page}&size=${SIZE}${role.value ? `&role=${role.value}` : ''}`
      + `${query ? `&q=${encodeURIComponent(query)}` : ''}`));
    if (!accounts) return;
    list.replaceChildren(
      el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ['people.username', 'people.name', 'users.role', 'users.idNumber', 'users.phone', 'users.status', 'users.credentials'].map((k) => el('th', {}, t(k))))),
        el('tbody', {}, accounts.items.map((a) => {
          const cell = el('td', {});
          if (a.role === 'TEACHER') {
            cell.append(el('button', { type: 'button', class: 'link', 'data-show-credentials': a.username, onclick: () => credentials(a, cell) }, t('users.showCredentials')));
          }
          return el('tr', { 'data-account': a.username },
            el('td', {}, a.username), el('td', {}, a.fullName), el('td', {}, t(`role.${a.role}`)),
            el('td', {}, a.idNumberMasked || ''), el('td', {}, a.phoneMasked || ''),
            el('td', {}, a.disabled ? t('users.disabled') : t('users.active'), ' ',
              // Nobody disables their own account (the server refuses it too): another administrator does.
              a.username === account()?.username ? '' : el('button', { type: 'button', class: 'link', 'data-toggle': a.username,
                onclick: () => (a.disabled || confirm(t('users.confirmDisable', { username: a.username }))) && change(`/api/accounts/${a.id}/${a.disabled ? 'enable' : 'disable'}`, () => {}) },
                t(a.disabled ? 'users.enable' : 'users.disable')), ' ',
              el('button', { type: 'button', class: 'link', 'data-reset': a.username,
                onclick: () => confirm(t('users.confirmReset', { username: a.username })) && change(`/api/accounts/${a.id}/password-reset`, (r) => temporary(a.username, r.temporaryPassword)) },
                t('users.reset'))), cell);
        })))),
      accounts.items.length ? '' : el('p', { class: 'muted', id: 'no-accounts' }, t('search.none')),
      pager(page, SIZE, accounts.total, show));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

box.content.replaceChildren(newAccountForm(), el('p', { class: 'toolbar' }, el('label', {}, t('users.role'), ' ', role), ' ',
  searchBox('account-search', 'search.accounts', (text) => { query = text; show(0); })), list);
show(0);
