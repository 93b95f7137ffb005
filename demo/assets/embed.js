/*
 * The video player stand-in inside the tagged iframe: like a real embedded
 * player it reports a view to its vendor (answered locally by the demo's
 * service worker) as soon as it loads, which is why it waits for consent.
 * The worker tells this frame about the request; the frame passes it on to
 * the tracker monitor of the page around it.
 */
if ('serviceWorker' in navigator && window.parent !== window) {
  navigator.serviceWorker.addEventListener('message', function (event) {
    if (!event.data || event.data.type !== 'consentry-demo:request') return;
    window.parent.document.dispatchEvent(new CustomEvent('consentry-demo:request', { detail: event.data.report }));
  });
  navigator.serviceWorker.startMessages();
}
new Image().src = 'https://www.youtube-nocookie.com/api/stats/playback?docid=f2f-product-tour&el=embedded&ns=yt';
