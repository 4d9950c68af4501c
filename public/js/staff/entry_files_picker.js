// The files a staff member attaches to a response, a resolution or a note: chosen in the
// action form, checked by the core (type, size, how many this action takes), then sent
// through the staff's door to the same chunked uploads as the reporters' files. The action
// names the finished uploads; the server cleans them and checks them again.
import { t } from '../i18n.js';
import { upload } from '../uploader.js';
import { kStaffUploadDoor } from './api.js';

const kAccept = 'image/jpeg,image/png,application/pdf';

// Adds the file field to `form` when its action takes files.
export function addFilePicker(form, core) {
  const max = core?.maxActionAttachments(form.dataset.action) ?? 0;
  if (!max) return;
  const input = Object.assign(document.createElement('input'), { type: 'file', id: 'attachments', multiple: true, accept: kAccept });
  input.setAttribute('aria-describedby', 'attachments-hint attachments-error');
  const label = Object.assign(document.createElement('label'), { htmlFor: 'attachments', textContent: t('form.files') });
  const hint = Object.assign(document.createElement('p'), { className: 'hint', id: 'attachments-hint', textContent: t('form.files.hint', { max }) });
  const picked = Object.assign(document.createElement('ul'), { className: 'picked-files' });
  const error = Object.assign(document.createElement('p'), { className: 'error', id: 'attachments-error' });
  input.addEventListener('change', () => {
    picked.replaceChildren(...[...input.files].map((f) =>
      Object.assign(document.createElement('li'), { textContent: `${f.name} (${Math.max(1, Math.round(f.size / 1024))} KB)` })));
  });
  const field = document.createElement('div');
  field.className = 'field';
  field.append(label, input, hint, picked, error);
  form.querySelector('#action-error').before(field);
}

const type = (file) => (file.type === 'image/jpg' ? 'image/jpeg' : file.type);

// Uploads the chosen files one after the other. {ids} when all arrived, else {errors} as
// the server gives them ({field: 'attachments', code}), for the form's error line.
export async function uploadPickedFiles(form, core, onProgress = () => {}) {
  const input = form.querySelector('#attachments');
  const files = input ? [...input.files] : [];
  if (!files.length) return { ids: [] };
  if (files.length > core.maxActionAttachments(form.dataset.action)) {
    return { errors: [{ field: 'attachments', code: 'too_many' }] };
  }
  for (const file of files) {
    const problem = core.checkAttachment(type(file), file.size);
    if (problem) return { errors: [{ field: 'attachments', code: problem }] };
  }
  const ids = [];
  for (const [i, file] of files.entries()) {
    onProgress(i, files.length);
    try {
      ids.push((await upload(file, type(file), {}, null, kStaffUploadDoor)).id);
    } catch (err) {
      return { errors: [{ field: 'attachments', code: err.code ?? 'network' }] };
    }
  }
  return { ids };
}

// "attachments.2" -> "attachments": the form has one line for its files.
export const fileErrors = (errors) => errors.map((e) =>
  (e.field.startsWith('attachments.') ? { ...e, field: 'attachments' } : e));
