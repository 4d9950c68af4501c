// The sign-in this phone holds for "My reports on any phone": the token the server gave for
// the contact (it keeps only a digest of it) and the contact as shown, masked. Kept in this
// browser's storage only; signing out forgets it here and on the server.
const kKey = 'aduan.device';

export function deviceSession() {
  try {
    const s = JSON.parse(localStorage.getItem(kKey) ?? 'null');
    return s && typeof s.token === 'string' && s.token ? s : null;
  } catch {
    return null;
  }
}

export function saveDeviceSession(session) {
  try { localStorage.setItem(kKey, JSON.stringify(session)); } catch { /* full or blocked */ }
}

export function forgetDeviceSession() {
  try { localStorage.removeItem(kKey); } catch { /* blocked: nothing kept either */ }
}

// The header that lets the citizen's report calls go without the PIN for linked reports.
export function deviceHeaders() {
  const s = deviceSession();
  return s ? { Authorization: 'Bearer ' + s.token } : {};
}
