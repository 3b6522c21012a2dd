// A unit's resource pack as its teachers keep it: every resource with its versions, a new resource or a
// new version uploaded with a real progress bar (resumed after a reload), transcoding followed live,
// preview of any version, publication of one; and the unit's theory questions.
import { api } from '../shared/api.js';
import { inLanguage, t } from '../shared/i18n.js';
import { box, el, param, showNotice, showProblem, startPage, unitFacts, unitRequirements, unitSpecification } from '../shared/page.js';
import { attachHls } from '../player/lesson-player.js';
import { assetStateText, follow, forgetUpload, pendingUpload, upload, UploadCancelled } from '../shared/uploader.js';
import { questionSection } from '../shared/questions.js';

startPage('teacherUnit.title', 'TEACHER', 'ADMINISTRATOR');
const unitId = Number(param('unit'));
// The class the teacher came from: resources are added to it, and the list shows what reaches it.
const classId = param('class') ? Number(param('class')) : null;
const list = el('div', { id: 'resources' });
const preview = el('div', { id: 'preview' });
let previewHls = null;
let sources = [];
/** Uploads running in this page, by resource id: a teacher's cancel stops them. */
const running = new Map();

function kindOf(file) {
  const type = file.type || '';
  if (type.startsWith('video/')) return 'VIDEO';
  if (type.startsWith('audio/')) return 'AUDIO';
  if (type.startsWith('image/')) return 'IMAGE';
  return 'DOCUMENT';
}

function newResourceForm() {
  const title = el('input', { id: 'new-title', required: true, maxlength: 200 });
  const category = el('select', { id: 'new-category' },
    ['LEARNING', 'TEACHING', 'ASSESSMENT'].map((c) => el('option', { value: c }, t(`category.${c}`))));
  const file = el('input', { id: 'new-file', type: 'file', required: true });
  const form = el('form', { class: 'stack card', id: 'new-resource', novalidate: true },
    el('h2', {}, t('teacherUnit.add')),
    el('label', {}, t('teacherUnit.resourceTitle'), title),
    el('label', {}, t('teacherUnit.category'), category),
    el('label', {}, t('teacherUnit.file'), file),
    el('button', { type: 'submit', class: 'primary', id: 'new-submit' }, t('teacherUnit.upload')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    showProblem(box.problem, null);
    const chosen = file.files[0];
    if (!title.value.trim() || !chosen) {
      showProblem(box.problem, new Error(t('teacherUnit.needTitleAndFile')));
      return;
    }
    try {
      const created = await api('/api/resources', {
        method: 'POST', body: { category: category.value, kind: kindOf(chosen), unitId, classId, title: title.value.trim() },
      });
      form.reset();
      await show();
      await sendVersion(created, chosen);
    } catch (err) {
      showProblem(box.problem, err);
    }
  });
  return form;
}

/** Starts (or resumes) the upload of a new version of `resource` and follows it until it is ready. */
async function sendVersion(resource, file) {
  const row = document.querySelector(`[data-resource="${resource.id}"]`);
  const bar = row.querySelector('.upload');
  const pending = pendingUpload(resource.id);
  try {
    let ticket;
    if (pending && pending.name === file.name && pending.size === file.size) {
      ticket = await api(`/api/resources/${resource.id}/versions/${pending.ticket.version}/upload-grant`, { method: 'POST' });
    } else {
      ticket = await api(`/api/resources/${resource.id}/versions`, { method: 'POST', body: { fileName: file.name, size: file.size } });
    }
    const text = el('span', { class: 'muted', id: `upload-${resource.id}-text` });
    const meter = el('progress', { max: file.size, value: 0, id: `upload-${resource.id}-bar`, 'aria-label': t('teacherUnit.uploading') });
    bar.replaceChildren(el('label', {}, t('teacherUnit.uploading'), meter), text);
    const stop = new AbortController();
    running.set(resource.id, { version: ticket.version, stop });
    const cancel = el('button', { type: 'button', id: `cancel-upload-${resource.id}`, onclick: () => removeVersion(resource, ticket.version, true) },
      t('teacherUnit.cancel'));
    bar.replaceChildren(el('label', {}, t('teacherUnit.uploading'), meter), text, ' ', cancel);
    const done = await upload(resource.id, ticket, file, (sent, total) => {
      meter.value = sent;
      text.textContent = ` ${Math.floor((sent / total) * 100)}% (${mb(sent)} / ${mb(total)} MB)`;
    }, stop.signal);
    running.delete(resource.id);
    if (done.state === 'REJECTED') throw new Error(t('teacherUnit.rejected', { reason: inLanguage(done.reason) || '' }));
    await show();
  } catch (err) {
    running.delete(resource.id);
    if (!(err instanceof UploadCancelled)) showProblem(box.problem, err);
  }
}

