/*
 * Stand-in for Matomo's matomo.js (self-hosted: https://<your matomo>/matomo.js, or
 * cdn.matomo.cloud), served locally. Like the real library it:
 * - takes over the `_paq` queue of the standard snippet (setTrackerUrl, setSiteId, trackPageView);
 * - sets `_pk_id.<site>.<hash>` (visitor, 13 months) and `_pk_ses.<site>.<hash>` (30 minutes) cookies;
 * - sends each tracking request to the tracker URL (matomo.php) with navigator.sendBeacon,
 *   falling back to an image pixel.
 * Test hook: counts its runs in window.__standIns.matomo.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.matomo = (runs.matomo || 0) + 1;

  var trackerUrl = '';
  var site = '';
  var pending = [];
  var visitor = Math.random().toString(16).slice(2, 18);
  var hash = (location.hostname.length * 2654435761 % 65536).toString(16);
  function track(params) {
    if (!trackerUrl || !site) return pending.push(params);
    var url = trackerUrl + '?idsite=' + site + '&rec=1&_id=' + visitor + '&url=' + encodeURIComponent(location.href) + '&rand=' + Math.random() + params;
    if (!navigator.sendBeacon(url)) new Image().src = url;
  }
  function call(command) {
    var name = command[0];
    if (name === 'setTrackerUrl') trackerUrl = command[1];
    else if (name === 'setSiteId') {
      site = command[1];
      var expires = '; path=/; expires=';
      document.cookie = '_pk_id.' + site + '.' + hash + '=' + visitor + '.' + Math.floor(Date.now() / 1000) + expires + new Date(Date.now() + 395 * 864e5).toUTCString();
      document.cookie = '_pk_ses.' + site + '.' + hash + '=1' + expires + new Date(Date.now() + 30 * 6e4).toUTCString();
    } else if (name === 'trackPageView') track('&action_name=' + encodeURIComponent(document.title));
    else if (name === 'trackEvent') track('&e_c=' + encodeURIComponent(command[1]) + '&e_a=' + encodeURIComponent(command[2]));
    if (trackerUrl && site) while (pending.length) track(pending.shift());
  }
  var queue = window._paq || [];
  for (var i = 0; i < queue.length; i++) call(queue[i]);
  window._paq = { push: call };
})();
