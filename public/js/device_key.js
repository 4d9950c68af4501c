// The browser's device key: asked of the server once, kept on the phone, sent with each
// submission so that the phone is limited as itself and not as its whole carrier address
// (docs/security.md, "Submission limits"). It names this browser to the limiter only: the
// server keeps it in memory for an hour and never beside a report.
const kStorageKey = 'aduan.device';
let asking = null;

function stored() {
  try { return localStorage.getItem(kStorageKey) ?? ''; } catch { return ''; }
}

// The key, asking for one the first time; '' when none can be had now (offline, storage
// blocked, the address given its share of keys this hour): the submission then goes under
// the address's limit.
export function deviceKey() {
  const key = stored();
  if (key) return Promise.resolve(key);
  asking ??= (async () => {
    try {
      const res = await fetch('/api/v1/device-keys', { method: 'POST' });
      if (res.status !== 201) return '';
      const fresh = (await res.json()).device_key ?? '';
      try { localStorage.setItem(kStorageKey, fresh); } catch { /* the next page asks again */ }
      return fresh;
    } catch {
      return '';
    } finally {
      asking = null;
    }
  })();
  return asking;
}
