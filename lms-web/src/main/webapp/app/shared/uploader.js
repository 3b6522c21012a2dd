// Resumable upload of one media file (a resource version, a learner's recorded practical work), straight
// from the browser to object storage: media-service hands out presigned part URLs, the parts go up three
// at a time with real byte progress, and the ticket is remembered so that after a reload (or a lost
// connection) the same file picks up with the parts storage already holds. The file is never read whole
// into memory.
import { ApiError } from './api.js';
import { inLanguage, language, t } from './i18n.js';

const PENDING = 'imtp.upload.';
const PARALLEL = 3;

export function pendingUpload(resourceId) {
  const raw = localStorage.getItem(PENDING + resourceId);
  return raw ? JSON.parse(raw) : null;
}

export function forgetUpload(resourceId) {
  localStorage.removeItem(PENDING + resourceId);
}

/** A URL under the upload URL: /media/api/uploads/{asset}/sub?grant=… */
function under(ticket, sub) {
  const [path, query] = ticket.uploadUrl.split('?');
  return `${path}${sub}?${query}`;
}

/**
 * A call to media-service; every failure is an ApiError whose text is the reader's: the problem media-service wrote
 * (in the page's language), or ours when it wrote none (a proxy's 502) or the connection was lost (status 0).
 */
async function call(method, url, body) {
  // media-service writes its problems (a rejected file's reason) in the page's language, as lms-web does for api().
  const headers = { Accept: 'application/json', 'Accept-Language': language() === 'en' ? 'en' : 'zh-CN' };
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  let r;
  try {
    r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { detail: t('upload.offline') });
  }
  const data = await r.text().then((x) => (x ? JSON.parse(x) : null)).catch(() => null);
  if (!r.ok) throw new ApiError(r.status, data?.detail ? data : { ...(data && typeof data === 'object' ? data : {}), detail: t('upload.mediaFailed') });
  return data;
}

function post(url, body) {
  return call('POST', url, body);
}

/** An asset's status read once (its `statusUrl`), as the events of follow() carry it. */
export function assetStatus(statusUrl) {
  return call('GET', statusUrl);
}

/** Thrown when the caller's `signal` stops an upload (a teacher cancelled it). */
export class UploadCancelled extends Error {}

function putPart(url, blob, onBytes, signal) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    if (signal) signal.addEventListener('abort', () => { xhr.abort(); reject(new UploadCancelled('cancelled')); }, { once: true });
    xhr.open('PUT', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onBytes(e.loaded);
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve()
      : reject(new ApiError(xhr.status, { detail: t('upload.storageRefused', { status: xhr.status }) })));
    xhr.onerror = () => reject(new ApiError(0, { detail: t('upload.offline') }));
    xhr.send(blob);
  });
}

/**
 * Uploads `file` with `ticket` (from POST /api/resources/{id}/versions or its upload-grant, or a practical task's
 * recording), remembered under `resourceId` (any key naming what is uploaded) until complete.
 * @param {(sent:number, total:number) => void} onProgress
 * @param {AbortSignal} [signal] stops the upload (no more parts are sent; rejects with UploadCancelled)
 * @returns the completion status (state PROCESSING for media, READY for documents and images)
 */
export async function upload(resourceId, ticket, file, onProgress, signal) {
  localStorage.setItem(PENDING + resourceId, JSON.stringify({ ticket, name: file.name, size: file.size, lastModified: file.lastModified }));
  const started = await post(ticket.uploadUrl, { fileName: file.name, size: file.size, contentType: file.type || 'application/octet-stream' });
  if (started.state !== 'UPLOADING') {
    forgetUpload(resourceId);
    return started;
  }
  const done = new Set((started.uploadedParts || []).map((p) => p.number));
  const sentOf = new Map();
  const partBytes = (n) => Math.min(started.partSize, file.size - (n - 1) * started.partSize);
  let base = [...done].reduce((sum, n) => sum + partBytes(n), 0);
  const report = () => onProgress(base + [...sentOf.values()].reduce((a, b) => a + b, 0), file.size);
  report();
  const todo = [];
  for (let n = 1; n <= started.partCount; n++) if (!done.has(n)) todo.push(n);
  const stopIfCancelled = () => { if (signal?.aborted) { forgetUpload(resourceId); throw new UploadCancelled('cancelled'); } };
  while (todo.length) {
    stopIfCancelled();
    const batch = todo.splice(0, 24);
    const { parts } = await post(under(ticket, '/parts'), { numbers: batch });
    const queue = [...parts];
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
      for (let part = queue.shift(); part; part = queue.shift()) {
        stopIfCancelled();
        const from = (part.number - 1) * started.partSize;
        await putPart(part.url, file.slice(from, from + partBytes(part.number)), (b) => { sentOf.set(part.number, b); report(); }, signal);
        sentOf.delete(part.number);
        base += partBytes(part.number);
        report();
      }
    }));
  }
  stopIfCancelled();
  const completed = await post(under(ticket, '/complete'));
  forgetUpload(resourceId);
  return completed;
}

/** Follows transcoding through media-service's Server-Sent Events until the asset is final. */
export function follow(eventsUrl, onStatus) {
  const source = new EventSource(eventsUrl);
  source.addEventListener('asset', (e) => {
    const status = JSON.parse(e.data);
    onStatus(status);
    if (['READY', 'FAILED', 'REJECTED', 'DELETED'].includes(status.state)) source.close();
  });
  source.onerror = () => { if (source.readyState === EventSource.CLOSED) onStatus(null); };
  return source;
}

/** "不到 1 分钟" / "约 4 分钟" / "约 1 小时 5 分". */
function waitText(seconds) {
  if (seconds < 60) return t('teacherUnit.waitUnderMinute');
  const m = Math.ceil(seconds / 60);
  return m < 60 ? t('teacherUnit.waitMinutes', { m }) : t('teacherUnit.waitHours', { h: Math.floor(m / 60), m: m % 60 });
}

/**
 * An asset's status as a teacher reads it ("转码中 42%", "排队中，前面还有 2 个…", "转码失败 — reason"); `s` null: the
 * status stream was lost.
 */
export function assetStateText(s) {
  if (!s) return t('teacherUnit.statusLost');
  if (s.state === 'PROCESSING' && s.job && s.job.ahead != null) {
    return t('teacherUnit.queued', { n: s.job.ahead, wait: waitText(s.job.waitSeconds || 0) });
  }
  const job = s.job && s.state === 'PROCESSING' ? ` ${Math.round((s.job.progress || 0) * 100)}%` : '';
  const playable = s.state === 'PROCESSING' && (s.renditions || []).some((r) => r.segments > 0) ? ` · ${t('teacherUnit.playableEarly')}` : '';
  const reason = s.reason ? ` — ${inLanguage(s.reason)}` : '';
  const tracks = s.tracks && s.state === 'READY' ? ` · ${inLanguage(s.tracks)}` : '';
  return `${t(`assetState.${s.state}`)}${job}${playable}${reason}${tracks}`;
}
