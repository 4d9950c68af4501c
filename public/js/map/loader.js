// Loads Leaflet (and, for the transparency map, its clustering plugin) from /vendor/leaflet/,
// which the binary serves from the npm packages, once per page. Leaflet is a classic script
// that sets window.L; the plugin extends it.
const kBase = '/vendor/leaflet/';

function stylesheet(href) {
  return new Promise((resolve, reject) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    link.onload = resolve;
    link.onerror = () => reject(new Error('cannot load ' + href));
    document.head.append(link);
  });
}

function script(src) {
  return new Promise((resolve, reject) => {
    const el = Object.assign(document.createElement('script'), { src, async: false });
    el.onload = resolve;
    el.onerror = () => reject(new Error('cannot load ' + src));
    document.head.append(el);
  });
}

let leaflet = null;
let cluster = null;

export function loadLeaflet({ clustered = false } = {}) {
  leaflet ??= Promise.all([stylesheet(kBase + 'leaflet.css'), stylesheet('/css/map.css'),
    script(kBase + 'leaflet.js')]).then(() => window.L);
  if (!clustered) return leaflet;
  cluster ??= leaflet.then(() => Promise.all([stylesheet(kBase + 'MarkerCluster.css'),
    stylesheet(kBase + 'MarkerCluster.Default.css'), script(kBase + 'leaflet.markercluster.js')]))
    .then(() => window.L);
  return cluster;
}

// Leaflet writes the attribution as HTML; the operator's setting is text.
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The tile layer of the server's setting. `onFailure` is called once when tiles fail and
// none has loaded: the map stays usable without its pictures, and the page says so.
export function addTiles(L, map, cfg, onFailure) {
  // The origin as Referer (no path), which OpenStreetMap's tile policy asks for; the pages'
  // own Referrer-Policy sends nothing elsewhere.
  const layer = L.tileLayer(cfg.tiles, {
    attribution: escapeHtml(cfg.attribution ?? ''), maxZoom: 19, referrerPolicy: 'strict-origin',
  });
  let loaded = 0;
  let told = false;
  layer.on('tileload', () => { loaded += 1; });
  layer.on('tileerror', () => {
    if (loaded || told) return;
    told = true;
    onFailure();
  });
  layer.addTo(map);
  return layer;
}

// The whole of Indonesia, for a map that has no position yet.
export const kIndonesia = [[-11, 95], [6, 141]];
