/*
 * Stand-in for Hotjar's tracking script (https://static.hotjar.com/c/hotjar-<id>.js?sv=6), served locally.
 * Hotjar records sessions, and this stand-in keeps behaving like it:
 * - reads window._hjSettings from the standard snippet and takes over the `hj` queue;
 * - sets `_hjSessionUser_<id>` (1 year) and `_hjSession_<id>` (30 minutes) cookies;
 * - opens a WebSocket to wss://ws.hotjar.com/api/v2/client/ws and sends a recording frame every second;
 * - posts the visit data with XMLHttpRequest to https://in.hotjar.com/api/v2/client/sites/<id>/visit-data
 *   every second, refreshing `_hjSession_<id>` each time, for as long as the page lives.
 * A consent manager cannot unload it; it must stop every message and cookie after a withdrawal.
 * Test hook: counts its runs in window.__standIns.hotjar.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.hotjar = (runs.hotjar || 0) + 1;

  var settings = window._hjSettings || {};
  var id = settings.hjid;
  var user = Math.random().toString(36).slice(2);
  function set(name, value, seconds) {
    document.cookie = name + '=' + encodeURIComponent(JSON.stringify(value)) + '; max-age=' + seconds + '; path=/';
  }
  set('_hjSessionUser_' + id, { id: user, created: Date.now(), existing: false }, 365 * 86400);
  var socket = new WebSocket('wss://ws.hotjar.com/api/v2/client/ws');
  socket.addEventListener('error', function () {});
  var frame = 0;
  function tick() {
    frame++;
    set('_hjSession_' + id, { id: user, c: Date.now(), s: 0, r: 0, sb: 0 }, 1800);
    var request = new XMLHttpRequest();
    request.open('POST', 'https://in.hotjar.com/api/v2/client/sites/' + id + '/visit-data?sv=' + settings.hjsv);
    request.onerror = function () {};
    request.send(JSON.stringify({ user: user, frame: frame, url: location.href }));
    if (socket.readyState === 1) socket.send(JSON.stringify({ frame: frame, mutations: [] }));
  }
  window.hj = function () {};
  tick();
  setInterval(tick, 1000);
})();
