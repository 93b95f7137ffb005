/**
 * The decision the service worker enforces (src/core/sw-decision.ts): what it
 * accepts as one, and what it refuses under it — one row per case, through
 * the same rules and matcher as the guard.
 */
import { describe, expect, it } from 'vitest';
import { readDecision, refuses, type SwDecision } from '../../src/core/sw-decision';

const NOW = Date.UTC(2026, 10, 29);
const WORKER = 'https://shop.example/consentry-sw.js';

const decision = (over: Partial<SwDecision> = {}): SwDecision => ({
  consentry: 'decision',
  worker: WORKER,
  allowed: ['necessary'],
  rules: [],
  ...over,
});

describe('readDecision', () => {
  it('takes a decision as the runtime posts it, and nothing else it carries', () => {
    const posted = { ...decision({ allowed: ['necessary', 'analytics'], rules: [{ vendor: 'CDP', category: 'analytics', hosts: ['cdp.example'], cookies: ['x'] }], until: NOW }), extra: 1 };
    expect(readDecision(posted)).toEqual({
      consentry: 'decision',
      worker: WORKER,
      allowed: ['necessary', 'analytics'],
      rules: [{ vendor: 'CDP', category: 'analytics', hosts: ['cdp.example'], cookies: ['x'] }],
      until: NOW,
    });
  });

  it.each<[string, unknown]>([
    ['nothing stored', undefined],
    ['a string message', 'skipWaiting'],
    ["a site's own message", { type: 'SKIP_WAITING' }],
    ['another tag', { ...decision(), consentry: 'record' }],
    ['no worker', { ...decision(), worker: undefined }],
    ['allowed not a list', { ...decision(), allowed: 'analytics' }],
    ['allowed with a number', { ...decision(), allowed: ['necessary', 1] }],
    ['rules not a list', { ...decision(), rules: {} }],
    ['a rule without a category', { ...decision(), rules: [{ hosts: ['cdp.example'] }] }],
    ['a rule whose hosts are a string', { ...decision(), rules: [{ category: 'analytics', hosts: 'cdp.example' }] }],
    ['a rule whose paths hold a number', { ...decision(), rules: [{ category: 'analytics', paths: [1] }] }],
    ['an expiry as a date string', { ...decision(), until: '2026-11-29' }],
  ])('is null for %s', (_name, value) => {
    expect(readDecision(value)).toBeNull();
  });
});

describe('refuses', () => {
  const url = (href: string) => new URL(href);
  const siteRules: SwDecision['rules'] = [
    { category: 'analytics', hosts: ['cdp.example'] },
    { category: 'necessary', hosts: ['hm.baidu.com'] },
    { category: 'video', hosts: ['player.example'] },
    { category: 'advertising', paths: ['/collect/ads'] },
  ];

  it.each<[string, SwDecision | null, string, boolean]>([
    ['no decision: a built-in tracker', null, 'https://www.googletagmanager.com/gtag/js?id=G-1', true],
    ['no decision: a built-in path rule on the site itself', null, 'https://shop.example/stats/matomo.js', true],
    ['no decision: a host no rule names', null, 'https://cdn.example/app.js', false],
    ['no decision: a look-alike host', null, 'https://googletagmanager.com.evil.test/gtag/js', false],
    ['nothing allowed: a built-in analytics host', decision(), 'https://static.hotjar.com/c/hotjar-1.js', true],
    ['nothing allowed: a built-in advertising host', decision(), 'https://px.ads.linkedin.com/collect', true],
    ['nothing allowed: a site rule host', decision({ rules: siteRules }), 'https://eu.cdp.example/v1/t', true],
    ['nothing allowed: a site rule path on any host', decision({ rules: siteRules }), 'https://shop.example/collect/ads?x=1', true],
    ['nothing allowed: a site rule of a category of its own', decision({ rules: siteRules }), 'https://player.example/embed/1', true],
    ['nothing allowed: the site moved a built-in host to necessary', decision({ rules: siteRules }), 'https://hm.baidu.com/hm.js?1', false],
    ['nothing allowed: a first-party image', decision({ rules: siteRules }), 'https://shop.example/logo.png', false],
    ['nothing allowed: a data: URL', decision(), 'data:image/gif;base64,R0lGOD', false],
    ['analytics allowed: a built-in analytics host', decision({ allowed: ['necessary', 'analytics'] }), 'https://www.clarity.ms/tag/1', false],
    ['analytics allowed: a built-in advertising host', decision({ allowed: ['necessary', 'analytics'] }), 'https://connect.facebook.net/en_US/fbevents.js', true],
    ['analytics allowed: a site rule host', decision({ allowed: ['necessary', 'analytics'], rules: siteRules }), 'https://cdp.example/v1/t', false],
    ['a site category allowed', decision({ allowed: ['necessary', 'video'], rules: siteRules }), 'https://player.example/embed/1', false],
    ['all allowed, choice still current', decision({ allowed: ['necessary', 'analytics', 'advertising'], until: NOW + 1 }), 'https://px.ads.linkedin.com/collect', false],
    ['all allowed, choice expired', decision({ allowed: ['necessary', 'analytics', 'advertising'], until: NOW }), 'https://px.ads.linkedin.com/collect', true],
    ['an expired choice keeps the site rules', decision({ allowed: ['necessary', 'analytics'], rules: siteRules, until: NOW - 1 }), 'https://hm.baidu.com/hm.js', false],
  ])('%s', (_name, given, href, refused) => {
    expect(refuses(given, url(href), NOW)).toBe(refused);
  });

  it('checks site rules before the built-in ones (a site rule moves a vendor to another category)', () => {
    const moved = decision({ allowed: ['necessary', 'preferences'], rules: [{ category: 'preferences', hosts: ['hotjar.com'] }] });
    expect(refuses(moved, url('https://static.hotjar.com/c/hotjar-1.js'), NOW)).toBe(false);
    expect(refuses(decision({ allowed: ['necessary', 'preferences'] }), url('https://static.hotjar.com/c/hotjar-1.js'), NOW)).toBe(true);
  });
});
