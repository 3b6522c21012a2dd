// New material during a live lesson: the teacher picks a video on the lesson's page and it goes the way a video
// added on the unit's page goes (the same endpoints, the same uploader): a learning video of the lesson's unit in
// the lesson's class, uploaded straight to storage with its progress, transcoded with its progress, then published
// and handed to the page (`onReady`), which offers it on the stage. A file refused (not a video, too large) or a
// transcoding that failed is said in the reader's language, as the server wrote it, and leaves nothing behind.
import { api, ApiError } from './api.js';
import { inLanguage, t } from './i18n.js';
import { el, showProblem } from './page.js';
import { assetStateText, assetStatus, follow, forgetUpload, upload, UploadCancelled } from './uploader.js';

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
  // Where the file in hand is: UPLOADING, PROCESSING, PUBLISHING, PUBLISH_FAILED, ENDED (added, refused, cancelled).
  // Cancel counts only up to PUBLISHING: a cancel racing with READY never deletes a video that is being published.
  let phase = 'ENDED';
  const enter = (next) => {
    phase = next;
    status.dataset.state = next;
  };

  // Leaving the page stops an upload, and a transcoded video would stay unpublished: the browser asks first.
  window.addEventListener('beforeunload', (e) => {
    if (!busy) return;
    e.preventDefault();
    e.returnValue = '';
  });

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
    phase = 'ENDED';
    await discard(resource);
    status.replaceChildren();
    delete status.dataset.state;
    showProblem(problem, error);
    setBusy(false);
  };

  /** Publishes the transcoded video; a refusal is shown with the offer to try again (or to delete the video). */
  const publish = async (resource, ticket, name) => {
    events?.close();
    events = null;
    enter('PUBLISHING');
    showProblem(problem, null);
    status.replaceChildren(el('p', {}, t('liveUpload.publishing', { title: name })));
    try {
      await api(`/api/resources/${resource.id}/versions/${ticket.version}/publish`, { method: 'POST' });
    } catch (err) {
      enter('PUBLISH_FAILED');
      showProblem(problem, err);
      const again = () => { if (phase === 'PUBLISH_FAILED') publish(resource, ticket, name); };
      const giveUp = () => { if (phase === 'PUBLISH_FAILED') fail(resource, new Error(t('liveUpload.cancelled'))); };
      status.replaceChildren(el('p', {}, t('liveUpload.publishFailed', { title: name })),
        el('button', { type: 'button', id: 'stage-upload-republish', onclick: again }, t('liveUpload.retryPublish')), ' ',
        el('button', { type: 'button', id: 'stage-upload-give-up', onclick: giveUp }, t('liveUpload.giveUp')));
      return;
    }
    phase = 'ENDED';
    status.dataset.state = 'READY';
    status.replaceChildren(el('p', { class: 'notice' }, t('liveUpload.ready', { title: name })));
    file.value = '';
    picked.textContent = t('liveUpload.noFile');
    title.value = '';
    setBusy(false);
    try {
      await onReady({ resourceId: resource.id, title: name });
    } catch (err) {
      showProblem(problem, err);
    }
  };

  /**
   * Transcoding, followed through media-service's events until the file is final. A lost stream is not the end: the
   * status is read again with a fresh grant (as the unit's page reads it) and followed on; when that fails too, or the
   * stream keeps being lost, the panel says so and offers to read it again.
   */
  const transcode = (resource, ticket, name) => {
    const state = el('span', { id: 'stage-upload-state' }, t('assetState.PROCESSING'));
    const retry = el('button', { type: 'button', id: 'stage-upload-retry', hidden: true }, t('liveUpload.retryStatus'));
    const cancel = el('button', { type: 'button', id: 'stage-upload-cancel' }, t('teacherUnit.cancel'));
    enter('PROCESSING');
    status.replaceChildren(el('p', {}, t('liveUpload.transcoding', { title: name })), state, ' ', retry, ' ', cancel);
    cancel.addEventListener('click', () => {
      if (phase === 'PROCESSING') fail(resource, new Error(t('liveUpload.cancelled')));
    });
    const settle = (s) => {
      if (s.state === 'READY') publish(resource, ticket, name);
      else if (['FAILED', 'REJECTED', 'DELETED'].includes(s.state)) {
        fail(resource, new Error(t('liveUpload.failed', { reason: inLanguage(s.reason) || t(`assetState.${s.state}`) })));
      }
    };
    let losses = 0;
    let lastLoss = 0;
    const reread = async () => {
      events?.close();
      events = null;
      retry.hidden = true;
      const now = Date.now();
      losses = now - lastLoss > 30000 ? 1 : losses + 1;
      lastLoss = now;
      // A stream closed again and again within half a minute is not followed a fourth time without the teacher.
      if (losses > 3) {
        lost(null);
        return;
      }
      try {
        state.textContent = t('liveUpload.reconnecting');
        const access = await api(`/api/resources/${resource.id}/access?version=${ticket.version}`);
        const s = await assetStatus(access.statusUrl);
        if (phase !== 'PROCESSING') return;
        showProblem(problem, null);
        state.textContent = assetStateText(s);
        if (['READY', 'FAILED', 'REJECTED', 'DELETED'].includes(s.state)) settle(s);
        else events = follow(access.eventsUrl, onStatus);
      } catch (err) {
        if (phase === 'PROCESSING') lost(err);
      }
    };
    const lost = (err) => {
      state.textContent = t('liveUpload.statusLost');
      showProblem(problem, err);
      retry.hidden = false;
    };
    function onStatus(s) {
      if (phase !== 'PROCESSING') return;
      if (!s) {
        reread();
        return;
      }
      state.textContent = assetStateText(s);
      settle(s);
    }
    retry.addEventListener('click', () => {
      lastLoss = 0;
      reread();
    });
    events = follow(ticket.eventsUrl, onStatus);
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
      const cancel = el('button', { type: 'button', id: 'stage-upload-cancel', onclick: () => { if (phase === 'UPLOADING') stop.abort(); } },
        t('teacherUnit.cancel'));
      enter('UPLOADING');
      status.replaceChildren(el('p', {}, t('liveUpload.uploading', { title: name })), meter, ' ', text, ' ', cancel);
      const done = await upload(resource.id, ticket, chosen, (sent, total) => {
        meter.value = sent;
        text.textContent = `${Math.floor((sent / total) * 100)}% (${mb(sent)} / ${mb(total)} MB)`;
      }, stop.signal);
      if (done.state === 'REJECTED') throw new Error(t('teacherUnit.rejected', { reason: inLanguage(done.reason) || '' }));
      transcode(resource, ticket, name);
    } catch (err) {
      // The resource is removed below, so the uploader's "choose the same file again to continue" would not hold here.
      const said = err instanceof UploadCancelled ? new Error(t('liveUpload.cancelled'))
        : err instanceof ApiError && err.status === 0 ? new Error(t('liveUpload.offline')) : err;
      await fail(resource, said);
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
