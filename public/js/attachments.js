// The photos and PDFs of the report being written. A photo is scaled down on the phone
// before it leaves (the core says to what size), which also drops the camera's metadata;
// files are kept in IndexedDB so a reload loses none, and uploaded as soon as they are
// chosen so that sending the report is quick. The server checks everything again.
import { allItems, deleteItem, newKey, putItem } from './local_store.js';
import { uploadFiles } from './outbox.js';
import { t } from './i18n.js';

const kStore = 'files';
let core = null;
let items = [];       // [{key, order, name, type, blob, upload, done, error}]
let onChange = () => {};
let uploading = null;

const list = () => document.getElementById('attachment-list');
// Two pickers feed the same list: the back camera (photos) and the phone's files.
const inputs = () => ['attachment-camera', 'attachment-input'].map((id) => document.getElementById(id));
const statusLine = () => document.getElementById('attachments-status');
// Files refused on the phone; the validation line (#attachments-error) is the form's.
const errorLine = () => document.getElementById('attachments-refused');

function sizeText(bytes) {
  return bytes >= 1024 * 1024 ? t('size.mb', { n: (bytes / 1048576).toFixed(1) })
    : t('size.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
}

// Why a file was refused, with the sizes the core allows.
function reason(code) {
  const limits = core?.limits().attachments;
  const mb = (bytes) => Math.round(bytes / 1048576);
  return t('upload.' + code, limits ? { photo: mb(limits.photoMaxBytes), pdf: mb(limits.pdfMaxBytes) } : {});
}

function label(item, i) {
  return t(item.type === 'application/pdf' ? 'attachment.document' : 'attachment.photo', { n: i + 1 });
}

function render() {
  const ul = list();
  for (const img of ul.querySelectorAll('img')) URL.revokeObjectURL(img.src);
  ul.replaceChildren();
  items.forEach((item, i) => {
    const li = document.createElement('li');
    li.dataset.key = item.key;
    if (item.type !== 'application/pdf') {
      const img = document.createElement('img');
      img.alt = '';
      img.width = 56;
      img.height = 56;
      img.src = URL.createObjectURL(item.blob);
      li.append(img);
    }
    const text = document.createElement('span');
    text.className = 'attachment-name';
    text.textContent = `${label(item, i)} · ${sizeText(item.blob.size)}`;
    const progress = document.createElement('progress');
    progress.max = 100;
    progress.value = item.done ? 100 : Math.round((item.progress ?? 0) * 100);
    progress.setAttribute('aria-label', t('attachment.progress', { name: label(item, i) }));
    const state = document.createElement('span');
    state.className = 'attachment-state';
    // On the server is not yet sent: the file goes to the agency with the report, so it
    // reads "uploaded, ready to send" until the report itself is accepted.
    state.textContent = item.error ? t('attachment.failed', { reason: reason(item.error) })
      : item.done ? t('attachment.uploaded') : item.uploading ? t('attachment.uploading') : t('attachment.waiting');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'link';
    remove.textContent = t('attachment.remove', { name: label(item, i) });
    remove.addEventListener('click', () => removeItem(item.key));
    li.append(text, progress, state, remove);
    ul.append(li);
  });
  const max = core?.limits().attachments.maxCount ?? 5;
  for (const input of inputs()) input.disabled = items.length >= max;
  document.getElementById('attachments-count').textContent = t('attachment.count', { count: items.length, max });
  onChange();
}

function announce(text) { statusLine().textContent = text; }

// The photo redrawn at most `longSide` pixels long, as JPEG: smaller, upright, and without
// the EXIF block (position, camera) that the original carried.
async function scaleDown(file, longSide, quality) {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close?.();
  return new Promise((resolve, reject) => canvas.toBlob(
    (blob) => (blob ? resolve(blob) : reject(new Error('encode'))), 'image/jpeg', quality / 100));
}

async function prepare(file) {
  const limits = core.limits().attachments;
  if (file.type === 'application/pdf') return { blob: file, type: 'application/pdf' };
  if (!file.type.startsWith('image/')) throw new Error('unsupported_type');
  try {
    return { blob: await scaleDown(file, limits.photoLongSide, limits.photoQuality), type: 'image/jpeg' };
  } catch {
    throw new Error('unreadable');
  }
}

async function addFiles(files) {
  errorLine().textContent = '';
  const max = core.limits().attachments.maxCount;
  for (const file of files) {
    if (items.length >= max) {
      errorLine().textContent = t('error.attachments.too_many', { max });
      announce(errorLine().textContent);
      break;
    }
    try {
      const prepared = await prepare(file);
      const problem = core.checkAttachment(prepared.type, prepared.blob.size);
      if (problem) throw new Error(problem);
      const item = { key: newKey('file'), order: Date.now() + items.length, name: file.name,
        ...prepared, upload: {}, done: null };
      items.push(item);
      await putItem(kStore, strip(item));
      announce(t('attachment.added', { name: label(item, items.length - 1) }));
    } catch (err) {
      errorLine().textContent = t('attachment.refused', { file: file.name, reason: reason(err.message) });
      announce(errorLine().textContent);  // the error line itself is not a live region
    }
  }
  for (const input of inputs()) input.value = '';
  render();
  startUploads().catch(() => {});
}

// What is kept on the phone: no transient progress fields.
const strip = ({ progress, uploading: _u, error, ...kept }) => kept;

async function removeItem(key) {
  items = items.filter((i) => i.key !== key);
  await deleteItem(kStore, key);
  announce(t('attachment.removed'));
  render();
  (items[0] ? list().querySelector('button') : inputs()[0])?.focus();
}

// Uploads what is not on the server yet; resolves with every handle in order. Rejects with
// {code, retry} when a file cannot be sent now.
export function startUploads() {
  if (uploading) return uploading;
  const pending = items.filter((i) => !i.done);
  pending.forEach((i) => { i.uploading = true; i.error = null; });
  if (pending.length) render();
  uploading = uploadFiles(items, (i, share) => {
    items[i].progress = share;
    const bar = list().children[i]?.querySelector('progress');
    if (bar) bar.value = Math.round(share * 100);
  }, () => Promise.all(items.map((i) => putItem(kStore, strip(i)))))
    .catch((err) => {
      const failed = items.find((i) => !i.done);
      if (failed && !err.retry) failed.error = err.code;
      throw err;
    })
    .finally(() => {
      uploading = null;
      items.forEach((i) => { i.uploading = false; });
      render();
    });
  return uploading;
}

export const attachmentCount = () => items.length;

// The files as they are, for a report that waits on the phone.
export const currentFiles = () => items.map(strip);

// After the report was sent or put in the outbox: the form starts empty again.
export async function clearAttachments() {
  for (const item of items) await deleteItem(kStore, item.key);
  items = [];
  render();
}

export async function initAttachments(theCore, changed) {
  core = theCore;
  onChange = changed ?? (() => {});
  items = (await allItems(kStore)).sort((a, b) => a.order - b.order);
  for (const input of inputs()) {
    input.addEventListener('change', () => addFiles([...input.files]));
    input.disabled = !core;
  }
  render();
  if (items.some((i) => !i.done) && navigator.onLine) startUploads().catch(() => {});
}
