// Accounts by role, paginated, with identity numbers and phones masked; a teacher's certificates on
// demand (the teacher qualification rules of the package use them).
import { api } from '../shared/api.js';
import { t } from '../shared/i18n.js';
import { box, el, pager, showProblem, startPage } from '../shared/page.js';

startPage('users.title', 'ADMINISTRATOR');
const SIZE = 20;
const role = el('select', { id: 'role', onchange: () => show(0) },
  ['', 'LEARNER', 'TEACHER', 'ADMINISTRATOR'].map((r) => el('option', { value: r }, t(r ? `role.${r}` : 'users.allRoles'))));
const list = el('div', { id: 'accounts' });

async function credentials(account, cell) {
  try {
    const items = await api(`/api/teachers/${account.id}/credentials`);
    cell.replaceChildren(items.length ? el('ul', {}, items.map((c) => el('li', {},
      [t(`credential.${c.kind}`, {}, c.kind), c.level ? t(`level.${c.level}`) : '', c.titleGrade || '', c.issuedOn, c.reference].filter(Boolean).join(' · '))))
      : t('users.noCredentials'));
  } catch (err) {
    cell.textContent = err.describe ? err.describe() : err.message;
  }
}

async function show(page) {
  try {
    const accounts = await api(`/api/accounts?page=${page}&size=${SIZE}${role.value ? `&role=${role.value}` : ''}`);
    list.replaceChildren(
      el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ['people.username', 'people.name', 'users.role', 'users.idNumber', 'users.phone', 'users.status', 'users.credentials'].map((k) => el('th', {}, t(k))))),
        el('tbody', {}, accounts.items.map((a) => {
          const cell = el('td', {});
          if (a.role === 'TEACHER') {
            cell.append(el('button', { type: 'button', class: 'link', onclick: () => credentials(a, cell) }, t('users.showCredentials')));
          }
          return el('tr', { 'data-account': a.username },
            el('td', {}, a.username), el('td', {}, a.fullName), el('td', {}, t(`role.${a.role}`)),
            el('td', {}, a.idNumberMasked || ''), el('td', {}, a.phoneMasked || ''),
            el('td', {}, a.disabled ? t('users.disabled') : t('users.active')), cell);
        })))),
      pager(page, SIZE, accounts.total, show));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

box.content.replaceChildren(el('p', {}, el('label', {}, t('users.role'), ' ', role)), list);
show(0);
