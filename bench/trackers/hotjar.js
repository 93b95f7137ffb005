/*
 * Bench stand-in for Hotjar's hotjar-<id>.js, answered for
 * https://static.hotjar.com/c/hotjar-*.js on every bench page. Sets Hotjar's
 * cookie and sends a hit by beacon, as the session recorder does.
 */
(function () {
  if (window.__benchHotjar) return;
  window.__benchHotjar = { ranAt: performance.now() };
  document.cookie = '_hjSessionUser_3200001=' + Math.random().toString(36).slice(2) + '; path=/; max-age=31536000; SameSite=Lax';
  navigator.sendBeacon('https://in.hotjar.com/api/v2/client/sites/3200001/visit-data', JSON.stringify({ page: location.pathname }));
})();
