// The service worker: keeps the citizen's pages, scripts and the wasm core on the phone so
// that aduan opens without a connection and repeat visits cost no data. The server fills in
// the file list and the version (server/http/assets.cpp); a new release changes this script, and
// the browser then fetches the new files once and drops the old ones.
const VERSION = '__ADUAN_VERSION__';
const FILES = "__ADUAN_FILES__";
const APP = `aduan-app-${VERSION}`;
const DATA = 'aduan-data';  // the catalogue and region lists, refreshed whenever online

// FILES: [path, ETag] pairs. The page that registered this worker has just downloaded most
// of them: the browser's copy is taken when its ETag is this release's, so a first visit does
// not ask the server for every file a second time; any other file is fetched afresh.
async function store(cache, [path, etag]) {
  let response = await fetch(path, { cache: 'force-cache' });
  if (!response.ok || !etag || response.headers.get('ETag') !== etag) {
    response = await fetch(path, { cache: 'reload' });
  }
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  await cache.put(path, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(APP);
    await Promise.all(FILES.map((file) => store(cache, file)));
    await self.skipWaiting();
  })());
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
  // A file not stored at install (the tracking and transparency pages and their scripts) is
  // kept the first time it comes from the network, so the page opens offline afterwards.
  event.respondWith((async () => {
    const cache = await caches.open(APP);
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      cache.put(request.mode === 'navigate' ? url.pathname : request, response.clone());
    }
    return response;
  })());
});
