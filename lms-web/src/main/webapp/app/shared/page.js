// What every page shares: who is signed in (or a redirect to sign in), the header with navigation,
// language switch and sign-out, safe DOM building, problem messages and pagination.
import { account, api, forget, token } from './api.js';
import { language, setLanguage, t, translate } from './i18n.js';

const HOME = { LEARNER: '/learner/', TEACHER: '/teacher/', ADMINISTRATOR: '/admin/' };

const NAV = {
  LEARNER: [['/learner/', 'nav.myClass'], ['/learner/feed', 'nav.feed']],
  TEACHER: [['/teacher/', 'nav.myClasses'], ['/learner/feed', 'nav.feed'], ['/admin/plans', 'nav.plans'], ['/admin/catalogue', 'nav.catalogue']],
  ADMINISTRATOR: [['/admin/', 'nav.classes'], ['/admin/users', 'nav.users'], ['/learner/feed', 'nav.feed'], ['/admin/plans', 'nav.plans'],
    ['/admin/catalogue', 'nav.catalogue']],
};

export function homeOf(role) {
  return HOME[role] || '/';
}

/** The shell's boxes: the page title, the alert for problems, the status notice and the content. */
export const box = {
  title: document.getElementById('title'),
  problem: document.getElementById('problem'),
  notice: document.getElementById('notice'),
  content: document.getElementById('content'),
};

function titled(key) {
  box.title.dataset.i18n = key;
  const head = document.querySelector('title');
  head.dataset.i18n = key;
}

