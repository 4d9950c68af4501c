// What the phone keeps for the citizen, in IndexedDB (files do not fit in localStorage):
//   files   - the photos and PDFs of the report being written, so a reload loses none
//   outbox  - reports written offline, waiting with the citizen's consent to be sent
// Every call resolves, never rejects: a phone in private mode or out of space keeps
// working, it just remembers less.
const kName = 'aduan';
const kStores = ['files', 'outbox'];

// Whether the database exists: a visit that only reads does not create it (a long task at
// start on a slow phone, and a trace left behind).
// Browsers that cannot list their databases (or have none) answer true: open() decides.
async function exists() {
  if (opened) return true;
  try {
    if (typeof indexedDB.databases !== 'function') return true;
    return (await indexedDB.databases()).some((d) => d.name === kName);
  } catch {
    return true;
  }
}

let opened = null;
function open() {
  if (!opened) {
    opened = new Promise((resolve) => {
      let request;
      try { request = indexedDB.open(kName, 1); } catch { resolve(null); return; }
      request.onupgradeneeded = () => {
        for (const name of kStores) {
          if (!request.result.objectStoreNames.contains(name)) {
            request.result.createObjectStore(name, { keyPath: 'key' });
          }
        }
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    });
  }
  return opened;
}

async function run(store, mode, fn, fallback) {
  if (mode === 'readonly' && !(await exists())) return fallback;
  const db = await open();
  if (!db) return fallback;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(store, mode);
      const request = fn(tx.objectStore(store));
      tx.oncomplete = () => resolve(request?.result ?? fallback);
      tx.onerror = tx.onabort = () => resolve(fallback);
    } catch {
      resolve(fallback);
    }
  });
}

export const putItem = (store, item) => run(store, 'readwrite', (s) => s.put(item), null);
export const getItem = (store, key) => run(store, 'readonly', (s) => s.get(key), null);
export const allItems = (store) => run(store, 'readonly', (s) => s.getAll(), []);
export const deleteItem = (store, key) => run(store, 'readwrite', (s) => s.delete(key), null);

// A random key for an item or a submission (the server's Idempotency-Key accepts it).
export function newKey(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return prefix + '-' + [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
