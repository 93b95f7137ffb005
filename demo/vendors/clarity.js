/*
 * Stand-in for Microsoft Clarity's tag (https://www.clarity.ms/tag/<project>), served locally.
 * Clarity is a session recorder, and this stand-in keeps behaving like one:
 * - takes over the `clarity` queue of the standard snippet;
 * - sets `_clck` (user id, 1 year) and `_clsk` (session, 1 day) cookies;
 * - uploads a "recording" batch every second with fetch (POST) to https://k.clarity.ms/collect,
 *   and rewrites `_clsk` on each upload, for as long as the page lives;
 * - sends the last batch with navigator.sendBeacon when the page is hidden.
 * A consent manager cannot unload it; it must stop every upload and cookie after a withdrawal.
 * Test hook: counts its runs in window.__standIns.clarity.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.clarity = (runs.clarity || 0) + 1;

  var project = (document.currentScript && document.currentScript.src.split('/tag/')[1]) || 'unknown';
  var user = (document.cookie.match(/(?:^|; )_clck=([^|;]*)/) || [])[1] || Math.random().toString(36).slice(2, 9);
  var session = Math.random().toString(36).slice(2, 9);
  var sequence = 0;
  function day(n) {
    return '; expires=' + new Date(Date.now() + n * 864e5).toUTCString() + '; path=/';
  }
  document.cookie = '_clck=' + user + '|2|f0|0' + day(365);
  function upload(final) {
    sequence++;
    document.cookie = '_clsk=' + session + '|' + Date.now() + '|' + sequence + '|1|k.clarity.ms/collect' + day(1);
    var body = JSON.stringify({ project: project, user: user, session: session, sequence: sequence, events: [['scroll', window.scrollY]] });
    if (final) navigator.sendBeacon('https://k.clarity.ms/collect', body);
    else fetch('https://k.clarity.ms/collect', { method: 'POST', body: body, mode: 'no-cors' }).catch(function () {});
  }
  var queue = (window.clarity && window.clarity.q) || [];
  window.clarity = function () {};
  void queue;
  upload(false);
  setInterval(function () {
    upload(false);
  }, 1000);
  addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') upload(true);
  });
})();
