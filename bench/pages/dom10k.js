// Inserts 10,000 elements one by one (divs with text, every tenth an <img>, every hundredth a
// first-party <script>), then waits one microtask so mutation observers have run, and records
// the time. The bench compares this page with and without the guard. With ?after=load the
// insertions start after the load event (a single-page app rendering), else while the HTML is parsed.
(function () {
  function run() {
  var t0 = performance.now();
  for (var i = 0; i < 10000; i++) {
    var el;
    if (i % 100 === 0) {
      el = document.createElement('script');
      el.textContent = 'window.__dom10kScripts = (window.__dom10kScripts || 0) + 1;';
    } else if (i % 10 === 0) {
      el = document.createElement('img');
      el.alt = '';
    } else {
      el = document.createElement('div');
      el.className = 'row';
      el.textContent = 'Meeting ' + i;
    }
    document.body.appendChild(el);
  }
  Promise.resolve().then(function () {
    window.__dom10k = performance.now() - t0;
  });
  }
  if (/[?&]after=load/.test(location.search)) addEventListener('load', function () { setTimeout(run); });
  else run();
})();
