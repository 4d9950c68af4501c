// The citizen's submission page: instant checks from the wasm core as the citizen types,
// a draft kept on the phone (text, region and files survive a reload), attachments
// uploaded as they are chosen, the POST, and the confirmation with the tracking ID. Without
// a connection, or when the server's limit asks to wait, the citizen may leave the report
// in the phone's outbox (outbox.js), which sends it by itself later.
import { afterPress } from './after_press.js';
import { loadCore } from './core.js';
import { getAgencies, getCategories } from './api.js';
import { attachmentCount, clearAttachments, currentFiles, initAttachments, startUploads } from './attachments.js';
import { fieldId, fillForm, readForm, showErrors } from './form_fields.js';
import { newKey } from './local_store.js';
import { rememberReport } from './my_reports.js';
import { queueReport, sendWithFiles, waitingReports } from './outbox.js';
import { registerServiceWorker, startOutbox } from './pwa.js';
import { describeQueued, hideOffer, notBefore, offerLater } from './limited_offer.js';
import { initRegionPicker, relabelRegions } from './region_picker.js';
import { initMapButton } from './map_entry.js';
import { watchSimilar } from './similar.js';
import { renderHowItWorks } from './how.js';
import { watchCategory } from './category_suggest.js';
import { formatDate, initLanguageSwitch, lang, onLangChange, setFieldLimits, t } from './i18n.js';
import { formsReady, pageReady } from './ready.js';

const kDraftKey = 'aduan.draft';
// One Idempotency-Key per report being written: every try to send it carries the same key.
const kSubmissionKey = 'aduan.draft.key';
const form = document.getElementById('report-form');
const statusLine = document.getElementById('form-status');
const summary = document.getElementById('form-summary');
const submitButton = document.getElementById('submit-button');

let core = null;
let catalogue = { categories: [], agencies: [] };
let position = null;           // {lat, lon} when the citizen added their position
const touched = new Set();     // fields whose errors are shown while typing
let showAll = false;           // after a submit attempt every error is shown
let lastErrors = [];
let flushOutbox = async () => {};
let queuedKey = '';            // the report on the queued view, shown as sent when it goes

function todayIso() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function context() {
  return {
    today: todayIso(),
    categories: catalogue.categories.map((c) => c.code),
    agencies: catalogue.agencies.map((a) => a.code),
  };
}

function notice(text) {
  statusLine.textContent = text;
  statusLine.hidden = !text;
}

function validate() {
  if (!core) return [];
  lastErrors = core.validateReport(readForm(form, position), context());
  showErrors(form, lastErrors, showAll ? null : touched);
  return lastErrors;
}

function updateCounters() {
  if (!core) return;  // without the core there is no rule to count against
  const limits = core.limits();
  for (const name of ['title', 'body']) {
    const count = core.countCharacters(form.elements[name].value);
    document.getElementById(name + '-counter').textContent = t('counter', { count, max: limits[name].max });
  }
}

function saveDraft() {
  try { localStorage.setItem(kDraftKey, JSON.stringify(readForm(form, position))); } catch { /* full or blocked */ }
}

function submissionKey() {
  try {
    let key = localStorage.getItem(kSubmissionKey);
    if (!key) localStorage.setItem(kSubmissionKey, key = newKey('report'));
    return key;
  } catch {
    return newKey('report');
  }
}

// The form is empty again and the next report gets a new key.
async function forgetDraft() {
  try {
    localStorage.removeItem(kDraftKey);
    localStorage.removeItem(kSubmissionKey);
  } catch { /* nothing to remove */ }
  await clearAttachments();
}

function restoreDraft() {
  let draft = null;
  try { draft = JSON.parse(localStorage.getItem(kDraftKey) ?? 'null'); } catch { /* corrupt: ignore */ }
  if (!draft || typeof draft !== 'object') return;
  fillForm(form, draft);  // the region code too; the picker shows it when it starts
  if (typeof draft.location?.lat === 'number') setPosition({ lat: draft.location.lat, lon: draft.location.lon });
  if ((draft.title ?? '') + (draft.body ?? '') !== '') notice(t('submit.draft.restored'));
}

function fillOptions(select, items, firstKey) {
  const chosen = select.value;
  select.replaceChildren();
  const first = document.createElement('option');
  first.value = '';
  first.textContent = t(firstKey);
  select.append(first);
  for (const item of items) {
    const option = document.createElement('option');
    option.value = item.code;
    option.textContent = lang() === 'en' && item.name_en ? item.name_en : item.name;
    select.append(option);
  }
  select.value = chosen;
}

