// The region picker: province, then regency or city, then district, from the server's
// lists (which the service worker keeps for offline use). The deepest choice is the
// report's location.region_code; every level is optional.
import { getRegions } from './api.js';
import { t } from './i18n.js';

const levels = ['province', 'regency', 'district'];
const select = (level) => document.getElementById('region-' + level);
const hidden = () => document.getElementById('location-region_code');

async function fill(level, parent) {
  const el = select(level);
  el.replaceChildren(new Option(t('region.choose.' + level), ''));
  el.disabled = true;
  if (level !== 'province' && !parent) return;
  const res = await getRegions(parent);
  if (!res.ok) return;
  for (const r of res.data) el.append(new Option(r.name, r.code));
  el.disabled = false;
}

function deepest() {
  for (const level of [...levels].reverse()) if (select(level).value) return select(level).value;
  return '';
}

// `code`: a saved draft's region ("63", "63.03", "63.03.05"); empty clears the picker.
async function setRegion(code) {
  const parts = (code ?? '').split('.');
  await fill('province', '');
  for (let i = 0; i < levels.length; ++i) {
    const value = parts.slice(0, i + 1).join('.');
    if (i < parts.length && code) select(levels[i]).value = value;
    if (i + 1 < levels.length) await fill(levels[i + 1], select(levels[i]).value);
  }
  hidden().value = deepest();
}

let changed = null;  // the page's callback after the citizen's (or the map's) choice

// Sets the picker to `code` as if the citizen had chosen it (the map's suggestion).
export async function chooseRegion(code) {
  await setRegion(code);
  changed?.();
}

export function initRegionPicker(onChange) {
  changed = onChange;
  levels.forEach((level, i) => {
    select(level).addEventListener('change', async () => {
      for (let j = i + 1; j < levels.length; ++j) {
        await fill(levels[j], j === i + 1 ? select(level).value : '');
      }
      hidden().value = deepest();
      onChange?.();
    });
  });
  return setRegion(hidden().value);
}

// The labels of the placeholder options follow the language.
export function relabelRegions() {
  for (const level of levels) {
    const first = select(level).options[0];
    if (first) first.textContent = t('region.choose.' + level);
  }
}
