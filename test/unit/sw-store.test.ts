/**
 * The service worker's copy of the decision in IndexedDB (src/sw/store.ts):
 * in Consentry's own database and store, beside the runtime's record, never
 * holding a connection open.
 */
import { IDBFactory } from 'fake-indexeddb';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SwDecision } from '../../src/core/sw-decision';
import { loadDecision, saveDecision } from '../../src/sw/store';

const decision: SwDecision = {
  consentry: 'decision',
  worker: 'https://shop.example/consentry-sw.js',
  allowed: ['necessary', 'analytics'],
  rules: [{ category: 'analytics', hosts: ['cdp.example'] }],
  until: Date.UTC(2027, 10, 29),
};

const realIndexedDB = globalThis.indexedDB;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  globalThis.indexedDB = realIndexedDB;
});

describe('the service worker store', () => {
  it('has no decision on a first visit', async () => {
    expect(await loadDecision()).toBeNull();
  });

  it("reads back what it saved, in Consentry's database beside the runtime's record", async () => {
    const runtimeStore = createStore('consentry', 'consent');
    await set('record', { id: 'r-1' }, runtimeStore);
    await saveDecision(decision);
    expect(await loadDecision()).toEqual(decision);
    expect(await get('sw-decision', runtimeStore)).toEqual(decision);
    expect(await get('record', runtimeStore)).toEqual({ id: 'r-1' });
  });

  it('reads a stored value that is not a decision as none (trackers refused)', async () => {
    await set('sw-decision', { consentry: 'decision', allowed: 'all' }, createStore('consentry', 'consent'));
    expect(await loadDecision()).toBeNull();
  });

  it('closes the database after each use, so a page can upgrade it', async () => {
    await saveDecision(decision);
    await loadDecision();
    const upgrade = indexedDB.open('consentry', 2);
    const outcome = await new Promise<string>((resolve) => {
      upgrade.onblocked = () => resolve('blocked');
      upgrade.onsuccess = () => {
        upgrade.result.close();
        resolve('upgraded');
      };
    });
    expect(outcome).toBe('upgraded');
  });
});