function renderCatalogue() {
  fillOptions(form.elements.category, catalogue.categories, 'field.category.choose');
  fillOptions(form.elements.agency, catalogue.agencies, 'field.agency.none');
}

function setPosition(p) {
  position = p;
  const status = document.getElementById('gps-status');
  status.textContent = p ? t('field.location.gps.added', { lat: p.lat.toFixed(5), lon: p.lon.toFixed(5) }) : '';
  document.getElementById('gps-remove').hidden = !p;
}

function askPosition() {
  if (!navigator.geolocation) {
    document.getElementById('gps-status').textContent = t('field.location.gps.failed');
    return;
  }
  navigator.geolocation.getCurrentPosition(
    (pos) => { setPosition({ lat: pos.coords.latitude, lon: pos.coords.longitude }); saveDraft(); validate(); },
    () => { document.getElementById('gps-status').textContent = t('field.location.gps.failed'); },
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
  );
}

function focusFirstError(errors) {
  for (const control of form.querySelectorAll('[data-field]')) {
    const field = control.dataset.field;
    if (!errors.some((e) => e.field === field)) continue;
    const target = document.getElementById(fieldId(field)) ?? control.querySelector('input, select, textarea');
    target?.focus();
    return;
  }
}

function showDone(result, title) {
  rememberReport({ tracking_id: result.tracking_id, pin: result.pin, title, sent_at: result.created_at });
  forgetDraft();
  document.getElementById('form-view').hidden = true;
  const done = document.getElementById('done-view');
  done.hidden = false;
  document.getElementById('tracking-id').textContent = result.tracking_id;
  document.getElementById('pin').textContent = result.pin.replace(/^(\d{4})(\d{4})$/, '$1 $2');
  // The PIN rides in the fragment, which browsers never send to the server or its logs.
  document.getElementById('track-link').href =
    `/track.html?id=${encodeURIComponent(result.tracking_id)}#pin=${encodeURIComponent(result.pin)}`;
  const due = result.deadline?.due;
  document.getElementById('done-deadline').textContent = due ? t('done.deadline', { date: formatDate(due) }) : '';
  document.title = `aduan — ${t('done.heading')}`;
  document.getElementById('done-heading').focus();
}

// Reports written earlier without a connection, still on the phone.
async function showWaiting() {
  const count = (await waitingReports()).length;
  document.getElementById('waiting-line').hidden = count === 0;
  document.getElementById('waiting-link').textContent = t('outbox.waiting', { count });
}

// Errors of one attachment ("attachments.2") are shown on the attachments as a whole.
const byAttachments = (errors) =>
  errors.map((e) => (e.field.startsWith('attachments.') ? { ...e, field: 'attachments' } : e));

function offerOffline() {
  const offer = document.getElementById('offline-offer');
  offer.hidden = false;
  document.getElementById('offline-heading').focus();
}

// With the citizen's consent: the report and its files wait on the phone, until the
// connection returns or, after a 429, until `until` (ms since the epoch).
async function keepOffline(until = 0) {
  queuedKey = submissionKey();
  await queueReport({
    key: queuedKey, report: readForm(form, position), files: currentFiles(),
    consent_at: new Date().toISOString(), ...(until ? { not_before: until } : {}),
  });
  await forgetDraft();
  document.getElementById('form-view').hidden = true;
  document.getElementById('queued-view').hidden = false;
  if (until) describeQueued();
  document.title = `aduan — ${t('queued.heading')}`;
  document.getElementById('queued-heading').focus();
  flushOutbox();  // sets the timer for the wait
}

// A waiting report went out; the one on the queued view is shown as sent, PIN and all.
function onWaitingSent(result, item) {
  showWaiting();
  if (item.key === queuedKey && !document.getElementById('queued-view').hidden) {
    document.getElementById('queued-view').hidden = true;
    showDone(result, item.report.title);
  }
}

