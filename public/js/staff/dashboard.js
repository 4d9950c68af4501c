// The monitoring dashboard: the numbers lead to the queue behind them.
import { getAgencies, getCategories } from '../api.js';
import { barChart, seriesChart } from '../charts.js';
import { formatDate, formatNumber as number, lang, locale, onLangChange, t } from '../i18n.js';
import { dashboard } from './api.js';
import { startStaffPage } from './session.js';
import { pageReady } from '../ready.js';

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

const nameIn = (list, code) => {
  const item = list.find((x) => x.code === code);
  return item ? (lang() === 'en' ? item.name_en || item.name : item.name) : code;
};

// What the figures are of: the days, the agency and the category, in words.
function scopeText() {
  const sc = data.scope;
  const agency = sc.agency ? t('dash.scope.agency', { agency: nameIn(catalogue.agencies, sc.agency) })
    : sc.own_agency_only ? t('dash.scope.agency.own') : t('dash.scope.agency.all');
  const category = sc.category ? t('dash.scope.category', { category: nameIn(catalogue.categories, sc.category) }) : t('dash.scope.category.all');
  return t('dash.scope', { from: formatDate(sc.from), to: formatDate(sc.to), today: formatDate(sc.today), agency, category });
}

// The words for a figure's basis, from what the server says it counts and over which days.
function basis(figure) {
  const f = data.figures[figure];
  return t(`dash.basis.${f.counts}`, { from: formatDate(data.scope.from), to: formatDate(data.scope.to), today: formatDate(data.scope.today) });
}

function lateItem(o) {
  const li = document.createElement('li');
  li.append(Object.assign(document.createElement('a'), { href: '/staff/report.html?id=' + encodeURIComponent(o.tracking_id), textContent: `${o.tracking_id} — ${o.title}` }));
  const when = o.escalated ? t('dash.late.escalated_on', { date: formatDate(o.escalated) })
    : o.due ? t('dash.late.due', { date: formatDate(o.due) }) : '';
  li.append(Object.assign(document.createElement('p'), { className: 'queue-meta',
    textContent: [t('status.' + o.status), o.agency, t('dash.late.filed', { date: formatDate(o.filed) }), when].filter(Boolean).join(' · ') }));
  return li;
}

