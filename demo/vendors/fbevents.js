/*
 * Stand-in for Meta Pixel's fbevents.js (https://connect.facebook.net/en_US/fbevents.js),
 * served locally. Like the real library it:
 * - takes over the `fbq` queue the standard snippet created (fbq('init', id), fbq('track', 'PageView'));
 * - sets the `_fbp` browser-id cookie (fb.1.<time>.<random>, 90 days, broadest domain);
 * - sends each event as an image pixel to https://www.facebook.com/tr/?id=…&ev=…
 *   (and later fbq('track', …) calls at once).
 * Test hook: counts its runs in window.__standIns.meta.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.meta = (runs.meta || 0) + 1;

  var fbq = window.fbq;
  if (!fbq) return;
  var pixels = [];
  var fbp = (document.cookie.match(/(?:^|; )_fbp=([^;]*)/) || [])[1];
  if (!fbp) {
    fbp = 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e10);
    document.cookie = '_fbp=' + fbp + '; expires=' + new Date(Date.now() + 90 * 864e5).toUTCString() + '; path=/';
  }
  function track(event) {
    for (var i = 0; i < pixels.length; i++) {
      new Image().src = 'https://www.facebook.com/tr/?id=' + pixels[i] + '&ev=' + encodeURIComponent(event) +
        '&dl=' + encodeURIComponent(location.href) + '&fbp=' + fbp + '&ts=' + Date.now();
    }
  }
  function call(args) {
    if (args[0] === 'init') pixels.push(args[1]);
    else if (args[0] === 'track' || args[0] === 'trackCustom') track(args[1]);
  }
  fbq.callMethod = function () {
    call(arguments);
  };
  var queue = fbq.queue || [];
  fbq.queue = [];
  for (var i = 0; i < queue.length; i++) call(queue[i]);
})();
