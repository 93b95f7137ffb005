/*
 * Bench stand-in for Google's gtag.js, answered for
 * https://www.googletagmanager.com/gtag/js?id=… on every bench page. Like the
 * real library it sets its first-party cookies and sends a page-view hit; it
 * also records when it executed, for "first allowed tracker executing".
 */
(function () {
  if (window.__benchGa) return;
  window.__benchGa = { ranAt: performance.now() };
  var id = 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000);
  document.cookie = '_ga=' + id + '; path=/; max-age=63072000; SameSite=Lax';
  document.cookie = '_ga_BENCH01=GS1.1.' + Math.floor(Date.now() / 1000) + '; path=/; max-age=63072000; SameSite=Lax';
  new Image().src = 'https://www.google-analytics.com/g/collect?v=2&tid=G-BENCH01&en=page_view&cid=' + id;
})();