// Filed and closed per week (per month over more than half a year), drawn and as a table.
function renderTrend() {
  const monthly = data.trend.weeks.length > 26;
  const points = monthly ? data.trend.months : data.trend.weeks;
  const label = (p) => monthly
    ? new Date(p.period + '-01T00:00:00Z').toLocaleDateString(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' })
    : new Date(p.from + 'T00:00:00Z').toLocaleDateString(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const sum = (key) => points.reduce((n, p) => n + p[key], 0);
  const title = t(monthly ? 'dash.trend.title.months' : 'dash.trend.title.weeks', {
    count: number(points.length), submitted: number(sum('submitted')), closed: number(sum('closed')) });
  document.getElementById('dash-trend-note').textContent = t(monthly ? 'dash.trend.note.months' : 'dash.trend.note.weeks', {
    from: formatDate(data.scope.from), to: formatDate(data.scope.to) });
  const series = [{ name: t('dash.trend.submitted'), className: 'chart-filed' }, { name: t('dash.trend.closed'), className: 'chart-closed' }];
  document.getElementById('dash-chart-trend').replaceChildren(seriesChart(
    points.map((p) => ({ label: label(p), values: [p.submitted, p.closed] })), series, { title, format: number }));
  document.getElementById('dash-trend-period-col').textContent = t(monthly ? 'dash.trend.month' : 'dash.trend.week');
  document.getElementById('dash-trend-rows').replaceChildren(...points.map((p) => {
    const row = document.createElement('tr');
    const th = Object.assign(document.createElement('th'), { scope: 'row',
      textContent: p.from === p.to ? formatDate(p.from) : t('dash.trend.days', { from: formatDate(p.from), to: formatDate(p.to) }) });
    row.append(th);
    return cells(row, [number(p.submitted), number(p.closed)]);
  }));
}

function render() {
  if (!data) return;
  document.getElementById('dash-scope').textContent = scopeText();
  const total = document.getElementById('dash-total');
  total.textContent = number(data.total);
  // Newest first: when the period ends today, the first rows are the reports counted.
  total.href = queueLink({ sort: 'newest' });
  document.getElementById('dash-total-scope').textContent = basis('total');
  document.getElementById('dash-open').textContent = number(data.open);
  document.getElementById('dash-open-scope').textContent = basis('open');
  document.getElementById('dash-overdue').textContent = number(data.overdue.total);
  document.getElementById('dash-overdue-scope').textContent = basis('overdue');
  const parts = document.getElementById('dash-overdue-parts');
  const pastDue = Object.assign(document.createElement('a'), { href: queueLink({ overdue: '1' }), textContent: t('dash.overdue.past_due', { count: number(data.overdue.past_due) }) });
  const escalated = Object.assign(document.createElement('a'), { href: queueLink({ status: 'escalated' }), textContent: t('dash.overdue.escalated', { count: number(data.overdue.escalated) }) });
  parts.replaceChildren(pastDue, ' + ', escalated);
  const s = data.satisfaction;
  document.getElementById('dash-rating').textContent = s.count
    ? t('public.rating.value', { average: s.average.toLocaleString(locale(), { maximumFractionDigits: 1 }), count: number(s.count) })
    : t('public.rating.none');
  document.getElementById('dash-rating-scope').textContent = basis('satisfaction');
  renderTrend();
  document.getElementById('dash-stages-note').textContent = basis('stages') + ' ' + t('dash.stages.on_time');
  document.getElementById('dash-stages').replaceChildren(...data.stages.map((m) => cells(document.createElement('tr'), [
    t('dash.stage.' + m.stage), number(m.ended), m.ended ? percent(m.on_time / m.ended) : '—', String(m.median_working_days), String(m.p90_working_days)])));
  const c = data.compliance;
  document.getElementById('dash-compliance-note').textContent = t('dash.compliance.definition', {
    stages: c.stages.map((stage) => t('dash.stage.' + stage).toLowerCase()).join(t('dash.and')),
    from: formatDate(data.scope.from), to: formatDate(data.scope.to), green: percent(c.green_from), amber: percent(c.amber_from) });
  document.getElementById('dash-agencies').replaceChildren(...data.agencies.map((a) => {
    const chip = Object.assign(document.createElement('span'), { className: 'chip ' + a.colour,
      textContent: a.stages_ended ? percent(a.stages_on_time / a.stages_ended) : t('dash.compliance.none') });
    const share = document.createElement('span');
    share.append(chip, ' ', Object.assign(document.createElement('span'), { className: 'queue-meta',
      textContent: t('dash.compliance.count', { on_time: number(a.stages_on_time), ended: number(a.stages_ended) }) }));
    const name = Object.assign(document.createElement('a'), { href: `/staff/queue.html?agency=${encodeURIComponent(a.code)}&status=forwarded,in_progress,escalated`, textContent: a.name });
    // The queue lists the two parts apart: past a stage's due day, and taken over.
    const agencyQueue = (params) => `/staff/queue.html?agency=${encodeURIComponent(a.code)}&${params}`;
    const late = document.createElement('span');
    if (a.escalated) {
      late.append(number(a.overdue), ' (',
        Object.assign(document.createElement('a'), { href: agencyQueue('overdue=1'), textContent: t('dash.agency.past_due', { count: number(a.overdue - a.escalated) }) }), ' + ',
        Object.assign(document.createElement('a'), { href: agencyQueue('status=escalated'), textContent: t('dash.agency.escalated', { count: number(a.escalated) }) }), ')');
    } else {
      late.append(Object.assign(document.createElement('a'), { href: agencyQueue('overdue=1'), textContent: number(a.overdue) }));
    }
    return cells(document.createElement('tr'), [name, share, number(a.open), late]);
  }));
  document.getElementById('dash-status-note').textContent = basis('by_status') + ' ' + t('dash.bars.queue');
  const statuses = Object.entries(data.by_status).sort((a, b) => b[1] - a[1])
    .map(([status, n]) => ({ label: t('status.' + status), value: n, href: queueLink({ status }) }));
  document.getElementById('dash-chart-status').replaceChildren(barChart(statuses, { title: t('public.by_status'), format: number }));
  document.getElementById('dash-category-note').textContent = t('dash.category.note', { from: formatDate(data.scope.from), to: formatDate(data.scope.to) }) + ' ' + t('dash.bars.queue');
  const categories = Object.entries(data.by_category).sort((a, b) => b[1] - a[1]).slice(0, 10).map(([code, n]) => ({
    label: nameIn(catalogue.categories, code), value: n, href: queueLink({ category: code }) }));
  document.getElementById('dash-chart-category').replaceChildren(barChart(categories, { title: t('public.by_category'), format: number }));
  const { items, escalated_items: held } = data.overdue;
  document.getElementById('dash-late-none').hidden = items.length + held.length > 0;
  document.getElementById('late-due-heading').hidden = items.length === 0;
  document.getElementById('dash-late').replaceChildren(...items.map(lateItem));
  document.getElementById('late-escalated-heading').hidden = held.length === 0;
  document.getElementById('dash-late-escalated').replaceChildren(...held.map(lateItem));
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
  pageReady();
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
