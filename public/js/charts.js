// Horizontal bar charts in plain SVG: no library, readable on a phone, and every bar carries
// its number as text so that the chart says the same to a screen reader.

const kSvg = 'http://www.w3.org/2000/svg';

function svgElement(tag, attrs = {}) {
  const el = document.createElementNS(kSvg, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

// `rows`: [{label, value, href?}], drawn in the order given. Each row is its label on one
// line and the bar with its number below, so that long agency names fit a phone. Returns an
// <svg>.
export function barChart(rows, { title, format = (n) => n.toLocaleString() } = {}) {
  const rowHeight = 44;
  const width = 340;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const svg = svgElement('svg', {
    viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`,
    // A picture, unless its bars are links: then a group, so that each link stays reachable
    // and named by its own text (an image cannot hold controls).
    role: rows.some((r) => r.href) ? 'group' : 'img',
    'aria-label': title,
    class: 'chart',
  });
  const titleEl = svgElement('title');
  titleEl.textContent = title;
  svg.append(titleEl);
  rows.forEach((row, i) => {
    const y = i * rowHeight;
    const barWidth = Math.max(2, Math.round(((width - 60) * row.value) / max));
    const group = row.href ? svgElement('a', { href: row.href }) : svgElement('g');
    const label = svgElement('text', { x: 0, y: y + 15, class: 'chart-label' });
    label.textContent = row.label.length > 44 ? row.label.slice(0, 43) + '…' : row.label;
    const bar = svgElement('rect', { x: 0, y: y + 21, width: barWidth, height: 16, rx: 3, class: 'chart-bar' });
    const value = svgElement('text', { x: barWidth + 6, y: y + 34, class: 'chart-value' });
    value.textContent = format(row.value);
    group.append(label, bar, value);
    svg.append(group);
  });
  return svg;
}

// A time series of two or more counts per period as grouped columns, with a legend: e.g.
// the reports filed and the reports closed each week, both on one scale so that "12 in,
// 148 closed" is drawn as such. `points`: [{label, values: [n, ...]}] in time order;
// `series`: [{name, className}] in the order of `values`. The picture carries `title` as its
// name; the numbers themselves belong in a table beside it (the caller's), which a screen
// reader reads instead of the columns.
export function seriesChart(points, series, { title, format = (n) => n.toLocaleString() } = {}) {
  const width = 720;
  const plotTop = 28;
  const plotHeight = 160;
  const axis = plotTop + plotHeight;
  const left = 44;
  const height = axis + 24;
  const max = Math.max(1, ...points.flatMap((p) => p.values));
  const svg = svgElement('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart chart-series' });
  const titleEl = svgElement('title');
  titleEl.textContent = title;
  svg.append(titleEl);
  // The legend, on the first line.
  let x = left;
  series.forEach((s) => {
    svg.append(svgElement('rect', { x, y: 4, width: 12, height: 12, rx: 2, class: s.className }));
    const name = svgElement('text', { x: x + 18, y: 15, class: 'chart-label' });
    name.textContent = s.name;
    svg.append(name);
    x += 30 + s.name.length * 8;
  });
  // The scale: zero and the largest count.
  for (const [value, y] of [[0, axis], [max, plotTop]]) {
    const tick = svgElement('text', { x: left - 6, y: y + 4, class: 'chart-value', 'text-anchor': 'end' });
    tick.textContent = format(value);
    svg.append(tick, svgElement('line', { x1: left, x2: width, y1: y, y2: y, class: 'chart-rule' }));
  }
  const slot = (width - left) / Math.max(1, points.length);
  const barWidth = Math.max(2, Math.min(18, (slot - 4) / series.length));
  const every = Math.ceil(points.length / 8);  // at most eight labels under the axis
  points.forEach((p, i) => {
    const x0 = left + i * slot + (slot - barWidth * series.length) / 2;
    p.values.forEach((v, j) => {
      const h = v ? Math.max(1, Math.round((plotHeight * v) / max)) : 0;
      svg.append(svgElement('rect', { x: x0 + j * barWidth, y: axis - h, width: barWidth - 1, height: h, class: series[j].className }));
    });
    if (i % every === 0) {
      const label = svgElement('text', { x: left + i * slot + slot / 2, y: axis + 16, class: 'chart-value', 'text-anchor': 'middle' });
      label.textContent = p.label;
      svg.append(label);
    }
  });
  return svg;
}
