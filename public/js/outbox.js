// Reports written without a connection, or refused for now by the server's limit (429).
// With the citizen's consent a report waits on the phone (IndexedDB, files included) and is
// sent when the connection returns: on the browser's "online" event, whenever a citizen page
// opens, and when the wait the server asked for is over (`not_before`, kept with the report
// so that it holds across a reload). Each waiting report carries its Idempotency-Key, so a
// send whose answer was lost never makes a second report.
import { submitReport } from './api.js';
import { allItems, deleteItem, putItem } from './local_store.js';
import { rememberReport } from './my_reports.js';
import { upload } from './uploader.js';

const kStore = 'outbox';

// `item`: {key, report, files: [{name, type, blob}], consent_at, not_before?} where
// not_before is the time (ms since the epoch) before which the server asked not to send.
export const queueReport = (item) => putItem(kStore, { ...item, files: item.files ?? [] });
export const waitingReports = () => allItems(kStore);
export const dropWaiting = (key) => deleteItem(kStore, key);

// Uploads the files that are not on the server yet; their handles, in order.
export async function uploadFiles(files, onProgress, save) {
  const ids = [];
  for (const [i, file] of files.entries()) {
    if (!file.done) {
      file.upload ??= {};
      const info = await upload(file.blob, file.type, file.upload,
        (share) => onProgress?.(i, share));
      file.done = info.id;
      await save?.();
    }
    ids.push(file.done);
  }
  return ids;
}

// Forgets the server handles of attachments the server no longer has (expired after a
// day offline), so that they are uploaded again.
export function forgetExpired(files, errors) {
  let any = false;
  for (const e of errors ?? []) {
    const m = /^attachments\.(\d+)$/.exec(e.field);
    if (e.code === 'not_ready' && m && files[+m[1]]) {
      files[+m[1]].done = null;
      files[+m[1]].upload = {};
      any = true;
    }
  }
  return any;
}

// Sends one prepared submission with its files; {ok, data} or {ok:false, status, ...}.
export async function sendWithFiles(key, report, files, onProgress, save) {
  for (let attempt = 0; attempt < 2; ++attempt) {
    let ids;
    try {
      ids = await uploadFiles(files, onProgress, save);
    } catch (err) {
      return { ok: false, status: err.retry ? 0 : 422, code: err.code, errors: [{ field: 'attachments', code: err.code }] };
    }
    const res = await submitReport({ ...report, attachments: ids }, key);
    if (res.ok || res.status !== 422 || !forgetExpired(files, res.errors)) return res;
    await save?.();
  }
  return { ok: false, status: 422, code: 'not_ready', errors: [{ field: 'attachments', code: 'not_ready' }] };
}

// When the next waiting report may be tried (ms since the epoch), or null when none waits
// for a time.
export async function nextAttempt() {
  const times = (await waitingReports()).filter((i) => !i.refused && i.not_before).map((i) => i.not_before);
  return times.length ? Math.min(...times) : null;
}

let sending = null;
// Sends every waiting report whose wait is over; `onSent(result, item)` for each that went
// through (`force`: those still waiting too). Stops at the first one that finds no
// connection or a limit (which sets its wait); a report the server refuses stays, marked.
export function sendWaiting(onSent, force = false) {
  if (sending) return sending;
  sending = (async () => {
    for (const item of await waitingReports()) {
      if (item.refused || (!force && (item.not_before ?? 0) > Date.now())) continue;
      const save = () => putItem(kStore, item);
      const res = await sendWithFiles(item.key, item.report, item.files, null, save);
      if (res.ok) {
        rememberReport({ tracking_id: res.data.tracking_id, pin: res.data.pin,
          title: item.report.title, sent_at: res.data.created_at });
        await dropWaiting(item.key);
        onSent?.(res.data, item);
      } else if (res.status === 0 || res.status === 429 || res.status >= 500) {
        if (res.retryAfter > 0) {
          item.not_before = Date.now() + res.retryAfter * 1000;
          await save();
        }
        break;  // still offline or the server is busy: later
      } else {
        item.refused = { status: res.status, code: res.code, errors: res.errors };
        await save();
      }
    }
  })().finally(() => { sending = null; });
  return sending;
}
