// The staff queue: the reports of one's role, soonest deadline first, with filters and
// paging kept in the address so that a link or the back button returns to the same view.
import { getAgencies, getCategories } from '../api.js';
import { loadCore } from '../core.js';
import { formatDate, formatNumber, lang, locale, onLangChange, t } from '../i18n.js';
import { officers, queue } from './api.js';
import { selectBox, showRows, startBulk, toggleFocused } from './queue_bulk.js';
import { rememberQueue } from './report_nav.js';
import { markCurrentView, startSavedViews } from './saved_views.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

// What each role sees first.
const kDefaults = {
  coordinator: { status: 'submitted' },
  agency_admin: { status: 'forwarded,in_progress,escalated' },
  agency_officer: { status: 'forwarded,in_progress,escalated' },
  supervisor: { status: 'escalated' },
};

const form = document.getElementById('queue-filters');
const list = document.getElementById('queue-list');
const summary = document.getElementById('queue-summary');
let catalogue = { agencies: [], categories: [], officers: [] };
let principal = null;
let core = null;
let lastPage = null;
let loads = 0;

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function fillFilters(params) {
  const status = form.elements.status;
  // Statuses and which of them are still open come from the wasm core's workflow table.
  const statuses = core.statuses();
  const open = statuses.filter((s) => !s.final).map((s) => s.name).join(',');
  status.replaceChildren(option('', t('queue.status.all')), option(open, t('queue.status.open')));
  for (const s of statuses) status.append(option(s.name, t('status.' + s.name)));
  let preset = params.get('status') ?? '';
  // A set of statuses from a role's default or a link ("forwarded,in_progress,escalated")
  // reads as their names, never as codes.
  if (![...status.options].some((o) => o.value === preset)) {
    const names = preset.split(',').filter((name) => statuses.some((s) => s.name === name));
    preset = names.join(',');
    status.append(option(preset, names.map((name) => t('status.' + name)).join(', ')));
  }
  status.value = preset;

  const agency = form.elements.agency;
  agency.replaceChildren(option('', t('queue.agency.all')));
  for (const a of catalogue.agencies) agency.append(option(a.code, a.name));
  agency.value = params.get('agency') ?? '';
  const category = form.elements.category;
  category.replaceChildren(option('', t('queue.category.all')));
  for (const c of catalogue.categories) category.append(option(c.code, lang() === 'en' ? c.name_en || c.name : c.name));
  category.value = params.get('category') ?? '';
  form.elements.q.value = params.get('q') ?? '';
  const sort = form.elements.sort;
  sort.value = [...sort.options].some((o) => o.value === params.get('sort')) ? params.get('sort') : '';
  for (const name of ['overdue', 'mine', 'returned']) form.elements[name].checked = params.get(name) === '1';
  // Filters that mean nothing for the role are not offered.
  const agencyRole = principal.role === 'agency_admin' || principal.role === 'agency_officer';
  document.getElementById('filter-mine').hidden = principal.role !== 'agency_admin';
  document.getElementById('filter-returned').hidden = principal.role !== 'coordinator';
  document.getElementById('filter-agency').hidden = agencyRole;
}

function paramsFromForm(page = 1) {
  const p = new URLSearchParams();
  for (const name of ['q', 'status', 'agency', 'category', 'sort']) {
    if (form.elements[name].value) p.set(name, form.elements[name].value);
  }
  for (const name of ['overdue', 'mine', 'returned']) if (form.elements[name].checked) p.set(name, '1');
  if (page > 1) p.set('page', String(page));
  return p;
}

function badge(text, kind) {
  const b = document.createElement('span');
  b.className = 'badge ' + kind;
  b.textContent = text;
  return b;
}

// How long ago a report was filed, in days: what an overworked admin weighs first.
function age(createdAt) {
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(createdAt)) / 86400000));
  return days === 0 ? t('queue.age.short.today') : t('queue.age.short.days', { n: formatNumber(days) });
}

// A due day in a table cell: day and short month (the year only when not this year).
function shortDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const options = { day: 'numeric', month: 'short', timeZone: 'UTC' };
  if (y !== new Date().getFullYear()) options.year = 'numeric';
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(locale(), options);
}

function cell(className, ...content) {
  const td = document.createElement('td');
  td.className = className;
  td.append(...content);
  return td;
}

