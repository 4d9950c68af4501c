// The calls of "My reports on any phone" (/api/v1/me/...): ask for a one-time code, sign this
// phone in with it, list, link and unlink reports, sign out. A 401 means the server no
// longer knows this phone's sign-in (signed out elsewhere, expired): it is forgotten here too.
import { request } from './api.js';
import { deviceHeaders, forgetDeviceSession, saveDeviceSession } from './device_token.js';

const send = (method, body) => ({
  method,
  headers: { 'Content-Type': 'application/json', ...deviceHeaders() },
  body: JSON.stringify(body),
});

function forgetOn401(res) {
  if (res.status === 401) forgetDeviceSession();
  return res;
}

// "0812****7890", "b***@contoh.id": enough for the owner to recognise, little for a
// passer-by looking at the screen.
export function maskContact(key, isEmail) {
  if (isEmail) {
    const at = key.indexOf('@');
    return key.slice(0, 1) + '***' + key.slice(at);
  }
  const local = key.startsWith('+62') ? '0' + key.slice(3) : key;
  return local.slice(0, 4) + '****' + local.slice(-4);
}

export const requestCode = (contact, language) =>
  request('/api/v1/me/code', send('POST', { contact, language }));

// `shown`: the contact as this phone will show it (masked).
export async function signIn(contact, code, shown) {
  const res = await request('/api/v1/me/session', send('POST', { contact, code }));
  if (res.ok) saveDeviceSession({ token: res.data.token, contact: shown, expires_at: res.data.expires_at });
  return res;
}

export async function linkedReports() {
  return forgetOn401(await request('/api/v1/me/reports', { headers: deviceHeaders() }));
}

export async function linkReport(trackingId, pin, anonymousConsent = false) {
  return forgetOn401(await request('/api/v1/me/reports',
    send('POST', { tracking_id: trackingId, pin, anonymous_consent: anonymousConsent })));
}

export async function unlinkReport(trackingId) {
  return forgetOn401(await request('/api/v1/me/reports/' + encodeURIComponent(trackingId),
    { method: 'DELETE', headers: deviceHeaders() }));
}

// This phone only, or every phone signed in with the contact (a lost one too).
export async function signOut(everywhere) {
  const res = await request(everywhere ? '/api/v1/me/sessions' : '/api/v1/me/session',
    { method: 'DELETE', headers: deviceHeaders() });
  if (res.ok || res.status === 401) forgetDeviceSession();
  return res;
}
