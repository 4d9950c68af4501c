// The service worker: keeps the citizen's pages, scripts and the wasm core on the phone so
// that aduan opens without a connection and repeat visits cost no data. The server fills in
// the file list and the version (server/assets.cpp); a new release changes this script, and
// the browser then fetches the new files once and drops the old ones.
const VERSION = '__ADUAN_VERSION__';
const FILES = "__ADUAN_FILES__";
const APP = `aduan-app-${VERSION}`;
const DATA = 'aduan-data';  // the catalogue and region lists, refreshed whenever online

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(APP).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== APP && name !== DATA) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Lists that change rarely and that the form needs offline: answered from the phone at
// once, refreshed in the background.
const kCachedApi = /^\/api\/v1\/(categories|agencies|regions)$/;

async function staleWhileRevalidate(request) {
  const cache = await caches.open(DATA);
  const cached = await cache.match(request);
  const fresh = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    fresh.catch(() => {});
    return cached;
  }
  return fresh;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/staff/')) return;
  if (kCachedApi.test(url.pathname)) {
    event.respondWith(staleWhileRevalidate(request));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;  // everything else is live or nothing
  // Pages ignore their query (?id=...): one copy of track.html serves every report.
  event.respondWith((async () => {
    const cache = await caches.open(APP);
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    return cached ?? fetch(request);
  })());
});
