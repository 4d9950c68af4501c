// Agencies and categories: the system admin sees the agency tree and each category's
// agency, adds them, renames them, moves an agency under another (the server refuses a
// cycle) and routes a category to an agency (the forward form's suggestion); and links an
// agency that works in another system (external_agencies.js).
import { fieldMessage, onLangChange, t } from '../i18n.js';
import { adminAgencies, adminCategories, changeAgency, changeCategory, createAgency, createCategory } from './api.js';
import { showHistory } from './admin_history.js';
import { loadExternal, setupExternal, showExternal } from './external_agencies.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const agencyForm = document.getElementById('agency-form');
const categoryForm = document.getElementById('category-form');
const history = document.getElementById('history');
let agencies = [];
let categories = [];

function cell(text) { return Object.assign(document.createElement('td'), { textContent: text }); }
function option(value, text) { return Object.assign(document.createElement('option'), { value, textContent: text }); }

// Each agency after its parent, indented by its depth.
function tree() {
  const out = [];
  const children = (parent) => agencies.filter((a) => (a.parent ?? null) === parent);
  const walk = (parent, depth) => {
    for (const a of children(parent)) {
      if (out.some((o) => o.agency === a)) continue;
      out.push({ agency: a, depth });
      walk(a.code, depth + 1);
    }
  };
  walk(null, 0);
  for (const a of agencies) if (!out.some((o) => o.agency === a)) out.push({ agency: a, depth: 0 });
  return out;
}

function nameOf(code) { return agencies.find((a) => a.code === code)?.name ?? '—'; }

function render() {
  const agencyList = document.getElementById('agency-list');
  agencyList.replaceChildren(...tree().map(({ agency, depth }) => {
    const row = document.createElement('tr');
    row.dataset.code = agency.code;
    const name = cell(agency.name);
    name.style.paddingInlineStart = `${0.5 + depth * 1.5}rem`;
    row.append(name, cell(agency.code), cell(agency.parent ? nameOf(agency.parent) : '—'));
    return row;
  }));
  agencyList.setAttribute('aria-busy', 'false');
  const categoryList = document.getElementById('category-list');
  categoryList.replaceChildren(...categories.map((c) => {
    const row = document.createElement('tr');
    row.dataset.code = c.code;
    row.append(cell(c.name), cell(c.code), cell(c.agency ? nameOf(c.agency) : '—'));
    return row;
  }));
  categoryList.setAttribute('aria-busy', 'false');
  fillSelects();
}

function fillSelects() {
  const keep = (select, options) => { const v = select.value; select.replaceChildren(...options); select.value = v; if (select.value !== v) select.selectedIndex = 0; };
  const agencyOptions = () => [option('', '—'), ...agencies.map((a) => option(a.code, a.name))];
  keep(agencyForm.elements.target, [option('', t('admin.new')), ...agencies.map((a) => option(a.code, a.name))]);
  keep(agencyForm.elements.parent, agencyOptions());
  keep(categoryForm.elements.target, [option('', t('admin.new')), ...categories.map((c) => option(c.code, c.name))]);
  keep(categoryForm.elements.agency, agencyOptions());
}

// Choosing an existing entry fills the form with it; its code stays as it is.
function follow(form, find, fields) {
  form.elements.target.addEventListener('change', () => {
    const item = find(form.elements.target.value);
    form.elements.code.disabled = !!item;
    form.elements.code.value = item?.code ?? '';
    for (const f of fields) form.elements[f].value = item?.[f] ?? '';
  });
}

function showErrors(form, prefix, errors) {
  for (const line of form.querySelectorAll('p.error')) line.textContent = '';
  for (const e of errors) {
    const line = document.getElementById(`${prefix}-${e.field}-error`);
    if (line && !line.textContent) line.textContent = fieldMessage(e.field, e.code);
  }
}

async function save(form, prefix, create, change, fields) {
  const target = form.elements.target.value;
  const body = Object.fromEntries(fields.map((f) => [f, form.elements[f].value.trim()]));
  const res = target ? await change(target, body) : await create({ code: form.elements.code.value.trim(), ...body });
  showErrors(form, prefix, res.ok ? [] : res.errors);
  document.getElementById(prefix + '-saved').textContent = res.ok ? t('admin.saved') : (res.errors.length ? '' : res.message);
  if (res.ok) {
    form.reset();
    form.elements.code.disabled = false;
    await load();
  }
}

async function load() {
  const [a, c] = await Promise.all([adminAgencies(), adminCategories()]);
  if (a.ok) agencies = a.data;
  if (c.ok) categories = c.data;
  render();
  showExternal(agencies, categories);
  showHistory(history, ['agency', 'category']);
}

async function main() {
  await startStaffPage();
  follow(agencyForm, (code) => agencies.find((a) => a.code === code), ['name', 'parent']);
  follow(categoryForm, (code) => categories.find((c) => c.code === code), ['name', 'name_en', 'agency']);
  agencyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    save(agencyForm, 'agency', createAgency, changeAgency, ['name', 'parent']);
  });
  categoryForm.addEventListener('submit', (event) => {
    event.preventDefault();
    save(categoryForm, 'category', createCategory, changeCategory, ['name', 'name_en', 'agency']);
  });
  setupExternal(() => showHistory(history, ['agency', 'category']));
  onLangChange(() => { render(); showExternal(agencies, categories); showHistory(history, ['agency', 'category']); });
  await Promise.all([load(), loadExternal()]);
  pageReady();
}

main();
