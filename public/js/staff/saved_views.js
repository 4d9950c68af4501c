// Saved queue views: each staff member names the filters they return to ("Jalan rusak
// terlama", "Lewat batas DPUPR") and finds them above the queue. A view is the queue's
// address query, so opening one is following a link.
import { t } from '../i18n.js';
import { removeView, savedViews, saveView } from './api.js';

const nav = document.getElementById('views');
const list = document.getElementById('views-list');
const form = document.getElementById('view-save');
const line = document.getElementById('view-save-error');
let currentQuery = () => '';
let views = [];

// The query as the queue writes it, for comparing a view with the address.
const canonical = (query) => {
  const p = new URLSearchParams(query);
  p.delete('page');
  p.sort();
  return p.toString();
};

function render() {
  const here = canonical(location.search);
  list.replaceChildren(...views.map((v) => {
    const li = document.createElement('li');
    const a = Object.assign(document.createElement('a'), { href: '?' + v.query, textContent: v.name });
    if (canonical(v.query) === here) a.setAttribute('aria-current', 'true');
    const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'link remove', textContent: '×' });
    remove.setAttribute('aria-label', t('views.remove', { name: v.name }));
    remove.addEventListener('click', async () => {
      const res = await removeView(v.id);
      if (res.ok || res.code === 'view_not_found') views = views.filter((x) => x.id !== v.id);
      render();
      document.getElementById('view-save-open').focus();
    });
    li.append(a, remove);
    return li;
  }));
  nav.hidden = false;
}

async function save(event) {
  event.preventDefault();
  const name = form.elements.name.value.trim();
  const query = currentQuery();
  if (!name) {
    line.textContent = t('views.name.required');
    form.elements.name.focus();
    return;
  }
  if (!query) {
    line.textContent = t('views.empty');
    return;
  }
  const res = await saveView(name, query);
  if (!res.ok) {
    const tooMany = res.errors?.some((e) => e.code === 'too_many');
    line.textContent = tooMany ? t('views.too_many') : res.message;
    return;
  }
  views = [...views.filter((v) => v.id !== res.data.id), res.data]
    .sort((a, b) => a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }));
  form.hidden = true;
  form.reset();
  line.textContent = '';
  render();
  document.getElementById('view-save-open').focus();
}

// `query()`: the queue's filters now, as an address query without the page.
export async function startSavedViews(query) {
  currentQuery = query;
  const open = document.getElementById('view-save-open');
  open.addEventListener('click', () => {
    form.hidden = false;
    line.textContent = '';
    form.elements.name.focus();
  });
  form.addEventListener('submit', save);
  form.querySelector('button[value="cancel"]').addEventListener('click', () => {
    form.hidden = true;
    open.focus();
  });
  const res = await savedViews();
  views = res.ok ? res.data : [];
  render();
}

// After the address changed (a filter, the back button): mark the view it matches.
export const markCurrentView = () => { if (!nav.hidden) render(); };
