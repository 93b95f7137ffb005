/*
 * Stand-in for CNZZ / Umeng web statistics (z_stat.php, e.g. https://s9.cnzz.com/z_stat.php?id=<site>&show=pic),
 * served locally. The standard CNZZ snippet writes this script with document.write. Like the real one it:
 * - fills the icon <span id="cnzz_stat_icon_<site>"> the snippet wrote;
 * - sets `CNZZDATA<site>` (visit counter, 6 months) and `UM_distinctid` (visitor id, 6 months) cookies;
 * - sends the page view as an image pixel to https://z9.cnzz.com/stat.htm?id=<site>&…
 * (The real one writes its next script with document.write; this stand-in uses the DOM,
 * which also works when the script was released after the page loaded.)
 * Test hook: counts its runs in window.__standIns.cnzz.
 */
(function () {
  var runs = (window.__standIns = window.__standIns || {});
  runs.cnzz = (runs.cnzz || 0) + 1;

  var script = document.currentScript;
  var site = ((script && script.src.match(/[?&]id=(\d+)/)) || [])[1] || 'unknown';
  var expires = '; expires=' + new Date(Date.now() + 182 * 864e5).toUTCString() + '; path=/';
  var id = (document.cookie.match(/(?:^|; )UM_distinctid=([^;]*)/) || [])[1] || Date.now().toString(16) + '-' + Math.random().toString(16).slice(2);
  document.cookie = 'UM_distinctid=' + id + expires;
  document.cookie = 'CNZZDATA' + site + '=' + id + '-' + Math.floor(Date.now() / 1000) + '%7C1' + expires;
  var icon = document.getElementById('cnzz_stat_icon_' + site);
  if (icon) icon.textContent = '站长统计';
  new Image().src = 'https://z9.cnzz.com/stat.htm?id=' + site + '&r=' + encodeURIComponent(document.referrer) + '&lg=zh-cn&ntime=' + Date.now() + '&cnzz_eid=' + id;
})();
