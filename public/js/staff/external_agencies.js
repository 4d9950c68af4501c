// Agencies that work in another system (Open311), on the agencies page: which are linked,
// how many of their reports are followed and whether the last check worked; and the form
// that links, changes or ends one. The key is never shown back, only whether one is set.
import { fieldMessage, formatDateTime, t } from '../i18n.js';
import { externalAgencies, removeExternalAgency, setExternalAgency } from './api.js';

const form = document.getElementById('external-form');
const list = document.getElementById('external-list');
const codes = document.getElementById('external-codes');
let linked = [];
let agencies = [];
let categories = [];
let changed = () => {};

function cell(text) { return Object.assign(document.createElement('td'), { textContent: text }); }
function option(value, text) { return Object.assign(document.createElement('option'), { value, textContent: text }); }

function codesText(e) {
  const pairs = Object.entries(e.service_codes).map(([category, code]) => `${categories.find((c) => c.code === category)?.name ?? category} → ${code}`);
  if (e.default_service_code) pairs.push(`${t('external.default')} → ${e.default_service_code}`);
  return pairs.join('; ') || '—';
}

function polledText(e) {
  if (!e.polled_at) return t('external.never');
  return formatDateTime(e.polled_at) + (e.poll_error ? ` · ${t('external.failed')}: ${e.poll_error}` : ` · ${t('external.ok')}`);
}

function none() {
  const row = document.createElement('tr');
  row.append(Object.assign(cell(t('external.none')), { colSpan: 5 }));
  return row;
}

function renderList() {
  list.replaceChildren(...(linked.length ? linked.map((e) => {
    const row = document.createElement('tr');
    row.dataset.code = e.agency.code;
    const polled = cell(polledText(e));
    if (e.poll_error) polled.className = 'error';
    row.append(cell(e.agency.name), cell(e.endpoint), cell(codesText(e)), cell(String(e.open_requests)), polled);
    return row;
  }) : [none()]));
  list.setAttribute('aria-busy', 'false');
}

// One field per category, for its code in the other system; empty uses the default code.
function renderCodeFields() {
  const legend = codes.querySelector('legend');
  const kept = Object.fromEntries([...codes.querySelectorAll('input')].map((i) => [i.dataset.category, i.value]));
  codes.replaceChildren(legend, ...categories.map((c) => {
    const id = `external-service_codes.${c.code}`;
    const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: c.name });
    const input = Object.assign(document.createElement('input'), { id, type: 'text', maxLength: 64, spellcheck: false, value: kept[c.code] ?? '' });
    input.dataset.category = c.code;
    const error = Object.assign(document.createElement('p'), { className: 'error', id: id + '-error' });
    input.setAttribute('aria-describedby', error.id);
    const row = Object.assign(document.createElement('div'), { className: 'code-row' });
    row.append(label, input, error);
    return row;
  }));
}

// The chosen agency's settings in the form, or an empty form for one not linked yet.
function fill() {
  const e = linked.find((x) => x.agency.code === form.elements.agency.value);
  for (const name of ['endpoint', 'jurisdiction_id', 'default_service_code']) form.elements[name].value = e?.[name] ?? '';
  form.elements.api_key.value = '';
  form.elements.share_identity.checked = e?.share_identity ?? false;
  form.elements.keeps_private.checked = e?.keeps_private ?? false;
  for (const input of codes.querySelectorAll('input')) input.value = e?.service_codes[input.dataset.category] ?? '';
  document.getElementById('external-remove').hidden = !e;
}

function showErrors(errors) {
  for (const line of form.querySelectorAll('p.error')) line.textContent = '';
  for (const e of errors) {
    const line = document.getElementById(`external-${e.field}-error`);
    const field = e.field.startsWith('service_codes.') ? 'service_code' : e.field;
    if (line && !line.textContent) line.textContent = fieldMessage(field, e.code);
  }
}

function say(text) { document.getElementById('external-saved').textContent = text; }

async function save() {
  const body = {
    endpoint: form.elements.endpoint.value.trim(),
    api_key: form.elements.api_key.value.trim(),
    jurisdiction_id: form.elements.jurisdiction_id.value.trim(),
    default_service_code: form.elements.default_service_code.value.trim(),
    share_identity: form.elements.share_identity.checked,
    keeps_private: form.elements.keeps_private.checked,
    service_codes: Object.fromEntries([...codes.querySelectorAll('input')].map((i) => [i.dataset.category, i.value.trim()]).filter(([, v]) => v)),
  };
  const res = await setExternalAgency(form.elements.agency.value, body);
  showErrors(res.ok ? [] : res.errors);
  say(res.ok ? t('admin.saved') : (res.errors.length ? '' : res.message));
  if (res.ok) { await loadExternal(); changed(); }
}

async function remove() {
  const code = form.elements.agency.value;
  if (!window.confirm(t('external.remove.confirm', { name: agencies.find((a) => a.code === code)?.name ?? code }))) return;
  const res = await removeExternalAgency(code);
  say(res.ok ? t('external.removed') : res.message);
  if (res.ok) { await loadExternal(); changed(); }
}

// Called by the agencies page with its lists, each time they are loaded.
export function showExternal(allAgencies, allCategories) {
  agencies = allAgencies;
  categories = allCategories;
  const chosen = form.elements.agency.value;
  form.elements.agency.replaceChildren(...agencies.map((a) => option(a.code, a.name)));
  if (agencies.some((a) => a.code === chosen)) form.elements.agency.value = chosen;
  renderCodeFields();
  renderList();
  fill();
}

export async function loadExternal() {
  const res = await externalAgencies();
  if (res.ok) linked = res.data;
  renderList();
  fill();
}

// `onChange` runs after each change that was saved (the page's history shows it).
export function setupExternal(onChange) {
  changed = onChange;
  form.elements.agency.addEventListener('change', () => { showErrors([]); say(''); fill(); });
  form.addEventListener('submit', (event) => { event.preventDefault(); save(); });
  document.getElementById('external-remove').addEventListener('click', remove);
}
