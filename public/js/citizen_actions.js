// What the reporter can do on the tracking page once they give the PIN: answer a question,
// reply, confirm or reopen a resolution, rate the follow-up. The wasm core says which of
// these the report's status allows and checks each form.
import { attachmentBlob, citizenAct, openReport, setReportNotifications } from './api.js';
import { renderPrivacy } from './citizen_privacy.js';
import { showErrors } from './form_fields.js';
import { setFieldLimits, t } from './i18n.js';
import { waitText } from './server_errors.js';

const area = document.getElementById('reporter-area');
const pinForm = document.getElementById('pin-form');
const pinError = document.getElementById('pin-error');
const actions = document.getElementById('citizen-actions');
const buttons = document.getElementById('citizen-buttons');
const formArea = document.getElementById('citizen-form-area');

let state = { id: '', pin: '', report: null, core: null, onReport: () => {} };

// The message for a request with the PIN that failed: the server answers a wrong PIN and an
// unknown report alike, and a wait after several wrong PINs from this connection.
function pinProblem(res) {
  if (res.code === 'wrong_pin') return t('citizen.pin.wrong');
  if (res.status === 429) return t('citizen.pin.limited', { wait: waitText(res.retryAfter) });
  if (res.status === 0) return t('submit.network');
  return res.message;
}

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

function noteField(action) {
  const label = action === 'reopen' ? t('citizen.note.reopen') : t('citizen.note');
  const box = element('textarea', { id: 'note', name: 'note', rows: 4 });
  box.setAttribute('aria-describedby', 'note-error');
  return element('div', { className: 'field' }, element('label', { htmlFor: 'note', textContent: label }), box,
    element('p', { className: 'error', id: 'note-error' }));
}

function ratingField() {
  const set = element('fieldset', { className: 'field rating' }, element('legend', { textContent: t('citizen.rating') }));
  const choices = element('div', { className: 'choices inline-choices' });
  for (let score = 1; score <= 5; ++score) {
    choices.append(element('label', {}, element('input', { type: 'radio', name: 'rating', value: String(score) }), ` ${score}`));
  }
  set.append(choices, element('p', { className: 'error', id: 'rating-error' }));
  const comment = element('textarea', { id: 'note', name: 'note', rows: 3 });
  return [set, element('div', { className: 'field' },
    element('label', { htmlFor: 'note', textContent: t('citizen.rating.comment') }), comment,
    element('p', { className: 'error', id: 'note-error' }))];
}

// A reply being written survives a reload or a lost connection: kept per report and action
// until it is sent.
const draftKey = (action) => `aduan.reply.${state.id}.${action}`;
function keepNote(action, text) {
  try {
    if (text) localStorage.setItem(draftKey(action), text);
    else localStorage.removeItem(draftKey(action));
  } catch { /* full or blocked */ }
}
function keptNote(action) {
  try { return localStorage.getItem(draftKey(action)) ?? ''; } catch { return ''; }
}

function openForm(action) {
  if (state.core) setFieldLimits({ note: state.core.noteLimits(action) });
  const form = element('form', { className: 'action-form', noValidate: true });
  form.dataset.action = action;
  form.append(element('h3', { textContent: t('citizen.verb.' + action) }));
  if (action === 'rate') form.append(...ratingField());
  else if (action !== 'confirm') form.append(noteField(action));
  form.append(element('p', { className: 'error summary', id: 'citizen-error', role: 'alert' }));
  const cancel = element('button', { type: 'button', className: 'link', textContent: t('citizen.cancel') });
  cancel.addEventListener('click', () => formArea.replaceChildren());
  form.append(element('p', { className: 'actions' },
    element('button', { type: 'submit', className: 'primary', textContent: t('citizen.send') }), cancel));
  form.addEventListener('submit', (event) => send(event, form));
  if (form.elements.note) {
    form.elements.note.value = keptNote(action);
    form.elements.note.addEventListener('input', () => keepNote(action, form.elements.note.value));
  }
  formArea.replaceChildren(form);
  form.querySelector('textarea, input, button')?.focus();
}

