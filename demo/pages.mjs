/**
 * The demo site's pages: a small marketing site for Webex Meet (Guangzhou F2F
 * Info Tech), with Consentry embedded the way the README tells site owners,
 * the vendors' snippets pasted as published, and a page per visitor control.
 * Everything here returns HTML strings; the server decides what to serve.
 */
import { readFileSync } from 'node:fs';
import { HEAD_SNIPPETS, BODY_END_SNIPPETS, VIDEO_EMBED } from './snippets.mjs';
import { renderPolicy } from './policy-page.mjs';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const NAV = [
  ['/', 'Home'],
  ['/pricing', 'Pricing'],
  ['/newsletter', 'Newsletter'],
  ['/privacy', 'Privacy policy'],
];
const TRY = [
  ['/try/unsubscribe', 'Email unsubscribe link'],
  ['/try/gpc', 'Global Privacy Control'],
  ['/try/policy-change', 'Policy change notice'],
  ['/try/opt-outs', 'Opt-out centre'],
  ['/ledger', 'Consent ledger'],
];

/**
 * One page of the site.
 * @param {{ path: string, title: string, main: string, config: object, gpc: boolean, embed?: boolean }} page
 */
export function layout({ path, title, main, config, gpc }) {
  const link = ([href, label]) =>
    `<a href="${href}"${href === path ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`;
  // The JSON goes inside <script>: "<" is escaped so no string can close the element.
  const configJson = JSON.stringify(config, null, 2).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- Consentry: the config (only what differs from the defaults; JSON, so it runs nothing), then the guard, the first script in <head>, synchronous. -->
<script type="application/json" id="consentry-config">
${configJson}
</script>
<!-- demo only, before the guard: keeps tracker WebSockets on this machine (a service worker cannot answer them) -->
<script src="/assets/local-websocket.js"></script>
${gpc ? '<!-- demo only: pretends the browser sends Global Privacy Control (see /try/gpc) -->\n<script src="/assets/simulate-gpc.js"></script>\n' : ''}<script src="/consentry/consentry.js"></script>
<!-- the site's default Trusted Types policy, for the vendor snippets below (CSP=strict npm start) -->
<script src="/assets/trusted-types.js"></script>
<title>${escapeHtml(title)} · Webex Meet</title>
<link rel="stylesheet" href="/assets/site.css">
<!-- demo only: the service worker that answers tracker URLs locally, and the tracker monitor -->
<script src="/assets/sw-register.js"></script>
<script type="module" src="/assets/monitor.js"></script>
${HEAD_SNIPPETS}
</head>
<body>
<header class="site-header">
  <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">W</span> Webex Meet</a>
  <nav aria-label="Main">${NAV.map(link).join('')}</nav>
</header>
<main id="main">
${main}
</main>
<footer class="site-footer">
  <nav aria-label="Try the privacy controls"><strong>Try the controls:</strong> ${TRY.map(link).join('')}</nav>
  <p>
    <button type="button" class="link-button" data-consentry-open="preferences">Cookie settings</button>
    <button type="button" class="link-button" data-consentry-open="optouts">Your privacy choices</button>
    <a href="/privacy">Privacy policy</a>
  </p>
  <p>© Guangzhou F2F Info Tech Co., Ltd · Room 406-407, No.1, Yichuang Street, Sino-Singapore Guangzhou Knowledge City, Huangpu District, Guangzhou · 广州科天视畅信息科技有限公司</p>
  <p class="demo-note">This is a demo of Consentry. No request leaves your machine: tracker libraries are local stand-ins.</p>
</footer>
${BODY_END_SNIPPETS}
</body>
</html>
`;
}

export function homePage() {
  return {
    title: 'Video meetings for every team',
    main: `<section class="hero">
  <h1>Meet face to face, from anywhere.</h1>
  <p class="lede">HD video meetings, screen sharing and cloud recording for teams of 2 to 1,000 — with servers in mainland China and across Asia.</p>
  <p><a class="button" href="/pricing">See plans</a> <a class="button button-quiet" href="/newsletter">Get product news</a></p>
</section>
<section class="features" aria-label="Features">
  <article><h2>Join in one click</h2><p>Join from the browser, the desktop app or a phone line. No downloads for guests.</p></article>
  <article><h2>Share anything</h2><p>Share a screen, a window or a whiteboard; annotate together in real time.</p></article>
  <article><h2>Record to the cloud</h2><p>Recordings and transcripts are kept as long as your plan allows, then deleted.</p></article>
</section>
<section class="video">
  <h2>Take the two-minute tour</h2>
  ${VIDEO_EMBED}
  <p class="small">The video is an embedded player that sets its own cookies, so it waits for your permission.</p>
</section>`,
  };
}

export function pricingPage() {
  const plan = (name, price, items) =>
    `<article class="plan"><h2>${name}</h2><p class="price">${price}</p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul><a class="button" href="/newsletter">Start free trial</a></article>`;
  return {
    title: 'Pricing',
    main: `<h1>Plans and pricing</h1>
<div class="plans">
${plan('Free', '¥0', ['Meetings up to 40 minutes', '100 participants', 'Screen sharing'])}
${plan('Business', '¥98 / host / month', ['Meetings up to 24 hours', '300 participants', '10 GB cloud recording', 'Admin console'])}
${plan('Enterprise', 'Contact sales', ['1,000 participants', 'Single sign-on', 'Data stored in mainland China', 'Hotline 400-058-3528'])}
</div>`,
  };
}

/** @param {{ subscribed?: { email: string, unsubscribeUrl: string, headers: { 'List-Unsubscribe': string, 'List-Unsubscribe-Post': string } } }} state */
export function newsletterPage({ subscribed } = {}) {
  if (subscribed) {
    return {
      title: 'Subscribed',
      main: `<h1>You're subscribed</h1>
<p>We sent a welcome email to <strong>${escapeHtml(subscribed.email)}</strong>. (Not really: this is a demo. Here is what its footer links to.)</p>
<div class="email-preview">
  <p><strong>From:</strong> Webex Meet &lt;news@meet.example&gt;</p>
  <p><strong>List-Unsubscribe:</strong> <code>${escapeHtml(subscribed.headers['List-Unsubscribe'])}</code><br><strong>List-Unsubscribe-Post:</strong> <code>${escapeHtml(subscribed.headers['List-Unsubscribe-Post'])}</code></p>
  <p>Thanks for joining our product newsletter. You can unsubscribe at any time:</p>
  <p><a data-testid="unsubscribe-link" href="${escapeHtml(subscribed.unsubscribeUrl)}">Unsubscribe from these emails</a></p>
</div>
<p>The link carries the list and a token from the consent ledger, plus the click-tracking parameters email tools add (<code>utm_*</code>, <code>mc_eid</code>). Consentry records the opt-out, shows a confirmation, removes the tracking parameters from the address bar, and sends a receipt that puts you on the ledger's suppression list.</p>
<form method="post" action="${escapeHtml(subscribed.headers['List-Unsubscribe'].slice(1, -1))}">
  <input type="hidden" name="List-Unsubscribe" value="One-Click">
  <p>Mail apps show their own unsubscribe button for the two headers above and send this POST to the ledger (RFC 8058): <button type="submit" class="button button-quiet" data-testid="one-click">Send the one-click unsubscribe</button></p>
</form>
<p class="small">Both land in the same list: see <a href="/ledger">the consent ledger page</a>.</p>`,
    };
  }
  return {
    title: 'Newsletter',
    main: `<h1>Product news, once a month</h1>
<p>New features, webinars and tips for better meetings. Promotional emails are only sent if you sign up, and every email has an unsubscribe link (privacy policy, section 9).</p>
<form class="signup" method="post" action="/newsletter">
  <label for="email">Work email</label>
  <input id="email" name="email" type="email" autocomplete="email" required>
  <button type="submit" class="button">Subscribe</button>
</form>`,
  };
}

export function privacyPage(policyText) {
  return { title: 'Privacy policy', main: renderPolicy(policyText) };
}

/** @param {{ unsubscribeUrl: string }} state */
export function tryUnsubscribePage({ unsubscribeUrl }) {
  return {
    title: 'Try: email unsubscribe link',
    main: `<h1>Email unsubscribe link</h1>
<p>Every promotional email links to the site with the list and a token. Landing on that link records an opt-out of promotional email (method <code>unsubscribe-link</code>) and shows a confirmation — no account, no extra click.</p>
<p><a class="button" data-testid="unsubscribe-link" href="${escapeHtml(unsubscribeUrl)}">Open the unsubscribe link from our newsletter</a></p>
<p class="small">The link also carries <code>utm_source</code>, <code>utm_medium</code> and <code>mc_eid</code>: watch them disappear from the address bar while email tracking is not allowed.</p>`,
  };
}

/** @param {{ gpc: boolean }} state */
export function tryGpcPage({ gpc }) {
  return {
    title: 'Try: Global Privacy Control',
    main: `<h1>Global Privacy Control</h1>
<p>Browsers such as Firefox, Brave and DuckDuckGo (and extensions for Chrome) can send a <a href="https://globalprivacycontrol.org/">Global Privacy Control</a> signal: “do not sell or share my personal information”. Consentry reads <code>navigator.globalPrivacyControl</code> and treats it as an opt-out of personalised advertising and of sharing with advertisers; the banner says the signal was honoured.</p>
<p>Your browser on this page: <strong data-testid="gpc-state">${gpc ? 'sends GPC (simulated)' : 'checking…'}</strong></p>
<form method="get" action="/try/gpc">
  <input type="hidden" name="simulate" value="${gpc ? '0' : '1'}">
  <button type="submit" class="button">${gpc ? 'Stop simulating GPC' : 'Simulate a browser that sends GPC'}</button>
</form>
<p class="small">Simulation loads a tiny first-party script before the guard that defines <code>navigator.globalPrivacyControl = true</code>. It is a demo device only: on a real site nothing may run before the guard.</p>`,
  };
}

/** @param {{ policyChanged: boolean, version: string }} state */
export function tryPolicyChangePage({ policyChanged, version }) {
  return {
    title: 'Try: policy change notice',
    main: `<h1>Policy change notice</h1>
<p>Section 12 of the policy promises notice of changes. When the site publishes a new policy version marked <code>material</code>, every visitor who chose under the old version is asked again, and the banner says what changed; a non-material change only shows a notice for <code>policy.noticeDays</code> days.</p>
<p>The page you are on serves policy version <strong data-testid="policy-version">${escapeHtml(version)}</strong>.</p>
<form method="get" action="/try/policy-change">
  <input type="hidden" name="simulate" value="${policyChanged ? '0' : '1'}">
  <button type="submit" class="button">${policyChanged ? 'Go back to the current policy' : 'Publish a new policy version (material change)'}</button>
</form>
<p class="small">The switch sets a first-party cookie that makes the demo server serve <code>policy.version</code> = today's date and <code>material: true</code> in the config on every page.</p>`,
  };
}

