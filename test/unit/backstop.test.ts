/**
 * The runtime's side of the service worker (src/guard/runtime/service-worker.ts)
 * where no browser is needed: the decision it posts, and that a release never
 * waits when there is no worker (test/e2e/service-worker.test.ts drives the
 * rest in real Chromium).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addMonths } from '../../src/core/record';
import type { CategoryId, ConsentRecord } from '../../src/core/types';
import { createBackstop, decisionOf, type BackstopSource } from '../../src/guard/runtime/service-worker';

const NOW = Date.UTC(2026, 10, 29);
const WORKER = 'https://shop.example/consentry-sw.js';

const record = (updatedAt: number, expiresAt: number): ConsentRecord => ({
  schema: 1,
  id: 'r-1',
  policyVersion: '2021-10-24',
  language: 'en',
  categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
  optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
  method: 'custom',
  gpc: false,
  createdAt: updatedAt,
  updatedAt,
  expiresAt,
});

const source = (allowed: CategoryId[], stored: ConsentRecord | null, over: Partial<BackstopSource> = {}): BackstopSource => ({
  script: '/consentry-sw.js',
  gate: { allowed: () => new Set(allowed), onChange: () => () => undefined },
  rules: [{ vendor: 'CDP', category: 'analytics', hosts: ['cdp.example'] }],
  record: () => stored,
  expiryMonths: 12,
  ...over,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('decisionOf', () => {
  it.each<[string, BackstopSource, object]>([
    ['no choice yet: what the gate allows, the site rules, no expiry', source(['necessary'], null), { allowed: ['necessary'] }],
    ['a choice: it expires on its own expiry when that comes first', source(['necessary', 'analytics'], record(NOW, NOW + 1000)), { allowed: ['necessary', 'analytics'], until: NOW + 1000 }],
    ['a choice: it expires expiryMonths after it was made when that comes first', source(['necessary', 'analytics'], record(NOW, addMonths(NOW, 13)), { expiryMonths: 6 }), { allowed: ['necessary', 'analytics'], until: addMonths(NOW, 6) }],
    ['an invalid config: no site rules', source(['necessary'], null, { rules: [] }), { allowed: ['necessary'], rules: [] }],
  ])('%s', (_name, given, expected) => {
    expect(decisionOf(given, WORKER)).toEqual({
      consentry: 'decision',
      worker: WORKER,
      rules: [{ vendor: 'CDP', category: 'analytics', hosts: ['cdp.example'] }],
      ...expected,
    });
  });
});

describe('afterApplied', () => {
  it('runs the release without waiting when no worker controls the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const backstop = createBackstop();
    // happy-dom has no service workers: nothing is registered, nothing posted, nothing to wait for.
    expect(navigator.serviceWorker).toBeUndefined();
    backstop.connect(source(['necessary'], null));
    const run = vi.fn();
    backstop.afterApplied(run);
    expect(run).not.toHaveBeenCalled(); // later than the caller, as a gate listener needs
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(run).toHaveBeenCalledOnce();
    expect(warn).not.toHaveBeenCalled();
  });

  it('reports a release that throws on the console instead of into the page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new Error('boom');
    createBackstop().afterApplied(() => {
      throw failure;
    });
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('consentry: internal error while applying consent', failure));
  });
});
