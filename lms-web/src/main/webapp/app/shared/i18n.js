// Texts for users: Chinese by default, English on the switch in the header (remembered per browser).
// Elements carry data-i18n="key" (text) or data-i18n-placeholder / data-i18n-aria-label (attributes).
import { messages } from './messages.js';

const KEY = 'imtp.lang';

export function language() {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
}

/** Remembers the language; the page reloads to render in it (a playing lesson resumes where it was). */
export function setLanguage(lang) {
  localStorage.setItem(KEY, lang === 'en' ? 'en' : 'zh');
}

/** The text of `key` in the current language with {name} placeholders filled; `fallback` when unknown. */
export function t(key, params = {}, fallback = key) {
  const entry = messages[key];
  if (entry === undefined) return fallback;
  const text = language() === 'en' ? entry[1] : entry[0];
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? `{${name}}`));
}

export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = `${t(title.dataset.i18n)} · ${t('app.name')}`;
}

/**
 * Minutes as people read them: "1 小时 5 分" / "1 h 5 min"; tenths below an hour. Rounded once, before splitting, so
 * that 3599.6 minutes read "60 小时", never "59 小时 60 分".
 */
export function minutes(value) {
  const m = Math.max(0, value || 0);
  const tenths = Math.round(m * 10) / 10;
  if (tenths < 60) return t('unit.minutes', { n: tenths.toString() });
  const whole = Math.round(m);
  const h = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? t('unit.hours0', { h }) : t('unit.hoursMinutes', { h, m: rest });
}

/**
 * A requirement in the package's own word, 学时, with what it comes to: 3600 minutes at 45 minutes a class hour read
 * "80 学时（60 小时）". Without the class hour's length (a class not started) the minutes alone.
 */
export function classHours(requiredMinutes, classHourMinutes) {
  if (!classHourMinutes) return minutes(requiredMinutes);
  const n = Math.round((requiredMinutes / classHourMinutes) * 10) / 10;
  return t('unit.classHoursOf', { n, duration: minutes(requiredMinutes) });
}

/**
 * A text the server keeps in both languages in one string (the Chinese, a line break, the English: a media file's
 * reason or its tracks note) in the reader's; a text of one line is shown as it is.
 */
export function inLanguage(text) {
  if (!text) return text;
  const cut = text.indexOf('\n');
  if (cut < 0) return text;
  return language() === 'en' ? text.slice(cut + 1) : text.slice(0, cut);
}

/**
 * A score on the pass mark's 100-point scale: "60 / 100", with the points it came from when the paper is not out of
 * 100 (a quiz of 10 questions: "60 / 100（6 / 10 分）"), so that it reads against "60 分（百分制）及格".
 */
export function score(points, max) {
  if (!max || max === 100) return `${points} / ${max}`;
  // Rounded down, as the server writes it (exam/control/Scores): a score just short of the pass mark never reads as it.
  return t('exam.scoreOn100', { p: Math.floor((points * 1000) / max) / 10, points, max });
}

document.documentElement.lang = language() === 'en' ? 'en' : 'zh-CN';

/** A media position or playing time as a clock (时:分:秒 from an hour on): 75 000 ms → "1:15", 3 725 000 ms → "1:02:05". */
export function playClock(ms) {
  const s = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** "五级／初级工 · 直播销售员"; the basic course (no level) by its name. */
export function levelAndJob(level, jobType) {
  if (!level) return t('jobType.none');
  return jobType ? `${t(`level.${level}`)} · ${t(`jobType.${jobType}`)}` : t(`level.${level}`);
}

/**
 * A date as a `datetime-local` input in China time holds it ("2026-12-10T08:00"), as every time on the pages is shown
 * (`dateTime`); the server reads such a value without an offset as China time, and the pages send it as it is, so
 * that a form means the same moment whatever the browser's zone. (China has kept +08:00 without summer time since 1991.)
 */
export function chinaInput(date) {
  return new Date(date.getTime() + 8 * 3600000).toISOString().slice(0, 16);
}

/** The day of a date in China ("2026-12-10"), as a `date` input holds it: the day a class starts, hours were done. */
export function chinaDate(date) {
  return chinaInput(date).slice(0, 10);
}

/** An instant as a date and time in China time (the timetable's and the audit exports'), written in the page's language. */
export function dateTime(instant) {
  return new Date(instant).toLocaleString(language() === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
}
