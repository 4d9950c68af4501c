// The submit page's map: the citizen taps (or moves the map and presses "centre") to put a
// pin; the pin's position becomes the report's location.lat/lon, and the region near it is
// suggested in the region picker, which stays the way to choose a region without the map.
// The guess comes from the server (GET /api/v1/regions/near), never from rules here.
import { request } from '../api.js';
import { applyTranslations, onLangChange, t } from '../i18n.js';
import { chooseRegion } from '../region_picker.js';
import './messages.js';
import { addTiles, kIndonesia, loadLeaflet } from './loader.js';

const $ = (id) => document.getElementById(id);

// Six decimals: about 10 cm, what the form keeps; the public never sees more than the grid.
const round6 = (x) => Math.round(x * 1e6) / 1e6;

let lastSuggestion = '';  // the region the map filled in, which a new pin may replace

function regionNote(text, offer) {
  const note = $('map-region');
  note.replaceChildren(text);
  if (offer) {
    const use = Object.assign(document.createElement('button'), {
      type: 'button', className: 'link', textContent: t('map.region.use'),
    });
    use.addEventListener('click', async () => {
      lastSuggestion = offer.region_code;
      await chooseRegion(offer.region_code);
      regionNote(t('map.region.suggested', { name: offer.full_name }));
    });
    note.append(' ', use);
  }
  note.hidden = false;
}

// Fills the region picker from the pin unless the citizen chose a region of their own; then
// it only offers the map's guess.
async function suggestRegion(p) {
  const res = await request(`/api/v1/regions/near?lat=${p.lat}&lon=${p.lon}`);
  if (!res.ok) return;
  const guess = res.data;
  if (!guess.region_code) return regionNote(t('map.region.none'));
  const current = $('location-region_code').value;
  if (current && current !== lastSuggestion && !current.startsWith(guess.region_code + '.')) {
    return regionNote(t('map.region.offer', { name: guess.full_name }), guess);
  }
  if (current === guess.region_code || current.startsWith(guess.region_code + '.')) {
    // The picker already holds the guessed area or a place inside it: nothing to change
    // (refilling it would empty the lists for a moment under the citizen's eyes).
    return regionNote(t('map.region.suggested', { name: guess.full_name }));
  }
  lastSuggestion = guess.region_code;
  await chooseRegion(guess.region_code);
  regionNote(t('map.region.suggested', { name: guess.full_name }));
}

// Builds the map in #map-canvas. `form.position()` is the report's current position or
// null; `form.place(p)` sets it. Resolves to {show(visible)}; rejects if Leaflet cannot load.
export async function openPicker(cfg, form) {
  const panel = $('map-panel');
  const status = $('map-status');
  status.textContent = t('map.loading');
  const L = await loadLeaflet();
  applyTranslations(panel);  // its texts came with the map's messages
  panel.hidden = false;
  status.textContent = '';
  const canvas = $('map-canvas');
  const map = L.map(canvas);
  addTiles(L, map, cfg, () => { status.textContent = t('map.tiles_failed'); });
  const start = form.position();
  if (start) map.setView([start.lat, start.lon], 16);
  else map.fitBounds(kIndonesia);

  let marker = null;
  const place = (latlng) => {
    const p = { lat: round6(latlng.lat), lon: round6(L.Util.wrapNum(latlng.lng, [-180, 180], true)) };
    if (!marker) {
      marker = L.marker([p.lat, p.lon], { draggable: true, keyboard: true, title: t('map.marker'), alt: t('map.marker') }).addTo(map);
      marker.on('dragend', () => place(marker.getLatLng()));
    } else {
      marker.setLatLng([p.lat, p.lon]);
    }
    form.place(p);
    suggestRegion(p);
  };
  if (start) {
    marker = L.marker([start.lat, start.lon], { draggable: true, title: t('map.marker'), alt: t('map.marker') }).addTo(map);
    marker.on('dragend', () => place(marker.getLatLng()));
  }
  map.on('click', (event) => place(event.latlng));
  $('map-center').addEventListener('click', () => place(map.getCenter()));
  // "Remove position" below the map takes the pin away too.
  $('gps-remove').addEventListener('click', () => {
    marker?.remove();
    marker = null;
  });
  onLangChange(() => marker?.getElement()?.setAttribute('alt', t('map.marker')));
  return {
    show(visible) {
      panel.hidden = !visible;
      if (visible) {
        map.invalidateSize();
        const p = form.position();
        if (!p && marker) {  // the position was removed below the map
          marker.remove();
          marker = null;
        }
        if (p && !marker?.getLatLng().equals([p.lat, p.lon])) map.setView([p.lat, p.lon], Math.max(map.getZoom(), 15));
      }
    },
  };
}
