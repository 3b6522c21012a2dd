// Server-Sent Events read with fetch, so that the sign-in token rides in the Authorization header as for
// every other call (EventSource cannot send it). After a cut it reconnects by itself; `path()` is asked
// again each time, so the page can say what it already has (e.g. ?after=<last message id>).
import { token } from './api.js';

/**
 * @param {() => string} path                          the stream's address, asked at each (re)connection
 * @param {Object<string, (data:any) => void>} handlers  by event name; data is the parsed JSON
 * @param {(state:string, status?:number) => void} onState  'open', 'reconnecting', or 'refused' with the HTTP status
 * @returns {() => void} stops listening
 */
export function listen(path, handlers, onState = () => {}) {
  let stopped = false;
  let controller;
  const dispatch = (block) => {
    let name = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length && handlers[name]) handlers[name](JSON.parse(data.join('\n')));
  };
  (async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch(path(), {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token()}` }, signal: controller.signal,
        });
        if (response.status >= 400 && response.status < 500) {
          onState('refused', response.status);
          return;
        }
        if (response.ok) {
          onState('open');
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer = (buffer + value).replace(/\r\n?/g, '\n');
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              dispatch(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
          }
        }
      } catch (e) {
        if (stopped) return;
      }
      if (stopped) return;
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
  return () => { stopped = true; controller?.abort(); };
}
