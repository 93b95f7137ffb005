/*
 * Stand-in for the LinkedIn Insight Tag library (https://snap.licdn.com/li.lms-analytics/insight.min.js),
 * served locally. Like the real library it:
 * - reads the partner ids the standard snippet put in window._linkedin_data_partner_ids;
 * - sets the first-party `li_fat_id` cookie (30 days) when first-party cookies are on, as they are by default;
 * - sends a page view as an image pixel to https://px.ads.linkedin.com/collect/?pid=…&fmt=gif
 *   and an attribution ping with navigator.sendBeacon to https://px.ads.linkedin.com/wa/.
 * Test hook: counts its runs in window.__standIns.linkedin.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.linkedin = (runs.linkedin || 0) + 1;

  var ids = window._linkedin_data_partner_ids || [];
  if (!/(?:^|; )li_fat_id=/.test(document.cookie)) {
    document.cookie = 'li_fat_id=' + Math.random().toString(16).slice(2) +
      '; expires=' + new Date(Date.now() + 30 * 864e5).toUTCString() + '; path=/';
  }
  for (var i = 0; i < ids.length; i++) {
    new Image().src = 'https://px.ads.linkedin.com/collect/?pid=' + ids[i] + '&fmt=gif&url=' + encodeURIComponent(location.href) + '&time=' + Date.now();
    navigator.sendBeacon('https://px.ads.linkedin.com/wa/', JSON.stringify({ pids: [ids[i]], scriptVersion: 1, time: Date.now(), url: location.href }));
  }
  var queue = (window.lintrk && window.lintrk.q) || [];
  window.lintrk = function (action, data) {
    if (action === 'track') new Image().src = 'https://px.ads.linkedin.com/collect/?pid=' + ids[0] + '&fmt=gif&conversionId=' + (data && data.conversion_id);
  };
  for (var j = 0; j < queue.length; j++) window.lintrk(queue[j][0], queue[j][1]);
})();
