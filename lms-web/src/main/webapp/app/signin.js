// Sign-in, and the password change a new or reset account must make before anything else.
import { api, remember } from './shared/api.js';
import { t, translate } from './shared/i18n.js';
import { box, el, homeOf, param, publicHeader, showProblem } from './shared/page.js';

const username = el('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
const newPassword = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true });
const signin = el('form', { id: 'signin', class: 'stack card', novalidate: true },
  el('label', {}, el('span', { 'data-i18n': 'signin.username' }), username),
  el('label', {}, el('span', { 'data-i18n': 'signin.password' }), password),
  el('button', { id: 'signin-submit', class: 'primary', type: 'submit', 'data-i18n': 'signin.submit' }));
const change = el('form', { id: 'change-password', class: 'stack card', hidden: true, novalidate: true },
  el('p', { class: 'notice', 'data-i18n': 'signin.mustChange' }),
  el('label', {}, el('span', { 'data-i18n': 'signin.newPassword' }), newPassword),
  el('p', { class: 'muted', 'data-i18n': 'signin.passwordRule' }),
  el('button', { class: 'primary', type: 'submit', 'data-i18n': 'signin.changeSubmit' }));
box.content.replaceChildren(signin, change, el('p', { class: 'muted' }, el('a', { href: '/verify/', id: 'verify-link', 'data-i18n': 'signin.verify' })));
publicHeader('signin.title');
translate(document);
username.focus();

// Where to go after signing in: the page that sent the learner here, when it is a page of this origin.
// Parsed as the browser will (backslashes, tabs and newlines included), and compared by origin, so that
// nothing like /\\host or /\t/host leaves the platform.
function sameOriginPath(next) {
  if (!next || !next.startsWith('/')) return null;
  try {
    const url = new URL(next, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

function proceed(account) {
  location.assign(sameOriginPath(param('next')) || homeOf(account.role));
}

signin.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!username.value.trim() || !password.value) {
    showProblem(box.problem, new Error(t('signin.missing')));
    (username.value.trim() ? password : username).focus();
    return;
  }
  try {
    const signedIn = await api('/api/auth/login', { method: 'POST', body: { username: username.value.trim(), password: password.value } });
    remember(signedIn);
    if (signedIn.account.mustChangePassword) {
      showProblem(box.problem, null);
      signin.hidden = true;
      change.hidden = false;
      newPassword.focus();
      return;
    }
    proceed(signedIn.account);
  } catch (err) {
    showProblem(box.problem, err);
  }
});

change.addEventListener('submit', async (e) => {
  e.preventDefault();
  try {
    await api('/api/me/password', { method: 'POST', body: { currentPassword: password.value, newPassword: newPassword.value } });
    const signedIn = await api('/api/auth/login', { method: 'POST', body: { username: username.value.trim(), password: newPassword.value } });
    remember(signedIn);
    proceed(signedIn.account);
  } catch (err) {
    showProblem(box.problem, err);
  }
});
