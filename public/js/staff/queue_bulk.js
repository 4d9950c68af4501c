// One action on several reports: staff tick rows of the queue (or a whole page), choose
// forward, assign or archive, fill the action's form once, and the server acts on each report
// through the same workflow entry point as a single action, with the version each row showed.
// The answer says which were done and which were refused, and why.
import { showErrors } from '../form_fields.js';
import { formatNumber, t } from '../i18n.js';
import { serverMessage } from '../server_errors.js';
import { buildActionForm, readActionForm } from './action_forms.js';
import { bulkAct } from './api.js';

// The fields a bulk form asks for: the same for every report. Privacy flags are left out:
// they are a per-report decision (and one report's reporter may already have chosen).
const kBulkFields = {
  forward: ['agency', 'classification', 'category', 'tier', 'note'],
  assign: ['officer', 'note'],
  archive: ['archive_reason', 'duplicate_of', 'note'],
};

const bar = document.getElementById('bulk');
const all = document.getElementById('bulk-all');
const count = document.getElementById('bulk-count');
const buttons = document.getElementById('bulk-buttons');
const area = document.getElementById('bulk-area');
const result = document.getElementById('bulk-result');
let env = null;  // {core, role, ctx, reload}
let rows = [];   // the page's items
const selected = new Set();

// The bulk actions this role may take on a report in some status (the core's workflow table).
function roleActions() {
  const statuses = env.core.statuses().map((s) => s.name);
  return Object.keys(kBulkFields).filter((action) =>
    statuses.some((s) => env.core.allowedActions(s, env.role, undefined).includes(action)));
}

const chosen = () => rows.filter((item) => selected.has(item.tracking_id));

function update() {
  const picked = chosen();
  count.textContent = picked.length ? t('bulk.count', { n: formatNumber(picked.length) }) : t('bulk.none');
  all.checked = rows.length > 0 && picked.length === rows.length;
  all.indeterminate = picked.length > 0 && picked.length < rows.length;
  // An action is offered when at least one chosen report allows it now; the others are
  // refused by the server, and the answer says so.
  for (const b of buttons.querySelectorAll('button')) {
    b.disabled = !picked.some((item) => env.core.allowedActions(item.status, env.role, undefined).includes(b.value));
  }
}

// The check box at the head of a queue row, or null when this role has no bulk action.
export function selectBox(item) {
  if (!env || bar.hidden) return null;
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', className: 'select' });
  box.checked = selected.has(item.tracking_id);
  box.setAttribute('aria-label', t('bulk.select', { id: item.tracking_id }));
  box.addEventListener('change', () => {
    if (box.checked) selected.add(item.tracking_id);
    else selected.delete(item.tracking_id);
    update();
  });
  return box;
}

// The queue drew a new page: the choice does not carry over to rows no longer shown.
export function showRows(items) {
  rows = items;
  const shown = new Set(items.map((i) => i.tracking_id));
  for (const id of [...selected]) if (!shown.has(id)) selected.delete(id);
  if (env && !bar.hidden) update();
}

// Toggles the row holding the focus (the "x" key).
export function toggleFocused() {
  const box = document.activeElement?.closest?.('.queue-item')?.querySelector('input.select');
  if (!box) return;
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change'));
}

function openForm(action) {
  const picked = chosen();
  const form = buildActionForm(action, { ...env.ctx(), report: {}, core: env.core, role: env.role, fields: kBulkFields[action] });
  form.querySelector('h3').textContent = t('bulk.heading', { verb: t('verb.' + action), n: formatNumber(picked.length) });
  area.replaceChildren(form);
  form.querySelector('button[value="cancel"]').addEventListener('click', () => area.replaceChildren());
  form.addEventListener('submit', (event) => submit(event, form));
  form.querySelector('select, textarea, input')?.focus();
}

function showResult(answer) {
  const done = t('bulk.done', { done: formatNumber(answer.done), refused: formatNumber(answer.refused) });
  const refused = answer.results.filter((r) => !r.ok).map((r) => {
    const li = document.createElement('li');
    li.textContent = `${r.tracking_id}: ${serverMessage({ status: 409, code: r.error.code })}`;
    return li;
  });
  const summary = Object.assign(document.createElement('p'), { textContent: done });
  const list = Object.assign(document.createElement('ul'), { className: 'refused' });
  list.append(...refused);
  result.replaceChildren(summary, ...(refused.length ? [list] : []));
}

async function submit(event, form) {
  event.preventDefault();
  const body = readActionForm(form);
  const { agencies, categories } = env.ctx();
  const context = { agencies: agencies.map((a) => a.code), categories: categories.map((c) => c.code) };
  const errors = env.core.validateAction(body.action, body, context);
  showErrors(form, errors, null);
  if (errors.length) {
    form.querySelector('[aria-invalid="true"]')?.focus();
    return;
  }
  body.reports = chosen().map((item) => ({ tracking_id: item.tracking_id, version: item.version }));
  const submitButton = form.querySelector('button[type="submit"]');
  submitButton.disabled = true;
  const res = await bulkAct(body);
  submitButton.disabled = false;
  if (!res.ok) {
    if (res.status === 422) showErrors(form, res.errors, null);
    form.querySelector('#action-error').textContent = res.message;
    return;
  }
  area.replaceChildren();
  selected.clear();
  showResult(res.data);
  await env.reload();
  result.focus();
}

// `ctx()`: {agencies, categories, officers} for the forms; `reload()` draws the queue again.
export function startBulk({ core, role, ctx, reload }) {
  env = { core, role, ctx, reload };
  const actions = roleActions();
  bar.hidden = actions.length === 0;
  if (bar.hidden) return;
  buttons.replaceChildren(...actions.map((action) => {
    const b = Object.assign(document.createElement('button'), {
      type: 'button', value: action, textContent: t('verb.' + action),
      className: action === 'archive' ? 'danger' : 'secondary',
    });
    b.addEventListener('click', () => openForm(action));
    return b;
  }));
  all.addEventListener('change', () => {
    for (const item of rows) {
      if (all.checked) selected.add(item.tracking_id);
      else selected.delete(item.tracking_id);
    }
    for (const box of document.querySelectorAll('#queue-list input.select')) box.checked = all.checked;
    update();
  });
  update();
}
