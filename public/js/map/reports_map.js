// The transparency page's map: the published reports that have a position, clustered, each
// at its rounded public position (GET /api/v1/public/map; the server rounds, and never
// sends anything that is not on the public list). The list below the map says the same in
// text, for a screen reader or a phone without the map.
import { request } from '../api.js';
import { applyTranslations, formatNumber, t } from '../i18n.js';
import './messages.js';
import { addTiles, kIndonesia, loadLeaflet } from './loader.js';

const $ = (id) => document.getElementById(id);

function popup(r) {
  const box = document.createElement('div');
  const title = Object.assign(document.createElement('p'), { textContent: r.title });
  const meta = Object.assign(document.createElement('p'), { textContent: t('status.' + r.status) });
  const link = Object.assign(document.createElement('a'), {
    href: '/track.html?id=' + encodeURIComponent(r.tracking_id), textContent: t('map.public.view'),
  });
  box.append(title, meta, link);
  return box;
}

// Resolves to {show(visible)}; rejects if the library or the positions cannot be had.
export async function openReportsMap(cfg) {
  const status = $('map-status');
  status.textContent = t('map.loading');
  const [L, res] = await Promise.all([loadLeaflet({ clustered: true }), request('/api/v1/public/map')]);
  if (!res.ok) throw new Error(res.code);
  const panel = $('map-panel');
  applyTranslations(panel);  // its label came with the map's messages
  panel.hidden = false;
  const items = res.data.items;
  const map = L.map($('map-canvas'));
  addTiles(L, map, cfg, () => { status.textContent = t('map.tiles_failed'); });
  const group = L.markerClusterGroup({ showCoverageOnHover: false });
  for (const r of items) {
    group.addLayer(L.marker([r.lat, r.lon], { title: r.title, alt: r.title }).bindPopup(() => popup(r)));
  }
  map.addLayer(group);
  if (items.length) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 16 });
  else map.fitBounds(kIndonesia);
  const text = items.length
    ? t('map.public.summary', { n: formatNumber(items.length) }) +
      (res.data.more ? ' ' + t('map.public.more', { n: formatNumber(items.length) }) : '')
    : t('map.public.none');
  status.textContent = text;
  return {
    show(visible) {
      panel.hidden = !visible;
      if (visible) map.invalidateSize();
    },
  };
}
