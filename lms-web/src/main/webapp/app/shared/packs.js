// A class's resource packs as the training package defines them (1.1.1): 教学资源, 学习资源, 考核资源 and 信息资源,
// each a section with the package's description and the resources of the class in it (title, kind, unit, size or
// playing time, open). The server decides what each reader gets: learners never teaching resources, and assessment
// resources only while a teacher of the class shows them (optionally from, until); teachers of the class switch that here.
import { account, api } from './api.js';
import { chinaInput, dateTime, playClock, t } from './i18n.js';
import { box, el, pager, param, showNotice, showProblem } from './page.js';
import { openResource } from './resources.js';

const CATEGORIES = ['TEACHING', 'LEARNING', 'ASSESSMENT', 'INFORMATION'];
const SIZE = 20;

/** "1.2 MB" / "35 KB": a file's size as people read it. */
function size(bytes) {
  if (bytes >= 1048576) return t('packs.mb', { n: (bytes / 1048576).toFixed(1) });
  return t('packs.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
}

/**
 * The class shown: `?class=` (teachers and administrators come from a class's page), else — a learner's packs from the
 * navigation — the first active class of mine, with a chooser when I am in several.
 */
async function chooseClass(me) {
  const wanted = param('class') ? Number(param('class')) : null;
  if (wanted && me.role !== 'LEARNER') {
    const c = await api(`/api/classes/${wanted}`);
    return { classId: wanted, chooser: '', name: c.name };
  }
  const classes = await api('/api/classes?size=50');
  const active = classes.items.filter((c) => c.status === 'ACTIVE');
  const chosen = wanted || (active[0] || classes.items[0])?.id;
  const chooser = classes.items.length > 1 ? el('label', {}, t('packs.class'), ' ',
    el('select', { id: 'packs-class', onchange: (e) => location.assign(`${location.pathname}?class=${e.target.value}`) },
      classes.items.map((c) => el('option', { value: c.id, selected: c.id === chosen }, c.name)))) : '';
  return { classId: chosen, chooser, name: classes.items.find((c) => c.id === chosen)?.name };
}

/** Where a reader goes for a resource that is not opened as a file: a lesson video plays in its unit's page (attendance). */
function unitPage(me, r, classId) {
  return me.role === 'LEARNER' ? `/learner/unit?unit=${r.unitId}&class=${classId}` : `/teacher/unit?unit=${r.unitId}&class=${classId}`;
}

function item(me, r, classId, redraw) {
  const facts = [t(`kind.${r.kind}`), r.unitName || t('packs.general')];
  if (r.size != null && r.kind !== 'LINK') facts.push(size(r.size));
  if (r.durationMs) facts.push(playClock(r.durationMs));
  const staff = me.role !== 'LEARNER';
  const badges = [];
  if (staff && r.publishedVersion == null) badges.push(el('span', { class: 'badge short' }, t('packs.unpublished')));
  if (r.sharedWithAll) badges.push(el('span', { class: 'badge' }, t('packs.library')));
  else if (r.classId !== classId) badges.push(el('span', { class: 'badge' }, t('packs.shared')));
  if (staff && r.shownToLearners != null) {
    const now = Date.now();
    const state = !r.shownToLearners ? 'hidden'
      : r.shownFrom && Date.parse(r.shownFrom) > now ? 'scheduled'
        : r.shownUntil && Date.parse(r.shownUntil) <= now ? 'ended' : 'shown';
    badges.push(el('span', { class: state === 'shown' ? 'badge ok' : 'badge', 'data-shown': String(r.shownToLearners), 'data-state': state },
      t(`packs.${state}`)));
  }
  if (r.shownToLearners && (r.shownFrom || r.shownUntil)) {
    facts.push(windowText(r));
  } else if (!staff && r.shownUntil) {
    facts.push(t('packs.openUntil', { at: dateTime(r.shownUntil) }));
  }
  const actions = [];
  if (r.kind === 'VIDEO' && r.unitId) {
    actions.push(el('a', { class: 'button', href: unitPage(me, r, classId) }, t(staff ? 'packs.manage' : 'packs.study')));
  } else if (r.publishedVersion != null || r.kind === 'LINK') {
    actions.push(el('button', { type: 'button', 'data-open': r.id, onclick: () => openResource(r).catch((e) => showProblem(box.problem, e)) },
      t('unit.open')));
  }
  if (r.mayShowToLearners) actions.push(visibility(r, redraw));
  return el('li', { 'data-resource': r.id, 'data-category': r.category },
    el('div', {}, el('strong', {}, r.title), ' ', ...badges,
      el('div', { class: 'muted' }, facts.join(' · ')),
      r.description ? el('div', { class: 'muted' }, r.description) : ''),
    el('div', {}, ...actions));
}

/** "12/10 08:00 起 · 至 12/17 18:00": a shown assessment resource's window, either end open. */
function windowText(r) {
  return [r.shownFrom ? t('packs.from', { at: dateTime(r.shownFrom) }) : '', r.shownUntil ? t('packs.until', { at: dateTime(r.shownUntil) }) : '']
    .filter(Boolean).join(' ');
}

/**
 * The switch of an assessment resource (teachers of its class, administrators): shown to learners or hidden, and when
 * shown, in an optional window (from, until; China time, as every time on the pages).
 */
function visibility(r, redraw) {
  const at = (name, value) => el('input', { type: 'datetime-local', name, 'data-window': name, value: value ? chinaInput(new Date(value)) : '' });
  const from = at('from', r.shownFrom);
  const until = at('until', r.shownUntil);
  const send = (shown) => save(r, shown, from.value, until.value, redraw);
  return el('div', { class: 'visibility' },
    el('label', {}, t('packs.windowFrom'), ' ', from, ' ', el('span', { class: 'muted' }, t('common.chinaTime'))), ' ',
    el('label', {}, t('packs.windowUntil'), ' ', until), ' ',
    el('button', { type: 'button', 'data-toggle': r.id, onclick: () => send(!r.shownToLearners) }, t(r.shownToLearners ? 'packs.hide' : 'packs.show')),
    r.shownToLearners ? el('button', { type: 'button', 'data-save-window': r.id, onclick: () => send(true) }, t('packs.saveWindow')) : '');
}

async function save(r, shown, from, until, redraw) {
  try {
    showProblem(box.problem, null);
    const body = shown
      ? { shown, from: from || null, until: until || null }
      : { shown };
    await api(`/api/resources/${r.id}/learner-visibility`, { method: 'PUT', body });
    showNotice(box.notice, t(shown ? 'packs.shownNotice' : 'packs.hiddenNotice', { title: r.title }));
    await redraw();
  } catch (err) {
    showProblem(box.problem, err);
  }
}

/** One pack: its name and the package's description, then its first page (further pages asked by category). */
function section(me, pack, classId, redraw) {
  const c = pack.category;
  const list = el('div', { class: 'pack-items' });
  const learner = me.role === 'LEARNER';
  const fill = (page, items, total) => {
    list.replaceChildren(
      items.length ? el('ul', { class: 'units' }, items.map((r) => item(me, r, classId, redraw)))
        : el('p', { class: 'muted', 'data-empty': c }, t(learner && c === 'ASSESSMENT' ? 'packs.emptyForLearners' : 'packs.empty')),
      total > SIZE ? pager(page, SIZE, total, async (p) => {
        try {
          const more = await api(`/api/resources?classId=${classId}&category=${c}&page=${p}&size=${SIZE}`);
          fill(p, more.items, more.total);
        } catch (err) {
          showProblem(box.problem, err);
        }
      }) : '');
  };
  if (pack.reachesYou) fill(0, pack.items, pack.total);
  else list.replaceChildren(el('p', { class: 'muted', 'data-empty': c }, t('packs.teachersOnly')));
  return el('section', { class: 'card pack', id: `pack-${c}`, 'data-pack': c },
    el('h2', {}, t(`category.${c}`), ' ', pack.reachesYou ? el('span', { class: 'muted' }, t('packs.count', { n: pack.total })) : ''),
    el('p', { class: 'muted' }, t(`packs.about.${c}`)),
    learner && c === 'ASSESSMENT' ? el('p', { class: 'muted' }, t('packs.assessmentForLearners')) : '',
    list);
}

/** The page: the class (chosen), the package's words on the four packs, and a section per pack in the package's order. */
export async function showPacks() {
  const me = account();
  try {
    const { classId, chooser, name } = await chooseClass(me);
    if (!classId) {
      box.content.replaceChildren(el('p', { class: 'card' }, t('learner.noClass')));
      return;
    }
    const draw = async () => {
      const result = await api(`/api/resources/packs?classId=${classId}&size=${SIZE}`);
      const byCategory = new Map(result.packs.map((p) => [p.category, p]));
      box.content.replaceChildren(
        el('section', { class: 'card' }, name ? el('h2', { id: 'packs-class-name' }, name) : '', chooser,
          el('p', { class: 'muted' }, t('packs.intro'))),
        ...CATEGORIES.map((c) => section(me, byCategory.get(c), classId, draw)));
    };
    await draw();
  } catch (err) {
    showProblem(box.problem, err);
  }
}
