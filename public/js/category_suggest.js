// "The right door from the first words": the category (and so the agency) the words of a
// report point to, offered beside the form and never chosen for anyone. The model comes from
// GET /api/v1/categories/model (term weights learned from verified reports; the browser keeps
// it and revalidates it with its ETag) and is scored by the wasm core on the phone, so the
// draft does not leave the phone while it is written. Without the core or a model the page
// works as before, with nothing offered.
import { request } from './api.js';
import { addMessages, lang, onLangChange, t } from './i18n.js';

addMessages({
  id: {
    'suggest.label': 'Sepertinya ini:',
    'suggest.use': 'Pakai',
    'suggest.use.label': 'Pakai kategori {category}',
    'suggest.or': 'Atau:',
    'suggest.used': 'Kategori diisi: {category}. Anda tetap bisa mengubahnya.',
    'suggest.staff': 'Saran dari isi laporan:',
    'suggest.staff.used': 'Instansi diisi sesuai saran: {agency}.',
    'suggest.noagency': 'instansi ditentukan petugas',
  },
  en: {
    'suggest.label': 'This looks like:',
    'suggest.use': 'Use it',
    'suggest.use.label': 'Use category {category}',
    'suggest.or': 'Or:',
    'suggest.used': 'Category filled in: {category}. You can still change it.',
    'suggest.staff': 'Suggested by the report\'s words:',
    'suggest.staff.used': 'Agency filled in as suggested: {agency}.',
    'suggest.noagency': 'the agency is decided by staff',
  },
});

const kDelayMs = 400;  // after the last keystroke

let suggesterPromise = null;

// The core with the served model loaded, as {suggest(text, max)}, or null (no core, no
// network, no model yet).
export function loadSuggester(core) {
  if (!core?.loadCategoryModel) return Promise.resolve(null);
  if (!suggesterPromise) {
    suggesterPromise = request('/api/v1/categories/model').then((res) => {
      if (!res.ok || !res.data?.categories?.length || !core.loadCategoryModel(res.data)) return null;
      return { suggest: (text, max) => core.suggestCategories(text, max) };
    }).catch(() => null);
  }
  return suggesterPromise;
}

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  el.append(...children);
  return el;
}

function categoryName(c) { return lang() === 'en' && c.name_en ? c.name_en : c.name; }

// "Jalan dan Jembatan → Dinas PUPR": where the category leads.
function destination(c, agencies) {
  const agency = agencies.find((a) => a.code === c.agency);
  return `${categoryName(c)} → ${agency ? agency.name : t('suggest.noagency')}`;
}

// The offer for `offers` ([{code, probability}] from the core), as an element: the first
// with its button, the others as smaller buttons. `use(category)` applies one.
function renderOffer(box, offers, catalogue, labelKey, use) {
  const known = offers.map((o) => catalogue.categories.find((c) => c.code === o.code)).filter(Boolean);
  box.hidden = known.length === 0;
  if (!known.length) return box.replaceChildren();
  const [first, ...others] = known;
  const button = element('button', { type: 'button', className: 'secondary', textContent: t('suggest.use') });
  button.setAttribute('aria-label', t('suggest.use.label', { category: categoryName(first) }));
  button.addEventListener('click', () => use(first));
  const line = element('p', { className: 'suggest-first' },
    element('span', { textContent: t(labelKey) + ' ' }),
    element('strong', { textContent: destination(first, catalogue.agencies) }), ' ', button);
  const parts = [line];
  if (others.length) {
    parts.push(element('p', { className: 'suggest-others' }, t('suggest.or') + ' ', ...others.map((c) =>
      element('button', { type: 'button', className: 'link', textContent: categoryName(c), onclick: () => use(c) }))));
  }
  box.replaceChildren(...parts);
}

// The submit page: offers while the citizen writes the title and body, only while no
// category is chosen; accepting sets the category and, when none was chosen, the agency.
export async function watchCategory(form, core, catalogue) {
  const box = document.getElementById('category-suggestion');
  const status = document.getElementById('category-suggestion-status');
  const suggester = await loadSuggester(core);
  if (!suggester || !box) return;
  let timer = 0;
  const update = () => {
    const chosen = form.elements.category.value !== '';
    const text = `${form.elements.title.value}\n${form.elements.body.value}`;
    renderOffer(box, chosen ? [] : suggester.suggest(text, 3), catalogue(), 'suggest.label', (c) => {
      form.elements.category.value = c.code;
      if (!form.elements.agency.value && c.agency) form.elements.agency.value = c.agency;
      form.elements.category.dispatchEvent(new Event('change', { bubbles: true }));
      box.hidden = true;
      status.textContent = t('suggest.used', { category: categoryName(c) });
      form.elements.category.focus();
    });
  };
  form.addEventListener('input', (event) => {
    if (!['title', 'body'].includes(event.target.name)) return;
    clearTimeout(timer);
    timer = setTimeout(update, kDelayMs);
  });
  form.addEventListener('change', (event) => {
    if (event.target.name === 'category') update();
  });
  onLangChange(update);
  update();  // a restored draft
}

// The coordinator's forward form: the same suggestion for the report's words, with a button
// that sets the form's agency (and category, when the suggestion differs from the report's).
export async function offerInForwardForm(form, report, core, catalogue) {
  const suggester = await loadSuggester(core);
  const agencySelect = form.elements.agency;
  if (!suggester || !agencySelect || !form.isConnected) return;
  const offers = suggester.suggest(`${report.title ?? ''}\n${report.body ?? ''}`, 3);
  const box = element('div', { className: 'category-suggestion staff', id: 'forward-suggestion' });
  const said = element('p', { className: 'visually-hidden', role: 'status' });
  renderOffer(box, offers, catalogue, 'suggest.staff', (c) => {
    if (c.agency) agencySelect.value = c.agency;
    const category = form.elements.category;
    if (category && c.code !== report.category?.code) category.value = c.code;
    const agency = catalogue.agencies.find((a) => a.code === c.agency);
    said.textContent = t('suggest.staff.used', { agency: agency?.name ?? t('suggest.noagency') });
    agencySelect.focus();
  });
  if (box.hidden) return;
  agencySelect.closest('.field').before(box, said);
}
