// New material during a live lesson: the teacher picks a video on the lesson's page and it goes the way a video
// added on the unit's page goes (the same endpoints, the same uploader): a learning video of the lesson's unit in
// the lesson's class, uploaded straight to storage with its progress, transcoded with its progress, then published
// and handed to the page (`onReady`), which offers it on the stage. A file refused (not a video, too large) or a
// transcoding that failed is said in the reader's language, as the server wrote it, and leaves nothing behind.
import { api } from './api.js';
import { inLanguage, t } from './i18n.js';
import { el, showProblem } from './page.js';
import { assetStateText, follow, forgetUpload, upload, UploadCancelled } from './uploader.js';

function mb(bytes) {
  return (bytes / 1048576).toFixed(1);
}

/** The file's name without its extension, as a title (1 to 200 characters). */
function titleOf(file) {
  const base = file.name.replace(/\.[^.]*$/, '').trim() || file.name;
  return base.slice(0, 200);
}

/**
 * The upload panel of a live lesson's stage.
 * @param {{unitId:number, classId:number, onReady:(video:{resourceId:number, title:string}) => Promise<void>}} lesson
 */
export function stageUpload({ unitId, classId, onReady }) {
  // The browser's own file button speaks the browser's language, not the page's: a label of ours opens it instead.
  const file = el('input', { id: 'stage-upload-file', type: 'file', accept: 'video/*', class: 'file-input' });
  const pick = el('label', { for: 'stage-upload-file', class: 'button', id: 'stage-upload-pick' }, t('liveUpload.pick'));
  const picked = el('span', { class: 'muted', id: 'stage-upload-name' }, t('liveUpload.noFile'));
  const title = el('input', { id: 'stage-upload-title', maxlength: 200, placeholder: t('liveUpload.titlePlaceholder') });
  const send = el('button', { type: 'button', id: 'stage-upload-send' }, t('liveUpload.send'));
  const status = el('div', { id: 'stage-upload-status', 'aria-live': 'polite' });
  const problem = el('div', { role: 'alert', class: 'problem', id: 'stage-upload-problem', hidden: true });
  let busy = false;
  let events = null;

  let offered = ''; // the title last taken from a file's name: replaced when another file is chosen, a typed one is kept
  file.addEventListener('change', () => {
    const chosen = file.files[0];
    picked.textContent = chosen ? `${chosen.name} · ${mb(chosen.size)} MB` : t('liveUpload.noFile');
    if (chosen && (!title.value.trim() || title.value === offered)) {
      offered = titleOf(chosen);
      title.value = offered;
    }
  });

  const setBusy = (on) => {
    busy = on;
    file.disabled = on;
    pick.classList.toggle('disabled', on);
    title.disabled = on;
    send.disabled = on;
  };

  /** Stops following and removes the resource this panel created (a refused or failed file, a cancel): nothing is left half-made. */
  const discard = async (resource) => {
    events?.close();
    events = null;
    if (!resource) return;
    forgetUpload(resource.id);
    try {
      await api(`/api/resources/${resource.id}`, { method: 'DELETE' });
    } catch {
      // Already gone, or the teacher may no longer change it: the unit's page shows what is left.
    }
  };

  const fail = async (resource, error) => {
    await discard(resource);
    status.replaceChildren();
    delete status.dataset.state;
    showProblem(problem, error);
    setBusy(false);
  };

  send.addEventListener('click', async () => {
    if (busy) return;
    showProblem(problem, null);
    const chosen = file.files[0];
    if (!chosen) {
      showProblem(problem, new Error(t('teacherUnit.needFile')));
      return;
    }
    const name = title.value.trim() || titleOf(chosen);
    setBusy(true);
    let resource = null;
    const stop = new AbortController();
    try {
      resource = await api('/api/resources', { method: 'POST', body: { category: 'LEARNING', kind: 'VIDEO', unitId, classId, title: name } });
      const ticket = await api(`/api/resources/${resource.id}/versions`, { method: 'POST', body: { fileName: chosen.name, size: chosen.size } });
      const meter = el('progress', { id: 'stage-upload-bar', max: chosen.size, value: 0, 'aria-label': t('teacherUnit.uploading') });
      const text = el('span', { class: 'muted', id: 'stage-upload-text' });
      const cancel = el('button', { type: 'button', id: 'stage-upload-cancel', onclick: () => stop.abort() }, t('teacherUnit.cancel'));
      status.dataset.state = 'UPLOADING';
      status.replaceChildren(el('p', {}, t('liveUpload.uploading', { title: name })), meter, ' ', text, ' ', cancel);
      const done = await upload(resource.id, ticket, chosen, (sent, total) => {
        meter.value = sent;
        text.textContent = `${Math.floor((sent / total) * 100)}% (${mb(sent)} / ${mb(total)} MB)`;
      }, stop.signal);
      if (done.state === 'REJECTED') throw new Error(t('teacherUnit.rejected', { reason: inLanguage(done.reason) || '' }));
      // Transcoding, followed through media-service's events until the file is final.
      const transcoding = el('span', { id: 'stage-upload-state' }, t('assetState.PROCESSING'));
      const cancelTranscoding = el('button', { type: 'button', id: 'stage-upload-cancel', onclick: () => { fail(resource, new Error(t('liveUpload.cancelled'))); } },
        t('teacherUnit.cancel'));
      status.dataset.state = 'PROCESSING';
      status.replaceChildren(el('p', {}, t('liveUpload.transcoding', { title: name })), transcoding, ' ', cancelTranscoding);
      events = follow(ticket.eventsUrl, async (s) => {
        if (!busy || status.dataset.state !== 'PROCESSING') return;
        transcoding.textContent = assetStateText(s);
        if (!s) return;
        if (s.state === 'READY') {
          events = null;
          try {
            await api(`/api/resources/${resource.id}/versions/${ticket.version}/publish`, { method: 'POST' });
            status.dataset.state = 'READY';
            status.replaceChildren(el('p', { class: 'notice' }, t('liveUpload.ready', { title: name })));
            file.value = '';
            picked.textContent = t('liveUpload.noFile');
            title.value = '';
            setBusy(false);
            await onReady({ resourceId: resource.id, title: name });
          } catch (err) {
            showProblem(problem, err);
            setBusy(false);
          }
        } else if (['FAILED', 'REJECTED', 'DELETED'].includes(s.state)) {
          fail(resource, new Error(t('liveUpload.failed', { reason: inLanguage(s.reason) || t(`assetState.${s.state}`) })));
        }
      });
    } catch (err) {
      await fail(resource, err instanceof UploadCancelled ? new Error(t('liveUpload.cancelled')) : err);
    }
  });

  return el('div', { id: 'stage-upload', class: 'card' },
    el('h3', {}, t('liveUpload.heading')),
    el('p', { class: 'muted' }, t('liveUpload.help')),
    el('p', { class: 'file-pick' }, file, pick, ' ', picked),
    el('div', { class: 'field' }, el('label', {}, t('teacherUnit.resourceTitle'), title)),
    el('p', {}, send),
    status, problem);
}
