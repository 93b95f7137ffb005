/*
 * A single-page site for test/e2e/spa.test.ts: Preact renders routes,
 * navigation is history.pushState (and popstate for back). The shell renders
 * on every route, with the route in its props (so Preact patches it each
 * navigation): a pasted tracker script, a tagged inline script, a tagged
 * tracker pixel, in a keyed list whose order depends on the route (so Preact
 * moves them); and a page-view pixel whose src changes with the route.
 * Routes swap large parts of the DOM: /big renders 3,000 rows, among them
 * pasted tracker pixels.
 */
import { h, render } from 'preact';

const trackers = [
  h('script', { key: 'gtag', src: 'https://www.googletagmanager.com/gtag/js?id=G-SPA', async: true }),
  h('script', { key: 'tagged', type: 'text/plain', 'data-consent': 'analytics', dangerouslySetInnerHTML: { __html: 'window.taggedRuns = (window.taggedRuns || 0) + 1;' } }),
  h('img', { key: 'pixel', 'data-consent': 'advertising', 'data-src': 'https://px.ads.linkedin.com/collect/?pid=SPA&fmt=gif', alt: '' }),
];

function Shell({ route }) {
  // The same three elements on every route; on /big they come in reverse order (Preact moves the nodes).
  const ordered = route === '/big' ? trackers.slice().reverse() : trackers;
  return h('div', { id: 'shell', 'data-route': route }, [
    h('nav', null, ['/', '/big', '/other'].map((to) => h('a', { href: to, 'data-route': to, key: to }, to))),
    h('div', { id: 'trackers' }, ordered),
    // A page-view pixel, as SPAs send one: the same element, its src set again on every route (with a cache buster, as real ones have).
    h('img', { id: 'pageview', src: `https://www.facebook.com/tr?id=SPA&ev=PageView&dl=${encodeURIComponent(route)}&n=${views}`, alt: '' }),
    h('main', { id: 'page' }, page(route)),
  ]);
}

function page(route) {
  if (route === '/big') {
    const rows = [];
    for (let i = 0; i < 3000; i++)
      rows.push(h('li', { key: i }, i % 500 === 0 ? h('img', { src: `https://www.facebook.com/tr?id=SPA&ev=Row${i}`, alt: '' }) : `row ${i}`));
    return h('ul', { id: 'rows' }, rows);
  }
  return h('p', { id: 'text' }, route === '/other' ? 'Another page.' : 'Home.');
}

const root = document.getElementById('app');
let views = 0;
const show = () => {
  views++;
  render(h(Shell, { route: location.pathname.replace(/^\/spa/, '') || '/' }), root);
};

window.navigate = (to) => {
  history.pushState(null, '', '/spa' + to);
  show();
};
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  window.navigate(link.getAttribute('data-route'));
});
addEventListener('popstate', show);
show();
window.appReady = true;
