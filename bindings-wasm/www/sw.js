// Offline once loaded: every asset of the page is local; this worker keeps a copy of each one
// fetched and answers from it when the network (the local server) is gone.
const CACHE = 'chibo-page-v3';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    const pkg = await (await fetch('pkg/files.json')).json(); // written by scripts/build-wasm
    await cache.addAll(['./', 'index.html', 'style.css', 'app.js', 'i18n.js', 'dashboard.js',
      'lifecycle.js', 'meeting.js', 'exports.js', 'store.js', 'typing.js', 'doc.html', 'doc.js', ...pkg]);
    // The sample journal, when the page is served with one.
    await cache.add('data/nga-truong.jsonl').catch(() => {});
  }).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// Network first (a rebuilt package or a new journal is seen at once), the copy when offline.
self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  event.respondWith(fetch(event.request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(event.request, copy));
    }
    return response;
  }).catch(() => caches.match(event.request).then((hit) => hit ?? Response.error())));
});
