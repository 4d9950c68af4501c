// The monitoring dashboard: the numbers lead to the queue behind them.
import { getAgencies, getCategories } from '../api.js';
import { barChart } from '../charts.js';
import { formatDate, formatNumber as number, lang, locale, onLangChange, t } from '../i18n.js';
import { dashboard } from './api.js';
import { startStaffPage } from './session.js';

const form = document.getElementById('dash-filters');
let data = null;
let catalogue = { agencies: [], categories: [] };

const percent = (x) => (x * 100).toLocaleString(locale(), { maximumFractionDigits: 0 }) + '%';

function queueLink(params) {
  const p = new URLSearchParams(params);
  for (const name of ['agency', 'category']) if (form.elements[name].value) p.set(name, form.elements[name].value);
  return '/staff/queue.html?' + p;
}

function cells(row, values) {
  for (const v of values) {
    const td = document.createElement('td');
    if (v instanceof Node) td.append(v); else td.textContent = v;
    row.append(td);
  }
  return row;
}

function render() {
  if (!data) return;
  const total = document.getElementById('dash-total');
  total.textContent = number(data.total);
  total.href = queueLink({});
  const overdue = document.getElementById('dash-overdue');
  overdue.textContent = number(data.overdue.total);
  overdue.href = queueLink({ overdue: '1' });
  const s = data.satisfaction;
  document.getElementById('dash-rating').textContent = s.count
    ? t('public.rating.value', { average: s.average.toLocaleString(locale(), { maximumFractionDigits: 1 }), count: number(s.count) })
    : t('public.rating.none');
  document.getElementById('dash-stages').replaceChildren(...data.stages.map((m) => cells(document.createElement('tr'), [
    t('dash.stage.' + m.stage), number(m.ended), m.ended ? percent(m.on_time / m.ended) : '—', String(m.median_working_days), String(m.p90_working_days)])));
  document.getElementById('dash-agencies').replaceChildren(...data.agencies.map((a) => {
    const chip = Object.assign(document.createElement('span'), { className: 'chip ' + a.colour,
      textContent: a.stages_ended ? percent(a.stages_on_time / a.stages_ended) : '—' });
    const name = Object.assign(document.createElement('a'), { href: `/staff/queue.html?agency=${encodeURIComponent(a.code)}&status=forwarded,in_progress,escalated`, textContent: a.name });
    const late = Object.assign(document.createElement('a'), { href: `/staff/queue.html?agency=${encodeURIComponent(a.code)}&overdue=1`, textContent: number(a.overdue) });
    return cells(document.createElement('tr'), [name, chip, number(a.open), late]);
  }));
  const statuses = Object.entries(data.by_status).sort((a, b) => b[1] - a[1])
    .map(([status, n]) => ({ label: t('status.' + status), value: n, href: queueLink({ status }) }));
  document.getElementById('dash-chart-status').replaceChildren(barChart(statuses, { title: t('public.by_status'), format: number }));
  const categories = Object.entries(data.by_category).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([code, n]) => {
    const c = catalogue.categories.find((x) => x.code === code);
    return { label: c ? (lang() === 'en' ? c.name_en || c.name : c.name) : code, value: n, href: queueLink({ category: code }) };
  });
  document.getElementById('dash-chart-category').replaceChildren(barChart(categories, { title: t('public.by_category'), format: number }));
  const weeks = data.trend.weeks.slice(-12).map((w) => ({ label: t('dash.trend.row', { week: formatDate(w.period), submitted: number(w.submitted), closed: number(w.closed) }), value: w.submitted }));
  document.getElementById('dash-chart-trend').replaceChildren(barChart(weeks, { title: t('dash.trend'), format: number }));
  document.getElementById('dash-late-none').hidden = data.overdue.items.length > 0;
  document.getElementById('dash-late').replaceChildren(...data.overdue.items.map((o) => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('a'), { href: '/staff/report.html?id=' + encodeURIComponent(o.tracking_id), textContent: `${o.tracking_id} — ${o.title}` }));
    li.append(Object.assign(document.createElement('p'), { className: 'queue-meta', textContent: [t('status.' + o.status), o.agency, formatDate(o.due)].filter(Boolean).join(' · ') }));
    return li;
  }));
  renderRepeated();
}

// The repeated problems: per agency and category, then the largest clusters.
function renderRepeated() {
  const { clusters, by_agency_and_category: groups } = data.repeated;
  const nameOf = (list, code) => {
    const item = list.find((x) => x.code === code);
    return item ? (lang() === 'en' ? item.name_en || item.name : item.name) : code || t('dash.repeated.unassigned');
  };
  document.getElementById('dash-repeated-none').hidden = clusters.length > 0;
  document.getElementById('dash-repeated-groups-table').hidden = groups.length === 0;
  document.getElementById('dash-repeated-groups').replaceChildren(...groups.map((g) => {
    const row = document.createElement('tr');
    cells(row, [nameOf(catalogue.agencies, g.agency), nameOf(catalogue.categories, g.category), number(g.clusters), number(g.reports)]);
    return row;
  }));
  document.getElementById('dash-repeated').replaceChildren(...clusters.map((c) => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('a'), { href: '/staff/report.html?id=' + encodeURIComponent(c.tracking_id), textContent: `${c.tracking_id} — ${c.title}` }));
    li.append(Object.assign(document.createElement('p'), { className: 'queue-meta', textContent: [t('dash.repeated.size', { size: number(c.size) }), t('status.' + c.status), nameOf(catalogue.agencies, c.agency)].join(' · ') }));
    return li;
  }));
}

function fillSelect(select, items, allKey) {
  select.replaceChildren(Object.assign(document.createElement('option'), { value: '', textContent: t(allKey) }),
    ...items.map((i) => Object.assign(document.createElement('option'), { value: i.code, textContent: i.name })));
}

async function load() {
  const p = {};
  for (const name of ['from', 'to', 'agency', 'category']) if (form.elements[name].value) p[name] = form.elements[name].value;
  const res = await dashboard(p);
  if (res.ok) {
    data = res.data;
    form.elements.from.value = data.from;
    form.elements.to.value = data.to;
    render();
  }
  document.body.dataset.ready = 'true';
}

async function main() {
  const principal = await startStaffPage();
  const [agencies, categories] = await Promise.all([getAgencies(), getCategories()]);
  catalogue = { agencies: agencies.ok ? agencies.data : [], categories: categories.ok ? categories.data : [] };
  fillSelect(form.elements.agency, catalogue.agencies, 'queue.agency.all');
  fillSelect(form.elements.category, catalogue.categories, 'queue.category.all');
  document.getElementById('filter-agency').hidden = principal.role === 'agency_admin' || principal.role === 'agency_officer';
  form.addEventListener('submit', (e) => { e.preventDefault(); load(); });
  onLangChange(render);
  await load();
}

main();