async function send(event, form) {
  event.preventDefault();
  const action = form.dataset.action;
  const body = { action };
  if (form.elements.note?.value) body.note = form.elements.note.value;
  const rating = form.querySelector('input[name="rating"]:checked');
  if (rating) body.rating = Number(rating.value);
  const errors = state.core ? state.core.validateAction(action, body, { agencies: [], categories: [] }) : [];
  showErrors(form, errors, null);
  if (errors.length) return;
  body.pin = state.pin;
  body.version = state.report.version;
  const res = await citizenAct(state.id, body);
  const line = form.querySelector('#citizen-error');
  if (res.ok) {
    keepNote(action, '');
    formArea.replaceChildren(element('p', { className: 'notice', role: 'status', textContent: t('citizen.done') }));
    show(res.data);
    return;
  }
  if (res.status === 422) return showErrors(form, res.errors, null);
  line.textContent = res.code === 'stale_version' ? t('citizen.stale') : pinProblem(res);
}

// The reporter's own attachments: fetched with the PIN, shown from memory (blob: URLs).
async function showAttachments(report) {
  const list = document.getElementById('reporter-attachments');
  const files = report.attachments ?? [];
  document.getElementById('reporter-files').hidden = files.length === 0;
  if (list.dataset.shown === `${state.id}:${files.length}`) return;
  list.dataset.shown = `${state.id}:${files.length}`;
  list.replaceChildren();
  for (const a of files) {
    const blob = await attachmentBlob(state.id, state.pin, a.position);
    if (!blob) continue;
    const url = URL.createObjectURL(blob);
    const photo = a.content_type !== 'application/pdf';
    const name = t(photo ? 'attachment.photo' : 'attachment.document', { n: a.position });
    const link = element('a', { href: url, textContent: name });
    link.download = `lampiran-${a.position}${photo ? '.jpg' : '.pdf'}`;
    const li = element('li');
    if (photo) li.append(element('img', { src: url, alt: name, width: 56, height: 56 }));
    li.append(link);
    list.append(li);
  }
}

function show(report) {
  state.report = report;
  showAttachments(report);
  state.onReport(report);
  pinForm.hidden = true;
  actions.hidden = false;
  const allowed = state.core ? state.core.allowedActions(report.status, 'citizen') : [];
  // A rating is given once; after that the report shows it instead of the button.
  const offered = allowed.filter((a) => !(a === 'rate' && report.rating));
  document.getElementById('citizen-none').hidden = offered.length > 0;
  buttons.replaceChildren(...offered.map((action) => {
    const b = element('button', { type: 'button', className: action === 'confirm' ? 'primary' : 'secondary',
      textContent: t('citizen.verb.' + action) });
    b.addEventListener('click', () => openForm(action));
    return b;
  }));
  if (report.rating) buttons.prepend(element('p', { textContent: t('citizen.rated', { score: report.rating.score }) }));
  renderPrivacy(document.getElementById('citizen-privacy'), { id: state.id, pin: state.pin, report, onChanged: show });
  const mute = document.getElementById('mute-toggle');
  mute.textContent = t(report.notifications ? 'citizen.mute' : 'citizen.unmute');
  mute.onclick = async () => {
    const res = await setReportNotifications(state.id, state.pin, !report.notifications);
    document.getElementById('mute-status').textContent = res.ok
      ? t(res.data.notifications ? 'citizen.unmuted' : 'citizen.muted') : pinProblem(res);
    if (res.ok) show(res.data);
  };
}

async function open(pin) {
  pinError.textContent = '';
  const res = await openReport(state.id, pin);
  if (res.ok) {
    state.pin = pin;
    show(res.data);
    return;
  }
  pinError.textContent = pinProblem(res);
}

// Shows the PIN form under a tracked report; opens it at once when the PIN came in the link.
export function offerReporterActions({ id, core, onReport, pin }) {
  state = { id, pin: '', report: null, core, onReport };
  area.hidden = false;
  pinForm.hidden = false;
  actions.hidden = true;
  formArea.replaceChildren();
  pinForm.onsubmit = (event) => {
    event.preventDefault();
    open(pinForm.elements.pin.value.replace(/\D/g, ''));
  };
  if (pin) open(pin);
}