// One report as a table row; on a narrow screen the row is drawn as a card (staff.css).
function renderItem(item) {
  const tr = document.createElement('tr');
  tr.className = 'queue-item';
  const box = selectBox(item);
  if (box) tr.append(cell('queue-select', box));
  const status = cell('queue-status', t('status.' + item.status));
  if (item.returned) status.append(' ', badge(t('queue.returned.badge'), 'warn'));
  if (item.confidential) status.append(' ', badge(t('queue.confidential.badge'), 'info'));
  if (item.anonymous) status.append(' ', badge(t('queue.anonymous.badge'), 'info'));
  const deadline = cell('queue-deadline');
  if (item.deadline) {
    const chip = document.createElement('span');
    chip.className = 'chip ' + item.deadline.colour;
    chip.textContent = t('colour.' + item.deadline.colour);
    const due = Object.assign(document.createElement('span'), { className: 'due', textContent: shortDate(item.deadline.due) });
    due.title = formatDate(item.deadline.due);
    deadline.append(chip, ' ', due);
    if (item.deadline_provisional) {
      const b = badge(t('queue.provisional.badge'), 'warn');
      b.title = t('report.provisional', { years: (item.unconfirmed_holiday_years ?? []).join(', ') });
      deadline.append(' ', b);
    }
  } else {
    deadline.append('—');
  }
  // The title is the row's one link, stretched over the whole row (staff.css): one tab stop
  // per report, and a click anywhere on the row opens it.
  const id = Object.assign(document.createElement('span'), { className: 'mono', textContent: item.tracking_id });
  const link = document.createElement('a');
  link.href = '/staff/report.html?id=' + encodeURIComponent(item.tracking_id);
  link.textContent = item.title;
  const title = cell('queue-title', id, ' ', link);
  if (item.category) title.append(Object.assign(document.createElement('span'), { className: 'queue-category', textContent: item.category.name }));
  // Who works on it; "not assigned" only where an agency admin could assign it now (the
  // core's workflow table), not on a report still waiting for verification.
  const assignee = cell('queue-assignee');
  if (item.assigned_to) assignee.append(item.assigned_to);
  else if (core.allowedActions(item.status, 'agency_admin', undefined).includes('assign')) assignee.append(Object.assign(document.createElement('span'), { className: 'muted', textContent: t('queue.unassigned') }));
  else assignee.append('—');
  const followers = cell('queue-followers', item.followers > 0 ? formatNumber(item.followers) : '—');
  if (item.followers > 0) followers.setAttribute('aria-label', t('queue.followers', { n: formatNumber(item.followers) }));
  tr.append(status, deadline, cell('queue-age', age(item.created_at)), title,
    cell('queue-agency', item.agency ? item.agency.name : '—'), assignee, followers);
  // Column names for the card layout of a narrow screen (staff.css writes them before the values).
  for (const [name, key] of [['queue-age', 'queue.col.age'], ['queue-agency', 'queue.col.agency'], ['queue-assignee', 'queue.col.assignee'], ['queue-followers', 'queue.col.followers']]) {
    tr.querySelector('.' + name).dataset.label = t(key);
  }
  return tr;
}

// The table's head in the chosen language; the selection column only for a role with bulk
// actions.
function renderHead(withSelect) {
  const row = document.getElementById('queue-head-row');
  const th = (key, className) => {
    const h = Object.assign(document.createElement('th'), { scope: 'col', className, textContent: t(key) });
    return h;
  };
  const heads = [th('queue.col.status', 'queue-status'), th('queue.col.deadline', 'queue-deadline'), th('queue.col.age', 'queue-age'),
    th('queue.col.report', 'queue-title'), th('queue.col.agency', 'queue-agency'), th('queue.col.assignee', 'queue-assignee'),
    th('queue.col.followers', 'queue-followers')];
  if (withSelect) {
    const select = th('queue.col.select', 'queue-select');
    select.replaceChildren(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: t('queue.col.select') }));
    heads.unshift(select);
  }
  row.replaceChildren(...heads);
}

// A search by words lists the newest first (the server's index order); the order picker
// says so rather than offer an order it would not apply.
function markSearchOrder() {
  const searching = form.elements.q.value.trim() !== '';
  form.elements.sort.disabled = searching;
  document.getElementById('sort-hint').hidden = !searching;
}

