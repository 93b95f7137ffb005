// A site's own service worker, served at /site-sw.js (scope: the whole site).
// Registered as /site-sw.js?import it imports Consentry's, as README "The service worker" shows;
// as /site-sw.js it does not. It answers /site-worker/seen with what its own listeners saw.
if (location.search === '?import') importScripts('/consentry-sw.js');

const seen = [];
const messages = [];
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => messages.push(event.data && event.data.consentry));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.pathname === '/site-worker/seen') event.respondWith(Response.json({ seen, messages }));
  else seen.push(url.host === location.host ? url.pathname : url.host + url.pathname);
});
