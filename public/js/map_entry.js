// The door to a map: shows its button when the server has a map (GET /api/v1/map), and
// loads the map's code (js/map/), the library and the tiles only when the citizen presses
// it, so a page without the map costs one small request. If anything fails, the page works
// as it did without a map.
import { request } from './api.js';
import { addMessages } from './i18n.js';

// Only what shows before the map is opened; the rest comes with it (map/messages.js).
addMessages({
  id: {
    'map.open': 'Pilih di peta',
    'map.failed': 'Peta tidak dapat dimuat. Tulis lokasi dan pilih wilayah di bawah; laporan tetap dapat dikirim.',
    'map.public.open': 'Tampilkan peta laporan',
  },
  en: {
    'map.open': 'Choose on the map',
    'map.failed': 'The map could not be loaded. Describe the place and choose the region below; the report can still be sent.',
    'map.public.open': 'Show the map of reports',
  },
});

let config = null;

function mapConfig() {
  config ??= request('/api/v1/map').then((res) => (res.ok && res.data?.enabled ? res.data : null));
  return config;
}

// `button` toggles the map; `open(config)` loads and shows it the first time and resolves
// to {show(visible)}; a rejection is reported through `onFail`.
export async function initMapButton(button, open, onFail) {
  const cfg = await mapConfig();
  if (!cfg) return;
  button.hidden = false;
  button.setAttribute('aria-expanded', 'false');
  let shown = null;
  button.addEventListener('click', async () => {
    const visible = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(visible));
    try {
      shown ??= open(cfg);
      (await shown).show(visible);
    } catch {
      shown = null;
      button.setAttribute('aria-expanded', 'false');
      onFail();
    }
  });
}
