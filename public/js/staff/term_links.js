// The words the repeated-report matcher learned from duplicate marks (server/store/term_links.h):
// coordinators and the system admin read the pairs, the most taught first, and reject a
// wrong one, or take a rejection back.
import { formatDateTime, formatNumber, onLangChange, t } from '../i18n.js';
import { reviewTermLink, termLinks } from './api.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

const list = document.getElementById('link-list');
const total = document.getElementById('links-total');
const previous = document.getElementById('links-previous');
const next = document.getElementById('links-next');
let shown = null;
let page = 1;

function cell(text) { return Object.assign(document.createElement('td'), { textContent: text }); }

function row(link) {
  const tr = document.createElement('tr');
  const pair = `${link.term} ↔ ${link.linked}`;
  const action = document.createElement('td');
  const b = Object.assign(document.createElement('button'), {
    type: 'button', className: 'link', textContent: t(link.rejected ? 'links.restore' : 'links.reject'),
  });
  b.setAttribute('aria-label', t(link.rejected ? 'links.restore.label' : 'links.reject.label', { pair }));
  b.addEventListener('click', async () => {
    b.disabled = true;
    const res = await reviewTermLink(link.term, link.linked, !link.rejected);
    if (res.ok) await load();
    else { b.disabled = false; total.textContent = res.message; }
  });
  action.append(b);
  const strength = link.rejected ? t('links.rejected') : `${Math.round(link.strength * 100)}%`;
  tr.append(cell(pair), cell(t('links.marks.count', { count: formatNumber(link.marks) })), cell(strength),
    cell(formatDateTime(link.updated_at)), action);
  if (link.rejected) tr.classList.add('muted');
  return tr;
}

function render(data) {
  shown = data;
  list.replaceChildren(...data.items.map(row));
  const pages = Math.max(1, Math.ceil(data.total / data.per_page));
  total.textContent = data.total
    ? `${t('links.total', { total: formatNumber(data.total), capacity: formatNumber(data.capacity) })} ${t('links.page', { page: data.page, pages })}`
    : t('links.empty');
  previous.hidden = data.page <= 1;
  next.hidden = data.page >= pages;
}

async function load() {
  const res = await termLinks(page);
  if (res.ok) render(res.data);
  else total.textContent = res.message;
}

async function main() {
  await startStaffPage();
  previous.addEventListener('click', () => { page -= 1; load(); });
  next.addEventListener('click', () => { page += 1; load(); });
  onLangChange(() => { if (shown) render(shown); });
  await load();
  pageReady();
}

main();