/** Starts a page for the given roles; redirects to sign-in when nobody (or somebody else) is signed in. */
export function startPage(titleKey, ...roles) {
  const me = account();
  if (!token() || !me) {
    location.replace(`/?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new Error('not signed in');
  }
  if (roles.length && !roles.includes(me.role)) {
    location.replace(homeOf(me.role));
    throw new Error('wrong role');
  }
  titled(titleKey);
  header(me);
  translate(document);
  return me;
}

function header(me) {
  const bar = el('header', { class: 'topbar' },
    el('a', { class: 'brand', href: homeOf(me?.role) }, el('span', { class: 'long', 'data-i18n': 'app.name' }),
      el('span', { class: 'short', 'data-i18n': 'app.shortName' })),
    el('nav', { 'aria-label': 'main' }, ...(NAV[me?.role] || []).map(([href, key]) =>
      el('a', { href, 'data-i18n': key, 'aria-current': location.pathname === href ? 'page' : null, id: key === 'nav.feed' ? 'nav-feed' : null })),
    ),
    el('span', { class: 'who' }, me ? me.fullName || me.username : ''),
    el('button', { type: 'button', class: 'link', id: 'language', onclick: () => { setLanguage(language() === 'zh' ? 'en' : 'zh'); location.reload(); } },
      language() === 'zh' ? 'English' : '中文'),
    me ? el('button', { type: 'button', class: 'link', id: 'sign-out', 'data-i18n': 'nav.signOut', onclick: () => { forget(); location.assign('/'); } }) : '',
  );
  document.body.prepend(bar);
  if (me) unreadNotices();
}

/** The number of unread notices beside 资讯 in the header (refreshed by the feed page as notices are read). */
export async function unreadNotices() {
  const link = document.getElementById('nav-feed');
  if (!link) return;
  try {
    const { unread } = await api('/api/notices/unread');
    link.querySelector('.count')?.remove();
    if (unread > 0) link.append(el('span', { class: 'count', id: 'unread-notices', 'aria-label': t('notice.unreadCount', { n: unread }) }, String(unread)));
  } catch (e) {
    // The count is a hint; the page itself says what went wrong if the server is away.
  }
}

/** Plain page header for the sign-in page (no account yet). */
export function publicHeader(titleKey) {
  titled(titleKey);
  header(null);
  translate(document);
}

/** Builds an element; attributes with null/false are left out, on* functions become listeners. Text is never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    // The pages' Content-Security-Policy (style-src 'self') refuses a style attribute set as markup; set through the
    // CSSOM it applies (a progress bar's width, the ledger chart's target line).
    else if (name === 'style') node.style.cssText = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === '') continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  if (attrs && attrs['data-i18n']) node.textContent = t(attrs['data-i18n']);
  return node;
}

/** Shows an error (ApiError or any Error) in a role="alert" box; clears it when `error` is null. */
export function showProblem(box, error) {
  box.replaceChildren();
  box.hidden = !error;
  if (error) box.append(error.describe ? error.describe() : (error.message || String(error)));
}

export function showNotice(box, text) {
  box.replaceChildren(text);
  box.hidden = !text;
}

/** A progress bar with its text: value / max, accessible. */
export function progress(value, max, label) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct, 'aria-label': label },
    el('div', { class: 'bar', style: `width:${pct}%` }));
}

/** The share of a whole as a ring with its percentage inside (the learner's overall completion). */
export function ring(value, max, label) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return el('div', { class: 'ring', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct, 'aria-label': label,
    style: `--p:${pct}` }, el('span', {}, `${pct}%`));
}

/** A learning unit's place in the package, its hours, and how the exams weigh its course: "模块 › 课程 · 3 学时". */
export function unitFacts(unit) {
  const theory = unit.theoryWeight?.courseWeight ? t('unit.theoryWeight', { w: unit.theoryWeight.courseWeight }) : '';
  const practical = unit.practicalWeight ? t('unit.practicalWeight', { w: unit.practicalWeight.contentWeight,
    form: t(`catalogue.form.${unit.practicalWeight.form}`), m: unit.practicalWeight.minutes }) : '';
  return el('p', { class: 'muted', id: 'unit-facts' }, [unit.module, unit.course].filter(Boolean).join(' › '), ' · ', t('unit.hours', { h: unit.hours }),
    theory ? ` · ${theory}` : '', practical ? ` · ${practical}` : '');
}

/**
 * A learning unit's course specification (section 2.2): content outline, teaching methods, key and difficult
 * points; says so where 2.2 names the unit otherwise or describes the whole course as one unit. Folded unless `open`;
 * the seed lines it was read from only with `provenance` (the administrators' catalogue).
 */
export function unitSpecification(unit, open = false, provenance = false) {
  const spec = unit.specification;
  if (!spec) return el('p', { class: 'muted', id: 'unit-spec' }, t('spec.none'));
  const notes = [];
  if (unit.specificationMatch === 'SAME_PLACE') notes.push(t('spec.namedOtherwise', { name: spec.name }));
  if (unit.specificationMatch === 'WHOLE_COURSE') notes.push(t('spec.wholeCourse', { name: spec.name }));
  if (spec.hours !== unit.hours && unit.specificationMatch !== 'WHOLE_COURSE') notes.push(t('spec.hoursDiffer', { h: spec.hours }));
  return el('details', { id: 'unit-spec', open },
    el('summary', {}, t('spec.title', { section: spec.section })),
    ...notes.map((n) => el('p', { class: 'short' }, n)),
    el('h3', {}, t('spec.content')),
    el('ol', { class: 'spec-content' }, spec.content.map((c) => el('li', {}, c.text,
      c.points.length ? el('ul', {}, c.points.map((p) => el('li', {}, p))) : ''))),
    el('h3', {}, t('spec.methods')),
    el('ul', { id: 'spec-methods', class: 'methods' }, spec.methods.map((m) => el('li', {},
      m.description ? el('details', {}, el('summary', {}, m.name), el('p', { class: 'muted' }, m.description)) : m.name))),
    el('h3', {}, t('spec.keyPoints')),
    el('ul', { id: 'spec-key-points' }, spec.keyPoints.map((k) => el('li', {}, k.label ? `${k.label}：` : '', k.text))),
    provenance ? el('p', { class: 'muted' }, t('catalogue.seedLines', { lines: spec.seedLine })) : '');
}

/** The training requirements (section 2.1) of a learning unit's course: skill targets with their training items (seed lines as above). */
export function unitRequirements(unit, open = false, provenance = false) {
  const req = unit.requirements;
  if (!req) return el('p', { class: 'muted', id: 'unit-requirements' }, t('requirements.none'));
  const items = (list) => el('ul', {}, list.map((i) => el('li', {}, i)));
  return el('details', { id: 'unit-requirements', open },
    el('summary', {}, t('requirements.title', { section: req.section, course: `${req.contentCode} ${req.contentName}` })),
    req.targets.length
      ? el('ol', { class: 'spec-content' }, req.targets.map((g) => el('li', { 'data-target': g.code }, `${g.code} ${g.text}`, items(g.items))))
      : items(req.items),
    provenance ? el('p', { class: 'muted' }, t('catalogue.seedLines', { lines: req.seedLine })) : '');
}

/** Previous / next buttons for a page of `total` items. */
export function pager(page, size, total, go) {
  const pages = Math.max(1, Math.ceil(total / size));
  return el('nav', { class: 'pager', 'aria-label': t('pager.label') },
    el('button', { type: 'button', disabled: page <= 0, onclick: () => go(page - 1) }, t('pager.previous')),
    el('span', {}, t('pager.position', { page: page + 1, pages, total })),
    el('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, t('pager.next')));
}

/**
 * A list's search box: `search(text)` runs a moment after typing stops (and at once on Enter), with the text stripped;
 * the list shows what the server found (`?q=`, matched in names).
 */
export function searchBox(id, placeholderKey, search) {
  let timer;
  const input = el('input', { type: 'search', id, maxlength: 100, placeholder: t(placeholderKey), 'aria-label': t(placeholderKey), autocomplete: 'off' });
  const run = () => { clearTimeout(timer); search(input.value.trim()); };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 300); });
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); run(); } });
  return input;
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}