async function onSubmit(event) {
  event.preventDefault();
  showAll = true;
  document.getElementById('offline-offer').hidden = true;
  hideOffer();
  const errors = validate();
  if (errors.length) {
    summary.textContent = t('submit.fix', { count: new Set(errors.map((e) => e.field)).size });
    focusFirstError(errors);
    return;
  }
  summary.textContent = '';
  if (!navigator.onLine) return offerOffline();
  submitButton.disabled = true;
  submitButton.textContent = attachmentCount() ? t('submit.sending.files') : t('submit.sending');
  // Uploads already under way are waited for, not started again.
  await startUploads().catch(() => {});
  const files = currentFiles();
  const report = readForm(form, position);
  const res = await sendWithFiles(submissionKey(), report, files);
  submitButton.disabled = false;
  submitButton.textContent = t('submit.button');
  if (res.ok) return showDone(res.data, report.title);
  if (res.status === 0) return offerOffline();
  if (res.status === 422) {
    // The server found what the page could not know (a category closed meanwhile, a file
    // that is not what it claims).
    lastErrors = byAttachments(res.errors);
    showErrors(form, lastErrors, null);
    summary.textContent = t('submit.fix', { count: new Set(lastErrors.map((e) => e.field)).size });
    focusFirstError(lastErrors);
    return;
  }
  if (res.status === 429) return offerLater(res.retryAfter || 60);
  summary.textContent = t('submit.server', { message: res.message });
}

async function copyTrackingId() {
  const id = document.getElementById('tracking-id').textContent;
  const status = document.getElementById('copy-status');
  try {
    await navigator.clipboard.writeText(id);
    status.textContent = t('done.copied');
  } catch {
    // No clipboard permission: select the number so a long-press copies it.
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('tracking-id'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }
}

function wire() {
  form.addEventListener('input', () => { updateCounters(); saveDraft(); validate(); });
  form.addEventListener('change', () => { saveDraft(); validate(); });
  form.addEventListener('focusout', (event) => {
    const field = event.target.closest('[data-field]')?.dataset.field;
    if (field) touched.add(field);
    // "Phone or email" is judged once the citizen leaves the pair, not between the two.
    const contact = (el) => ['reporter.phone', 'reporter.email'].includes(el?.name);
    if (contact(event.target) && !contact(event.relatedTarget)) touched.add('reporter');
    // Not now: the error line would move the submit button under a finger (after_press.js).
    afterPress(validate);
  });
  form.addEventListener('submit', onSubmit);
  document.getElementById('gps-add').addEventListener('click', askPosition);
  document.getElementById('gps-remove').addEventListener('click', () => { setPosition(null); saveDraft(); validate(); });
  document.getElementById('copy-id').addEventListener('click', copyTrackingId);
  document.getElementById('offline-keep').addEventListener('click', () => keepOffline());
  document.getElementById('limited-keep').addEventListener('click', () => keepOffline(notBefore()));
  document.getElementById('limited-cancel').addEventListener('click', () => {
    hideOffer();
    submitButton.focus();
  });
  document.getElementById('offline-cancel').addEventListener('click', () => {
    document.getElementById('offline-offer').hidden = true;
    submitButton.focus();
  });
  onLangChange(() => { renderCatalogue(); relabelRegions(); updateCounters(); validate(); renderHowItWorks(core); });
}

async function main() {
  registerServiceWorker();
  initLanguageSwitch();
  form.elements.incident_date.max = todayIso();
  wire();
  // The form's handler is attached: it may be sent while the lists below still load.
  formsReady();
  const [coreResult, categories, agencies] = await Promise.all([
    loadCore().catch(() => null), getCategories(), getAgencies(),
  ]);
  core = coreResult;
  if (core) setFieldLimits(core.limits());
  else notice(t('core.failed'));
  catalogue = {
    categories: categories.ok ? categories.data : [],
    agencies: agencies.ok ? agencies.data : [],
  };
  renderCatalogue();
  renderHowItWorks(core);
  restoreDraft();
  await initRegionPicker(() => { saveDraft(); validate(); });
  // The map is an enhancement: the text field and the region picker work without it.
  initMapButton(document.getElementById('map-open'), (cfg) => import('./map/picker.js').then((m) => m.openPicker(cfg, {
    position: () => position,
    place: (p) => { setPosition(p); saveDraft(); validate(); },
  })), () => { document.getElementById('map-status').textContent = t('map.failed'); });
  await initAttachments(core, () => validate());
  updateCounters();
  validate();
  watchSimilar(form, core);
  watchCategory(form, core, () => catalogue);
  flushOutbox = startOutbox(onWaitingSent);
  showWaiting();
  window.addEventListener('online', () => flushOutbox().then(showWaiting));
  pageReady();
}

main();
