// Runs while the page is parsed, before the runtime: whether a service worker controls the page then, and what became of each request.
const made = (window.scriptMade = {
  controlled: !!navigator.serviceWorker.controller,
  fetch: 'pending',
  beacon: navigator.sendBeacon('http://www.clarity.ms/collect?from=beacon', 'hit'),
  image: 'pending',
});
fetch('http://tajs.qq.com/collect?from=page').then(
  () => (made.fetch = 'sent'),
  (error) => (made.fetch = error.name),
);
const image = new Image();
image.onload = () => (made.image = 'loaded');
image.onerror = () => (made.image = 'error');
image.src = 'http://px.ads.linkedin.com/collect/?pid=2&fmt=gif';