export function tryOptOutsPage() {
  return {
    title: 'Try: opt-out centre',
    main: `<h1>Your privacy choices</h1>
<p>Besides cookie categories, the policy promises three opt-outs: promotional emails (section 9), personalised advertising and sharing with advertisers (sections 8.2 and 8.5). Any element with <code>data-consentry-open="optouts"</code> opens the opt-out centre.</p>
<p><button type="button" class="button" data-consentry-open="optouts">Open the opt-out centre</button>
<button type="button" class="button button-quiet" data-consentry-open="preferences">Open cookie preferences</button></p>
<p class="small">Marketing systems read the same choices server-side from the <code>consentry</code> cookie, or pull them from the consent ledger, which keeps every receipt (<a href="/ledger">see what it holds</a>).</p>`,
  };
}

/** The video player shown inside the tagged iframe (stands in for a YouTube embed). */
export function webinarEmbed() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Product tour</title>
<link rel="stylesheet" href="/assets/embed.css"><script src="/assets/embed.js" defer></script></head>
<body><div class="player"><p>▶ Webex Meet product tour · 2:04</p><p class="small">Video player stand-in (it reports plays to youtube-nocookie.com, answered locally)</p></div></body></html>`;
}

export function notFoundPage() {
  return { title: 'Not found', main: '<h1>Page not found</h1><p><a href="/">Back to the home page</a></p>' };
}

/** Reads a text file next to this module (the demo's copy of the privacy policy). */
export function readDemoFile(name) {
  return readFileSync(new URL(name, import.meta.url), 'utf8');
}
