/*
 * Demo only: registers the service worker that answers tracker URLs locally
 * (demo/sw.js). It runs right after the guard so the worker controls the page
 * (clients.claim) long before a visitor can allow a category: until then the
 * guard keeps every tracker blocked, so no tracker request can miss the worker.
 */
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { type: 'module', scope: '/' }).catch(function (error) {
    console.warn('consentry demo: the service worker did not register; tracker URLs cannot be answered locally', error);
  });
}
