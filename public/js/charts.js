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
