// The public statistics and the public list of reports. Everything here comes from the
// public API, which never carries a reporter or a confidential report.
import { request } from './api.js';
import { barChart } from './charts.js';
import { registerServiceWorker } from './pwa.js';
import { initMapButton } from './map_entry.js';
import { formatDate, formatNumber, initLanguageSwitch, lang, locale, onLangChange, t } from './i18n.js';
import { pageReady } from './ready.js';

const periodForm = document.getElementById('period-form');
const searchForm = document.getElementById('search-form');
let stats = null;
let listState = { q: '', page: 1 };
let lastList = null;


function renderStats() {
  if (!stats) return;
  document.getElementById('stat-total').textContent = formatNumber(stats.total);
  document.getElementById('stat-closed').textContent = formatNumber(stats.closed);
  document.getElementById('stat-rating').textContent = stats.rating.count
    ? t('public.rating.value', { average: stats.rating.average.toLocaleString(locale(), { maximumFractionDigits: 1 }), count: formatNumber(stats.rating.count) })
    : t('public.rating.none');
  const byStatus = Object.entries(stats.by_status).sort((a, b) => b[1] - a[1])
    .map(([status, n]) => ({ label: t('status.' + status), value: n }));
  document.getElementById('chart-status').replaceChildren(barChart(byStatus, { title: t('public.by_status'), format: formatNumber }));
  const byCategory = stats.by_category.filter((c) => c.count > 0).sort((a, b) => b.count - a.count).slice(0, 10)
    .map((c) => ({ label: c.name, value: c.count, href: `#list?category=${encodeURIComponent(c.code)}` }));
  document.getElementById('chart-category').replaceChildren(barChart(byCategory, { title: t('public.by_category'), format: formatNumber }));
  const byAgency = stats.by_agency.sort((a, b) => b.count - a.count).slice(0, 10)
    .map((a) => ({ label: a.name, value: a.count }));
  document.getElementById('chart-agency').replaceChildren(barChart(byAgency, { title: t('public.by_agency'), format: formatNumber }));
}

async function loadStats() {
  const p = new URLSearchParams();
  if (periodForm.elements.from.value) p.set('from', periodForm.elements.from.value);
  if (periodForm.elements.to.value) p.set('to', periodForm.elements.to.value);
  document.getElementById('stats-export').href = '/api/v1/public/stats.csv?' + p;
  const res = await request('/api/v1/public/stats?' + p);
  if (res.ok) {
    stats = res.data;
    renderStats();
  }
}

function renderList(page) {
  lastList = page;
  const list = document.getElementById('public-list');
  list.replaceChildren(...page.items.map((r) => {
    const li = document.createElement('li');
    const link = Object.assign(document.createElement('a'), {
      href: '/track.html?id=' + encodeURIComponent(r.tracking_id), textContent: r.title,
    });
    const meta = document.createElement('p');
    meta.className = 'queue-meta';
    meta.textContent = [t('status.' + r.status), lang() === 'en' ? r.category?.name_en || r.category?.name : r.category?.name,
      r.agency?.name, formatDate(r.created_at.slice(0, 10)),
      r.followers ? t('similar.followers', { n: formatNumber(r.followers) }) : ''].filter(Boolean).join(' · ');
    li.append(link, meta);
    return li;
  }));
  const pages = Math.max(1, Math.ceil(page.total / page.per_page));
  document.getElementById('list-summary').textContent = page.total
    ? t(page.total_exceeds_limit ? 'queue.count.many' : 'queue.count', { total: formatNumber(page.total - (page.total_exceeds_limit ? 1 : 0)), page: page.page, pages }) : t('queue.empty');
  const prev = document.getElementById('list-prev');
  const next = document.getElementById('list-next');
  prev.hidden = page.page <= 1;
  next.hidden = page.page >= pages;
  prev.onclick = () => loadList({ ...listState, page: page.page - 1 });
  next.onclick = () => loadList({ ...listState, page: page.page + 1 });
}

async function loadList(state) {
  listState = state;
  const p = new URLSearchParams({ page: String(state.page) });
  if (state.q) p.set('q', state.q);
  if (state.category) p.set('category', state.category);
  const res = await request('/api/v1/public/reports?' + p);
  if (res.ok) renderList(res.data);
}

async function main() {
  registerServiceWorker();
  initLanguageSwitch();
  periodForm.addEventListener('submit', (e) => { e.preventDefault(); loadStats(); });
  searchForm.addEventListener('submit', (e) => {
    e.preventDefault();
    loadList({ q: searchForm.elements.q.value.trim(), page: 1 });
  });
  // A category bar leads to that category's reports.
  window.addEventListener('hashchange', () => {
    const m = location.hash.match(/^#list\?category=(.+)$/);
    if (m) {
      loadList({ q: '', page: 1, category: decodeURIComponent(m[1]) });
      document.getElementById('list-heading').scrollIntoView();
    }
  });
  onLangChange(() => { renderStats(); if (lastList) renderList(lastList); });
  // The map of the same public reports, opened on request (it is not in the first visit).
  initMapButton(document.getElementById('map-open'),
    (cfg) => import('./map/reports_map.js').then((m) => m.openReportsMap(cfg)),
    () => { document.getElementById('map-status').textContent = t('map.failed'); });
  await Promise.all([loadStats(), loadList(listState)]);
  pageReady();
}

main();