/**
 * Deletes a version, or cancels its upload or transcoding (`busy`): this page's upload stops, the server releases the
 * file (media-service stops the job and removes what reached storage); credited attendance stays.
 */
async function removeVersion(resource, number, busy) {
  if (!confirm(t(busy ? 'teacherUnit.confirmCancel' : 'teacherUnit.confirmDeleteVersion', { title: resource.title, v: number }))) return;
  try {
    const upload = running.get(resource.id);
    if (upload && upload.version === number) upload.stop.abort();
    forgetUpload(resource.id);
    await api(`/api/resources/${resource.id}/versions/${number}`, { method: 'DELETE' });
    showNotice(box.notice, t(busy ? 'teacherUnit.cancelled' : 'teacherUnit.versionDeleted', { title: resource.title, v: number }));
    await show();
  } catch (err) {
    showProblem(box.problem, err);
  }
}

async function removeResource(resource) {
  if (!confirm(t('teacherUnit.confirmDeleteResource', { title: resource.title }))) return;
  try {
    running.get(resource.id)?.stop.abort();
    forgetUpload(resource.id);
    await api(`/api/resources/${resource.id}`, { method: 'DELETE' });
    showNotice(box.notice, t('teacherUnit.resourceDeleted', { title: resource.title }));
    await show();
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function mb(bytes) {
  return (bytes / 1048576).toFixed(1);
}

/** The name players show for a caption language: 中文 for zh (in the page's language), else the code itself. */
function languageName(code) {
  try {
    return new Intl.DisplayNames([document.documentElement.lang || 'zh'], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}

/** A READY video's caption tracks (uploaded, or kept from the file's own subtitles): each can be deleted, any replaced or added. */
function showCaptions(resource, version, holder, captions) {
  const key = `${resource.id}-${version.number}`;
  const language = el('input', { id: `caption-language-${key}`, maxlength: 16, size: 6, placeholder: 'zh', 'aria-label': t('teacherUnit.captionLanguage') });
  const file = el('input', { type: 'file', accept: '.vtt,text/vtt', id: `caption-file-${key}`, 'aria-label': t('teacherUnit.captionFile') });
  holder.replaceChildren(
    el('span', { class: 'muted' }, t('teacherUnit.captions'), ' '),
    ...(captions.length ? captions.map((c) => el('span', { class: 'badge', 'data-caption': c.language }, `${c.name}（${c.language}）`,
      el('button', { type: 'button', class: 'link', id: `caption-delete-${key}-${c.language}`, onclick: () => changeCaption(resource, version, c.language, null) },
        t('teacherUnit.deleteCaption')))) : [el('span', { class: 'muted' }, t('teacherUnit.noCaptions'))]),
    el('span', { class: 'field' }, language, file,
      el('button', { type: 'button', id: `caption-put-${key}`, onclick: () => changeCaption(resource, version, language.value.trim(), file.files[0] || undefined) },
        t('teacherUnit.putCaption'))));
}

/** Adds or replaces (`file`) or deletes (`file` null) a caption track with the version's upload grant. */
async function changeCaption(resource, version, language, file) {
  try {
    if (!language) throw new Error(t('teacherUnit.captionNeedsLanguage'));
    if (file === undefined) throw new Error(t('teacherUnit.needFile'));
    if (file === null && !confirm(t('teacherUnit.confirmDeleteCaption', { language }))) return;
    const ticket = await api(`/api/resources/${resource.id}/versions/${version.number}/upload-grant`, { method: 'POST' });
    const url = ticket.captionsUrl.replace('{language}', encodeURIComponent(language))
      + (file ? `&name=${encodeURIComponent(languageName(language))}` : '');
    const answer = await fetch(url, file ? { method: 'PUT', headers: { 'Content-Type': 'text/vtt' }, body: file } : { method: 'DELETE' });
    if (!answer.ok) {
      const problem = await answer.json().catch(() => null);
      throw new Error(problem?.detail || `HTTP ${answer.status}`);
    }
    showNotice(box.notice, t(file ? 'teacherUnit.captionSaved' : 'teacherUnit.captionDeleted', { language }));
    await show();
  } catch (err) {
    showProblem(box.problem, err);
  }
}

/** Follows a version's file: its state in the cell, publishing offered only once it is READY, cancel while it is busy. */
async function watchVersion(resource, version, cell) {
  const access = await api(`/api/resources/${resource.id}/access?version=${version.number}`);
  sources.push(follow(access.eventsUrl, (s) => {
    cell.textContent = assetStateText(s);
    cell.dataset.state = s ? s.state : 'UNKNOWN';
    const captionHolder = document.getElementById(`captions-${resource.id}-${version.number}`);
    if (captionHolder && s && s.state === 'READY' && resource.kind === 'VIDEO') showCaptions(resource, version, captionHolder, s.captions || []);
    const publishButton = document.getElementById(`publish-${resource.id}-${version.number}`);
    if (publishButton) {
      publishButton.disabled = !s || s.state !== 'READY';
      publishButton.title = publishButton.disabled ? t('teacherUnit.publishWhenReady') : '';
    }
    const removeButton = document.getElementById(`delete-${resource.id}-${version.number}`);
    if (removeButton) removeButton.textContent = t(s && ['UPLOADING', 'PROCESSING'].includes(s.state) ? 'teacherUnit.cancel' : 'teacherUnit.deleteVersion');
  }));
}

async function previewVersion(resource, version) {
  const access = await api(`/api/resources/${resource.id}/access?version=${version.number}`);
  previewHls?.destroy();
  if (resource.kind === 'VIDEO' || resource.kind === 'AUDIO') {
    const video = el('video', { controls: true, playsinline: true, id: 'preview-video', 'aria-label': resource.title });
    preview.replaceChildren(el('section', { class: 'card' }, el('h2', {}, t('teacherUnit.preview'), ' ', resource.title, ` v${version.number}`),
      el('div', { class: 'player' }, video)));
    previewHls = await attachHls(video, access.playlistUrl);
    preview.scrollIntoView({ behavior: 'smooth' });
  } else {
    window.open(access.fileUrl, '_blank', 'noopener');
  }
}

async function publish(resource, version) {
  try {
    await api(`/api/resources/${resource.id}/versions/${version.number}/publish`, { method: 'POST' });
    showNotice(box.notice, t('teacherUnit.published', { title: resource.title, v: version.number }));
    await show();
  } catch (err) {
    showProblem(box.problem, err);
  }
}

function resourceRow(r) {
  const again = el('input', { type: 'file', id: `file-${r.id}`, 'aria-label': t('teacherUnit.newVersion') });
  const pending = pendingUpload(r.id);
  const versions = (r.versions || []).slice().sort((a, b) => b.number - a.number);
  return el('section', { class: 'card', 'data-resource': r.id },
    el('h2', {}, r.title, ' ', el('span', { class: 'badge' }, t(`category.${r.category}`)), ' ', el('span', { class: 'badge' }, t(`kind.${r.kind}`))),
    pending ? el('p', { class: 'notice' }, t('teacherUnit.resume', { name: pending.name })) : '',
    el('div', { class: 'upload' }),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['teacherUnit.version', 'teacherUnit.fileName', 'teacherUnit.status', 'teacherUnit.actions'].map((k) => el('th', {}, t(k))))),
      el('tbody', {}, versions.map((v) => {
        const cell = el('td', { class: 'state', id: `state-${r.id}-${v.number}` }, '…');
        watchVersion(r, v, cell).catch((e) => { cell.textContent = e.message; });
        return el('tr', {},
          el('td', {}, `v${v.number}`, r.publishedVersion === v.number ? el('span', { class: 'badge ok' }, t('teacherUnit.isPublished')) : ''),
          el('td', {}, v.fileName),
          cell,
          el('td', {},
            el('button', { type: 'button', id: `preview-${r.id}-${v.number}`, onclick: () => previewVersion(r, v).catch((e) => showProblem(box.problem, e)) }, t('teacherUnit.preview')),
            r.publishedVersion === v.number || !r.mayChange ? '' : [
              el('button', { type: 'button', id: `publish-${r.id}-${v.number}`, disabled: true, title: t('teacherUnit.publishWhenReady'), onclick: () => publish(r, v) },
                t('teacherUnit.publish')),
              el('button', { type: 'button', id: `delete-${r.id}-${v.number}`,
                onclick: () => removeVersion(r, v.number, ['UPLOADING', 'PROCESSING'].includes(cell.dataset.state)) }, t('teacherUnit.deleteVersion')),
              r.kind === 'VIDEO' ? el('div', { class: 'captions', id: `captions-${r.id}-${v.number}` }) : '']));
      })))),
    // Only the teacher who added it (while teaching its class) or an administrator changes a resource.
    r.mayChange ? el('p', {}, el('button', { type: 'button', class: 'danger', id: `delete-${r.id}`, onclick: () => removeResource(r) }, t('teacherUnit.deleteResource'))) : '',
    !r.mayChange ? el('p', { class: 'muted', 'data-read-only': r.id }, t(r.classId === classId || !classId ? 'teacherUnit.readOnly' : 'teacherUnit.shared')) : el('div', { class: 'field' }, el('label', { for: `file-${r.id}` }, pending ? t('teacherUnit.pickAgain') : t('teacherUnit.newVersion')), again,
      el('button', { type: 'button', id: `send-${r.id}`, onclick: () => {
        if (!again.files[0]) { showProblem(box.problem, new Error(t('teacherUnit.needFile'))); return; }
        if (pending && (pending.name !== again.files[0].name || pending.size !== again.files[0].size)) forgetUpload(r.id);
        sendVersion(r, again.files[0]);
      } }, pending ? t('teacherUnit.resumeUpload') : t('teacherUnit.upload'))));
}

async function show() {
  sources.forEach((s) => s.close());
  sources = [];
  try {
    const [unit, resources] = await Promise.all([
      api(`/api/catalogue/units/${unitId}`),
      api(`/api/resources?unitId=${unitId}${classId ? `&classId=${classId}` : ''}&size=100`),
    ]);
    list.replaceChildren(...(resources.items.length ? resources.items.map(resourceRow) : [el('p', { class: 'muted' }, t('teacherUnit.none'))]));
    box.content.replaceChildren(
      el('section', { class: 'card' }, el('h2', { id: 'unit-name' }, unit.name),
        unitFacts(unit), unitRequirements(unit), unitSpecification(unit)),
      preview, list, newResourceForm(), questionSection(unitId));
  } catch (err) {
    showProblem(box.problem, err);
  }
}

show();