function render(page) {
  lastPage = page;
  markSearchOrder();
  showRows(page.items);
  rememberQueue(page.items.map((i) => i.tracking_id), location.search);
  const rows = page.items.map(renderItem);
  renderHead(rows.some((tr) => tr.querySelector('.queue-select')));
  list.replaceChildren(...rows);
  const pages = Math.max(1, Math.ceil(page.total / page.per_page));
  summary.textContent = page.total
    ? t(page.total_exceeds_limit ? 'queue.count.many' : 'queue.count', { total: formatNumber(page.total - (page.total_exceeds_limit ? 1 : 0)), page: page.page, pages })
    : t('queue.empty');
  const prev = document.getElementById('queue-prev');
  const next = document.getElementById('queue-next');
  prev.hidden = page.page <= 1;
  next.hidden = page.page >= pages;
  prev.onclick = () => load(paramsFromForm(page.page - 1));
  next.onclick = () => load(paramsFromForm(page.page + 1));
}

async function load(params, { push = true, replace = false } = {}) {
  if (replace) history.replaceState(null, '', '?' + params);
  else if (push) history.pushState(null, '', '?' + params);
  const exportParams = new URLSearchParams(params);
  exportParams.delete('page');
  document.getElementById('queue-export').href = '/api/v1/staff/export/reports.csv?' + exportParams;
  // While staff type, an older answer may arrive after a newer one: only the newest is drawn.
  // The list says it is busy until the newest answer is drawn (screen readers wait for it,
  // and so do the browser tests).
  const seq = ++loads;
  list.setAttribute('aria-busy', 'true');
  const res = await queue(params);
  if (seq !== loads) return;
  list.setAttribute('aria-busy', 'false');
  if (res.ok) render(res.data);
  else summary.textContent = res.message || t('submit.network');
  markCurrentView();
  pageReady();
}

async function main() {
  principal = await startStaffPage();
  const [coreModule, agencies, categories, staff] = await Promise.all([loadCore(), getAgencies(), getCategories(),
    principal.role === 'agency_admin' ? officers() : Promise.resolve({ ok: true, data: [] })]);
  core = coreModule;
  catalogue = {
    agencies: agencies.ok ? agencies.data : [],
    categories: categories.ok ? categories.data : [],
    officers: staff.ok ? staff.data : [],
  };
  startBulk({
    core, role: principal.role, ctx: () => catalogue,
    reload: () => load(paramsFromForm(lastPage?.page ?? 1), { push: false }),
  });
  startSavedViews(() => paramsFromForm().toString());
  let params = new URLSearchParams(location.search);
  if (![...params.keys()].length) params = new URLSearchParams(kDefaults[principal.role] ?? {});
  fillFilters(params);
  // Filters apply as they change; the address keeps them for a link or the back button.
  form.addEventListener('change', (event) => {
    if (event.target.name !== 'q') load(paramsFromForm());
  });
  // The search runs as staff type, once they pause; the address is replaced rather than
  // pushed for each letter, so that "back" leaves the search rather than unspell it.
  let typing = null;
  let searched = form.elements.q.value;
  form.addEventListener('submit', (event) => {  // Enter in the search box: at once
    event.preventDefault();
    clearTimeout(typing);
    searched = form.elements.q.value;
    load(paramsFromForm());
  });
  form.elements.q.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const first = searched === '';
      searched = form.elements.q.value;
      load(paramsFromForm(), { replace: !first });
    }, 300);
  });
  window.addEventListener('popstate', () => {
    const p = new URLSearchParams(location.search);
    fillFilters(p);
    load(p, { push: false });
  });
  onLangChange(() => {
    fillFilters(paramsFromForm(lastPage?.page ?? 1));
    if (lastPage) render(lastPage);
  });
  await load(params, { push: false });
}

// Work without the mouse: j and k move through the rows (the row's link takes the focus, so
// Enter opens it), x selects the row for a bulk action, ? lists the keys. Not while typing
// in a field.
function watchKeys() {
  const help = document.getElementById('keys');
  document.getElementById('keys-open').addEventListener('click', () => help.showModal());
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest?.('input, textarea, select, [contenteditable]');
    if (typing || event.ctrlKey || event.metaKey || event.altKey || help.open) return;
    if (event.key === '?') {
      event.preventDefault();
      help.showModal();
      return;
    }
    if (event.key === 'x') {
      event.preventDefault();
      toggleFocused();
      return;
    }
    if (event.key !== 'j' && event.key !== 'k') return;
    const links = [...list.querySelectorAll('.queue-title a')];
    if (!links.length) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement);
    const next = event.key === 'j' ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
    links[next].focus();
  });
}

watchKeys();
main();
