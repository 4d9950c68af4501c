// What the reporter can do on the tracking page once they give the PIN: answer a question,
// reply, confirm or reopen a resolution, rate the follow-up. The wasm core says which of
// these the report's status allows and checks each form. What the report waits for from the
// reporter is offered in the card at the top (next_step.js), not again in the list here.
import { attachmentBlob, citizenAct, openReport, setReportNotifications } from './api.js';
import { renderPrivacy } from './citizen_privacy.js';
import { showErrors } from './form_fields.js';
import { setFieldLimits, t } from './i18n.js';
import { waitText } from './server_errors.js';
import { cardActions } from './next_step.js';

const area = document.getElementById('reporter-area');
const pinForm = document.getElementById('pin-form');
const pinError = document.getElementById('pin-error');
const actions = document.getElementById('citizen-actions');
const buttons = document.getElementById('citizen-buttons');
const formArea = document.getElementById('citizen-form-area');
const stepDone = document.getElementById('next-step-done');

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

// `prefix` keeps the ids of a form in the card apart from those of a form in the list.
function noteField(action, prefix) {
  const label = action === 'reopen' ? t('citizen.note.reopen') : t('citizen.note');
  const box = element('textarea', { id: prefix + 'note', name: 'note', rows: 4 });
  box.setAttribute('aria-describedby', prefix + 'note-error');
  return element('div', { className: 'field' }, element('label', { htmlFor: prefix + 'note', textContent: label }), box,
    element('p', { className: 'error', id: prefix + 'note-error' }));
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

const errorId = (prefix) => (prefix ? prefix + 'error' : 'citizen-error');

// Opens the form of `action` in `where`: the list's area, or a place in the card.
function openForm(action, where = formArea) {
  const prefix = where === formArea ? '' : action + '-';
  if (state.core) setFieldLimits({ [prefix + 'note']: state.core.noteLimits(action) });
  const form = element('form', { className: 'action-form', noValidate: true });
  form.dataset.action = action;
  form.dataset.prefix = prefix;
  form.append(element('h3', { textContent: t('citizen.verb.' + action) }));
  if (action === 'rate') form.append(...ratingField());
  else if (action !== 'confirm') form.append(noteField(action, prefix));
  form.append(element('p', { className: 'error summary', id: errorId(prefix), role: 'alert' }));
  const cancel = element('button', { type: 'button', className: 'link', textContent: t('citizen.cancel') });
  cancel.addEventListener('click', () => where.replaceChildren());
  form.append(element('p', { className: 'actions' },
    element('button', { type: 'submit', className: 'primary', textContent: t('citizen.send') }), cancel));
  form.addEventListener('submit', (event) => send(event, form));
  if (form.elements.note) {
    form.elements.note.value = keptNote(action);
    form.elements.note.addEventListener('input', () => keepNote(action, form.elements.note.value));
  }
  where.replaceChildren(form);
  form.querySelector('textarea, input, button')?.focus();
}

// Sends the action of `form` (a form of the list or of the card) in one request: the
// card's confirmation carries its rating with it.
async function send(event, form) {
  event.preventDefault();
  const action = form.dataset.action;
  const prefix = form.dataset.prefix ?? '';
  const inCard = prefix !== '';
  // A form's error lines are named after the fields with the form's prefix.
  const named = (errors) => errors.map((e) => ({ ...e, field: prefix + e.field }));
  if (state.core) setFieldLimits({ [prefix + 'note']: state.core.noteLimits(action) });
  const body = { action };
  if (form.elements.note?.value) body.note = form.elements.note.value;
  const rating = form.querySelector('input[name="rating"]:checked');
  if (rating) body.rating = Number(rating.value);
  const errors = state.core ? state.core.validateAction(action, body, { agencies: [], categories: [] }) : [];
  showErrors(form, named(errors), null);
  if (errors.length) return;
  body.pin = state.pin;
  body.version = state.report.version;
  const res = await citizenAct(state.id, body);
  const line = form.querySelector('#' + errorId(prefix));
  if (res.ok) {
    keepNote(action, '');
    const done = element('p', { className: 'notice', role: 'status', textContent: t('citizen.done') });
    if (inCard) {
      stepDone.replaceChildren(done);
      stepDone.hidden = false;
    } else {
      formArea.replaceChildren(done);
    }
    show(res.data);
    return;
  }
  if (res.status === 422) return showErrors(form, named(res.errors), null);
  line.textContent = res.code === 'stale_version' ? t('citizen.stale') : pinProblem(res);
}

// A file of a staff entry shown to the reporter (the server serves no other to them),
// fetched with the PIN as their own files are; the address is a blob: URL.
export async function openReporterFile(a) {
  if (!state.id) return null;
  const blob = await attachmentBlob(state.id, state.pin, a.position);
  return blob ? URL.createObjectURL(blob) : null;
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
  const allowed = state.core ? state.core.allowedActions(report.status, 'citizen', undefined) : [];
  // A rating is given once; after that the report shows it instead of the button.
  const inCard = cardActions(report.citizen_step);
  const offered = allowed.filter((a) => !(a === 'rate' && report.rating) && !inCard.includes(a));
  // Nothing else to do here: say so, or point to the card when it holds the next step.
  const none = document.getElementById('citizen-none');
  none.dataset.i18n = inCard.length ? 'step.above' : 'citizen.none';
  none.textContent = t(none.dataset.i18n);
  none.hidden = offered.length > 0;
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
  area.hidden = false;
  if (res.ok) {
    state.pin = pin;
    state.opened = true;
    show(res.data);
    return true;
  }
  pinError.textContent = pinProblem(res);
  return false;
}

// Shows the PIN form under a tracked report; opens it at once when the PIN came in the link.
// `linked`: this phone's sign-in to My reports stands for the PIN (api.js sends it).
// Resolves to whether the reporter's view was opened (and drawn through onReport).
export function offerReporterActions({ id, core, onReport, pin, linked = false }) {
  state = { id, pin: '', opened: false, report: null, core, onReport };
  stepDone.hidden = true;
  // With a PIN in the link the area waits for the answer: shown at once, the report drawn
  // above it a moment later pushed it down the screen.
  area.hidden = Boolean(pin || linked);
  pinForm.hidden = false;
  actions.hidden = true;
  formArea.replaceChildren();
  pinForm.onsubmit = (event) => {
    event.preventDefault();
    open(pinForm.elements.pin.value.replace(/\D/g, ''));
  };
  return pin || linked ? open(pin) : Promise.resolve(false);
}

// What the card at the top may do for the reporter of `report`; null unless the reporter
// opened this very report, with the PIN or from a phone signed in to My reports (the
// reporter's view carries its version).
export function reporterStep(report) {
  if (!state.opened || report.version === undefined) return null;
  return { send, openForm };
}
