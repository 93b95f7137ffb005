/*
 * Stand-in for Baidu Tongji's hm.js (https://hm.baidu.com/hm.js?<site id>), served locally.
 * Like the real library it:
 * - reads the `_hmt` queue of the standard snippet (百度统计代码);
 * - sets `Hm_lvt_<site>` (visit times, 1 year) and `Hm_lpvt_<site>` (last visit, session) cookies;
 * - sends the page view as an image pixel to https://hm.baidu.com/hm.gif?si=<site>&…
 *   and each later _hmt.push(['_trackEvent', …]) as another pixel.
 * Test hook: counts its runs in window.__standIns.baidu.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.baidu = (runs.baidu || 0) + 1;

  var script = document.currentScript;
  var site = (script && script.src.split('?')[1]) || 'unknown';
  var now = Math.floor(Date.now() / 1000);
  var visits = (document.cookie.match(new RegExp('(?:^|; )Hm_lvt_' + site + '=([^;]*)')) || [])[1];
  visits = (visits ? decodeURIComponent(visits) + ',' : '') + now;
  document.cookie = 'Hm_lvt_' + site + '=' + encodeURIComponent(visits) + '; expires=' + new Date(Date.now() + 365 * 864e5).toUTCString() + '; path=/';
  document.cookie = 'Hm_lpvt_' + site + '=' + now + '; path=/';
  function pixel(extra) {
    new Image().src = 'https://hm.baidu.com/hm.gif?si=' + site + '&lt=' + now + '&u=' + encodeURIComponent(location.href) + '&rnd=' + Math.floor(Math.random() * 1e9) + extra;
  }
  pixel('');
  var queue = window._hmt || [];
  window._hmt = {
    push: function (command) {
      if (command && command[0] === '_trackEvent') pixel('&ep=' + encodeURIComponent(command.slice(1).join('*')));
    },
  };
  for (var i = 0; i < queue.length; i++) window._hmt.push(queue[i]);
})();
