/**
 * The demo's strict mode (`CSP=strict npm start`, or `startDemo({ csp: true })`):
 * every page is sent with
 * `script-src 'self' 'nonce-…' <the vendors' hosts>; style-src 'self'; require-trusted-types-for 'script'`,
 * a fresh nonce per response on each of its `<script>` tags. It shows that
 * Consentry needs nothing looser: the guard passes its nonce to everything
 * it loads and releases, and sets script URLs and texts through its own
 * Trusted Types policy, `consentry`. The pasted vendor snippets set script
 * URLs from strings, as published, so the site gives them a default policy
 * (demo/assets/trusted-types.js), as a site with Trusted Types must.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_VENDORS } from './vendor-routes.mjs';

/** Where the vendors' libraries come from: their hosts and subdomains, https only. */
const VENDOR_SOURCES = DEMO_VENDORS.flatMap((vendor) => vendor.hosts.flatMap((host) => [`https://${host}`, `https://*.${host}`])).join(' ');

/**
 * `html` with a nonce on every `<script>` start tag, and the header that
 * allows it. The pages are the demo's own templates, so a plain search for
 * `<script` finds exactly their script tags (`<noscript>` does not match).
 */
export function withStrictCsp(html) {
  const nonce = randomBytes(16).toString('base64');
  return {
    html: html.replace(/<script(?=[\s>])/g, `<script nonce="${nonce}"`),
    policy: `script-src 'self' 'nonce-${nonce}' ${VENDOR_SOURCES}; style-src 'self'; require-trusted-types-for 'script'`,
  };
}
