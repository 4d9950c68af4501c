// "Riwayat perubahan": the administration's append-only log as the admin pages show it,
// the newest first: when, who, what, on what, and the values before and after.
import { formatDateTime, t } from '../i18n.js';
import { adminEvents } from './api.js';

// A value as a line: a map (an agency's service codes) as its pairs.
function shown(v) {
  if (v === '' || v === null) return '—';
  if (typeof v === 'object') return Object.entries(v).map(([a, b]) => `${a}=${b}`).join(' ') || '—';
  return v;
}

function values(change) {
  return Object.entries(change ?? {}).map(([k, v]) => `${k}: ${shown(v)}`).join(', ');
}

export function describe(e) {
  const what = t('admin.action.' + e.action);
  const before = values(e.before), after = values(e.after);
  const change = before && after ? ` (${before} → ${after})` : after ? ` (${after})` : '';
  return `${formatDateTime(e.at)} · ${e.actor} · ${what}: ${e.target}${change}`;
}

// Fills `list` with the events whose target is of one of `kinds`.
export async function showHistory(list, kinds) {
  const res = await adminEvents(kinds.length === 1 ? kinds[0] : '');
  if (!res.ok) return;
  const shown = res.data.filter((e) => kinds.includes(e.target_kind));
  list.replaceChildren(...(shown.length ? shown.map((e) => Object.assign(document.createElement('li'), { textContent: describe(e) }))
    : [Object.assign(document.createElement('li'), { textContent: t('admin.history.none') })]));
}
