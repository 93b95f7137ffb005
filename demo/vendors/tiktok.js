/*
 * Stand-in for the TikTok Pixel SDK (https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=…&lib=ttq),
 * served locally. Like the real library it:
 * - takes over the `ttq` queue of the standard snippet (ttq.load(id), ttq.page());
 * - sets the `_ttp` cookie (anonymous id, 13 months) and `_tt_enable_cookie`;
 * - sends each event with fetch (POST, JSON) to https://analytics.tiktok.com/api/v2/pixel,
 *   falling back to navigator.sendBeacon when fetch fails.
 * Test hook: counts its runs in window.__standIns.tiktok.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.tiktok = (runs.tiktok || 0) + 1;

  var ttq = window[window.TiktokAnalyticsObject || 'ttq'];
  if (!ttq) return;
  var expires = '; expires=' + new Date(Date.now() + 395 * 864e5).toUTCString() + '; path=/';
  var ttp = (document.cookie.match(/(?:^|; )_ttp=([^;]*)/) || [])[1];
  if (!ttp) {
    ttp = Math.random().toString(36).slice(2) + Date.now().toString(36);
    document.cookie = '_ttp=' + ttp + expires;
    document.cookie = '_tt_enable_cookie=1' + expires;
  }
  var ids = Object.keys(ttq._i || {});
  function send(event) {
    for (var i = 0; i < ids.length; i++) {
      var body = JSON.stringify({ event: event, pixel_code: ids[i], context: { page: { url: location.href }, user: { anonymous_id: ttp } }, timestamp: new Date().toISOString() });
      fetch('https://analytics.tiktok.com/api/v2/pixel', { method: 'POST', body: body, keepalive: true, mode: 'no-cors' }).catch(function () {
        navigator.sendBeacon('https://analytics.tiktok.com/api/v2/pixel?beacon=1', body);
      });
    }
  }
  function call(args) {
    if (args[0] === 'page') send('Pageview');
    else if (args[0] === 'track') send(args[1]);
  }
  var queue = ttq.slice ? ttq.slice() : [];
  ttq.length = 0;
  for (var i = 0; i < queue.length; i++) call(queue[i]);
  ttq.push = function (args) {
    call(args);
  };
  ttq.page = function () {
    send('Pageview');
  };
  ttq.track = function (event) {
    send(event);
  };
})();
