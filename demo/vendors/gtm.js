/*
 * Stand-in for Google Tag Manager's container script
 * (https://www.googletagmanager.com/gtm.js?id=GTM-…), served locally. The
 * container it pretends to be holds one tag, a Google Ads remarketing tag with
 * the Conversion Linker, so it does what such a container does:
 * - reads the {event: 'gtm.js'} push of the standard snippet;
 * - sets the `_gcl_au` cookie (Conversion Linker, 90 days);
 * - fires the remarketing pixel (image) to
 *   https://googleads.g.doubleclick.net/pagead/viewthroughconversion/<id>/ and a
 *   fetch to https://www.google.com/pagead/1p-user-list/<id>/.
 * GTM itself is analytics in Consentry's rules; its Ads tag is advertising, so
 * with analytics allowed and advertising denied the container runs but its
 * hits and cookie stay blocked.
 * Test hook: counts its runs in window.__standIns.gtm.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.gtm = (runs.gtm || 0) + 1;

  var adsId = '960000001';
  var dataLayer = (window.dataLayer = window.dataLayer || []);
  var started = false;
  for (var i = 0; i < dataLayer.length; i++) if (dataLayer[i] && dataLayer[i].event === 'gtm.js') started = true;
  if (!started) return;

  document.cookie = '_gcl_au=1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000) +
    '; expires=' + new Date(Date.now() + 90 * 864e5).toUTCString() + '; path=/';
  new Image().src = 'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/' + adsId +
    '/?random=' + Date.now() + '&url=' + encodeURIComponent(location.href);
  fetch('https://www.google.com/pagead/1p-user-list/' + adsId + '/?random=' + Date.now(), { mode: 'no-cors' }).catch(function () {});
  dataLayer.push({ event: 'gtm.load' });
})();
