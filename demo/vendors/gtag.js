/*
 * Stand-in for Google's gtag.js with a GA4 property
 * (https://www.googletagmanager.com/gtag/js?id=G-…), served locally by the demo
 * and the tests. Like the real library it:
 * - reads the `dataLayer` queue the standard snippet filled (gtag('js'), gtag('config', 'G-…'));
 * - sets the `_ga` (client id, 2 years) and `_ga_<id>` (session, 2 years) cookies on the
 *   broadest domain that accepts them (GA's cookie_domain 'auto');
 * - sends a page_view hit with navigator.sendBeacon to https://region1.google-analytics.com/g/collect,
 *   falling back to fetch (keepalive) and then to an image pixel when the beacon is refused,
 *   and a user_engagement hit with fetch;
 * - replaces dataLayer.push so later gtag('event', …) calls send hits at once.
 * Test hook: counts its runs in window.__standIns.gtag.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.gtag = (runs.gtag || 0) + 1;

  function setCookieAuto(name, value, days) {
    var labels = location.hostname.split('.');
    var expires = '; expires=' + new Date(Date.now() + days * 864e5).toUTCString() + '; path=/';
    for (var i = labels.length - 2; i >= 0; i--) {
      var domain = labels.slice(i).join('.');
      if (/^\d+$/.test(labels[labels.length - 1])) break; // an IP address takes host-only cookies only
      document.cookie = name + '=' + value + expires + '; domain=' + domain;
      if (document.cookie.indexOf(name + '=' + value) >= 0) return;
    }
    document.cookie = name + '=' + value + expires;
  }
  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? match[1] : '';
  }

  var dataLayer = (window.dataLayer = window.dataLayer || []);
  var measurementIds = [];
  var now = Math.floor(Date.now() / 1000);

  function send(id, event, params) {
    var clientId = cookie('_ga').split('.').slice(2).join('.') || Math.floor(Math.random() * 1e9) + '.' + now;
    var url =
      'https://region1.google-analytics.com/g/collect?v=2&tid=' + id + '&cid=' + clientId + '&en=' + event +
      '&dl=' + encodeURIComponent(location.href) + '&dt=' + encodeURIComponent(document.title) +
      (params ? '&' + params : '');
    if (event === 'page_view') {
      if (navigator.sendBeacon && navigator.sendBeacon(url)) return;
      fetch(url, { method: 'POST', keepalive: true, mode: 'no-cors' }).catch(function () {
        new Image().src = url + '&_p=img';
      });
    } else {
      fetch(url, { method: 'POST', keepalive: true, mode: 'no-cors' }).catch(function () {});
    }
  }

  function handle(args) {
    if (!args || typeof args.length !== 'number') return; // objects such as {event: 'gtm.js'} belong to GTM
    if (args[0] === 'config' && measurementIds.indexOf(args[1]) < 0) {
      var id = args[1];
      measurementIds.push(id);
      if (!cookie('_ga')) setCookieAuto('_ga', 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + now, 730);
      setCookieAuto('_ga_' + id.replace(/^G-/, ''), 'GS1.1.' + now + '.1.0.' + now + '.0.0.0', 730);
      send(id, 'page_view');
      send(id, 'user_engagement', 'epn.engagement_time_msec=1');
    } else if (args[0] === 'event') {
      for (var i = 0; i < measurementIds.length; i++) send(measurementIds[i], args[1]);
    }
  }

  for (var i = 0; i < dataLayer.length; i++) handle(dataLayer[i]);
  var push = dataLayer.push;
  dataLayer.push = function () {
    for (var j = 0; j < arguments.length; j++) handle(arguments[j]);
    return push.apply(dataLayer, arguments);
  };
})();
