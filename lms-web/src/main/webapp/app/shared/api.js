// The JSON API as the pages use it: the sign-in token rides in the Authorization header, and a problem
// document (RFC 9457) becomes an ApiError whose message the page shows as it is.
import { language, t } from './i18n.js';

const TOKEN = 'imtp.token';
const ACCOUNT = 'imtp.account';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The text a user reads: what went wrong in their language, then the server's precise detail and field errors. */
  describe() {
    const fields = (this.problem.errors || []).map((e) => `${fieldLabel(e.field)}${t('punct.colon')}${e.message}`).join(t('punct.semicolon'));
    // No answer at all (status 0, the connection lost): the message alone says it, without "请求失败（0）".
    const headline = this.status === 0 ? '' : (t(`problem.${this.status}`, {}, '') || t('problem.other', { status: this.status }));
    // "HTTP 502" is for the console: an answer without a problem document reads as its headline alone.
    const said = this.problem.detail || this.problem.title ? this.message : '';
    return [headline, said, fields].filter(Boolean).join(' — ');
  }
}

/**
 * What a problem's field is called in the reader's language: "line 7" of an imported file (第 7 行), a known field by
 * its name (标题), a place in an imported package ("items/item-1.xml: difficulty") as the server gives it.
 */
export function fieldLabel(field) {
  const line = /^line (\d+)(?:: (.+))?$/.exec(field || '');
  if (line) return t('field.line', { n: line[1] }) + (line[2] ? ` ${fieldLabel(line[2])}` : '');
  // "level/jobType": each name in turn.
  if (/^[A-Za-z]+(\/[A-Za-z]+)+$/.test(field || '')) return field.split('/').map(fieldLabel).join('/');
  return t(`field.${field}`, {}, field || '');
}

export function token() {
  return localStorage.getItem(TOKEN);
}

export function account() {
  const raw = localStorage.getItem(ACCOUNT);
  return raw ? JSON.parse(raw) : null;
}

export function remember(signedIn) {
  localStorage.setItem(TOKEN, signedIn.token);
  localStorage.setItem(ACCOUNT, JSON.stringify(signedIn.account));
}

export function forget() {
  localStorage.removeItem(TOKEN);
  localStorage.removeItem(ACCOUNT);
}

/** The language chosen in the page's header, for the server's exports and documents (Chinese unless English). */
function acceptLanguage() {
  return language() === 'en' ? 'en' : 'zh-CN';
}

/** Calls the API; resolves to the parsed JSON (or null), rejects with an ApiError. */
export async function api(path, { method = 'GET', body, headers = {}, raw = false, keepalive = false, anonymous = false } = {}) {
  const h = { Accept: 'application/json', 'Accept-Language': acceptLanguage(), ...headers };
  // anonymous: a public page's call, which must not depend on (or be sent to sign-in by) a token left in this browser.
  if (token() && !anonymous) h.Authorization = `Bearer ${token()}`;
  if (body !== undefined && !(body instanceof Blob)) h['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers: h, keepalive,
      body: body === undefined ? undefined : (body instanceof Blob ? body : JSON.stringify(body)),
    });
  } catch (e) {
    throw new ApiError(0, { title: t('problem.offline'), detail: t('problem.offline') });
  }
  if (response.status === 401 && !anonymous && !path.endsWith('/auth/login')) {
    forget();
    location.assign(`/?next=${encodeURIComponent(location.pathname + location.search)}`);
    throw new ApiError(401, { detail: t('problem.401') });
  }
  if (raw) {
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    return response;
  }
  const text = await response.text();
  const data = text ? parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Like api(), but hands back the status and body of any answer (for calls whose non-2xx answers carry data). */
export async function exchange(path, { method = 'POST', body, keepalive = false } = {}) {
  const h = { Accept: 'application/json', 'Accept-Language': acceptLanguage(), 'Content-Type': 'application/json' };
  if (token()) h.Authorization = `Bearer ${token()}`;
  const response = await fetch(path, { method, headers: h, body: JSON.stringify(body), keepalive });
  const text = await response.text();
  return { status: response.status, body: text ? parse(text) : null };
}

async function problemOf(response) {
  try {
    return JSON.parse(await response.text());
  } catch (e) {
    return null;
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { detail: text.slice(0, 200) };
  }
}

/** Downloads an authorised file (an export) under the name the server gives. */
export async function download(path, fallbackName) {
  const response = await api(path, { raw: true, headers: { Accept: '*/*' } });
  const disposition = response.headers.get('Content-Disposition') || '';
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = (utf8 && decodeURIComponent(utf8)) || /filename="([^"]+)"/.exec(disposition)?.[1] || fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

/**
 * For views that ask again before an answer arrives (a level changed, another table clicked): wraps
 * loads so that only the latest one's outcome reaches the page. `const ask = latest();` then
 * `const data = await ask(() => api(…));` is undefined when a later load has been asked meanwhile;
 * an error of a superseded load is dropped too.
 */
export function latest() {
  let asked = 0;
  return async (load) => {
    const mine = ++asked;
    try {
      const value = await load();
      return mine === asked ? value : undefined;
    } catch (err) {
      if (mine === asked) throw err;
      return undefined;
    }
  };
}
