// Calls to the aduan API. Every failure comes back as {ok:false, status, code, message,
// errors, retryAfter}; a dropped connection has status 0 and code "network". retryAfter is
// the seconds a 429 or 503 asks to wait (0 when it says nothing). `message` is the page's
// own words for the code, in the citizen's language (server_errors.js), never the server's
// English.
import { deviceKey } from './device_key.js';
import { serverMessage } from './server_errors.js';

export async function request(path, options = {}) {
  let res;
  try {
    res = await fetch(path, { ...options, headers: { Accept: 'application/json', ...options.headers } });
  } catch {
    return { ok: false, status: 0, code: 'network', message: serverMessage({ status: 0 }), errors: [], retryAfter: 0 };
  }
  let body = null;
  try { body = await res.json(); } catch { /* an empty or non-JSON answer */ }
  if (res.ok) return { ok: true, status: res.status, data: body };
  const failure = {
    ok: false,
    status: res.status,
    code: body?.error?.code ?? 'http_' + res.status,
    errors: body?.errors ?? [],
    retryAfter: Number(res.headers.get('Retry-After')) || 0,
  };
  return { ...failure, message: serverMessage(failure) };
}

export const getCategories = () => request('/api/v1/categories');
export const getAgencies = () => request('/api/v1/agencies');
export const getReport = (trackingId) =>
  request('/api/v1/reports/' + encodeURIComponent(trackingId));
// `key`: the report's Idempotency-Key, the same on every try of the same report. The
// browser's device key, when it has one, lets it send under its own limit instead of its
// whole address's (device_key.js).
export async function submitReport(report, key) {
  const device = await deviceKey();
  return request('/api/v1/reports', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key ? { 'Idempotency-Key': key } : {}),
      ...(device ? { 'Device-Key': device } : {}),
    },
    body: JSON.stringify(report),
  });
}
export const getRegions = (parent = '') =>
  request('/api/v1/regions' + (parent ? '?parent=' + encodeURIComponent(parent) : ''));
// The reporter's copy of an attachment, as a Blob; null when it cannot be had.
export async function attachmentBlob(trackingId, pin, position) {
  try {
    const res = await fetch(`/api/v1/reports/${encodeURIComponent(trackingId)}/attachments/${position}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin }),
    });
    return res.ok ? await res.blob() : null;
  } catch {
    return null;
  }
}

// Repeated reports: the open ones like the text being written, and following one of them.
export const similarReports = (draft, signal) => request('/api/v1/reports/similar', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(draft),
  signal,
});
export const followReport = (trackingId, contact) => request(
  `/api/v1/reports/${encodeURIComponent(trackingId)}/follow`,
  { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(contact) });
// The contact's proof: the code sent to it ({phone|email, code}).
export const confirmFollow = (trackingId, body) => request(
  `/api/v1/reports/${encodeURIComponent(trackingId)}/follow/confirm`,
  { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

// The reporter's own view and actions: the PIN goes in the body, never in the address.
export const openReport = (trackingId, pin) => request(
  `/api/v1/reports/${encodeURIComponent(trackingId)}/access`,
  { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin }) });
export const citizenAct = (trackingId, body) => request(
  `/api/v1/reports/${encodeURIComponent(trackingId)}/actions`,
  { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
export const setReportNotifications = (trackingId, pin, enabled) => request(
  `/api/v1/reports/${encodeURIComponent(trackingId)}/notifications`,
  { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin, enabled }) });
