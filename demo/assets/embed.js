/*
 * The video player stand-in inside the tagged iframe: like a real embedded
 * player it reports a view to its vendor (answered locally by the demo's
 * service worker) as soon as it loads, which is why it waits for consent.
 */
new Image().src = 'https://www.youtube-nocookie.com/api/stats/playback?docid=f2f-product-tour&el=embedded&ns=yt';
