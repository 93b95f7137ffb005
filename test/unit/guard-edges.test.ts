/** The guard's edges that talk to the browser: tabs, the UI loader, and the ESM proxy. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/core/defaults';
import { availableLanguages, pickLanguage } from '../../src/core/language';
import type { ConsentryApi, ConsentryUi, UiHost } from '../../src/core/types';
import { startTabSync } from '../../src/guard/runtime/tab-sync';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.resetModules();
  delete window.consentryUI;
  delete window.consentry;
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('tab sync', () => {
  it('delivers a change and its time to the other tab over BroadcastChannel', async () => {
    const received: unknown[] = [];
    const send = startTabSync(() => undefined);
    startTabSync((record, at) => received.push([record, at]));
    send(null, 1000);
    send({ id: 'r-1' } as never, 2000);
    await vi.waitFor(() => expect(received).toEqual([[null, 1000], [{ id: 'r-1' }, 2000]]));
  });

  it('falls back to a storage event where BroadcastChannel is missing', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const received: unknown[] = [];
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    const send = startTabSync((record, at) => received.push([record, at]));
    send({ id: 'r-2' } as never, 3000);
    // The entry is written (other tabs get a storage event) and removed at once.
    expect(setItem).toHaveBeenCalledWith('consentry:sync', expect.stringContaining('"id":"r-2"'));
    expect(localStorage.getItem('consentry:sync')).toBeNull();
    // What another tab's write looks like here:
    const newValue = setItem.mock.calls[0]![1];
    window.dispatchEvent(new StorageEvent('storage', { key: 'consentry:sync', newValue }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'consentry:sync', newValue: null }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'other', newValue: '{"record":1}' }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'consentry:sync', newValue: 'not json' }));
    expect(received).toEqual([[{ id: 'r-2' }, 3000]]);
  });
});

describe('UI loader', () => {
  const api = {} as ConsentryApi;
  /** No Trusted Types in happy-dom: URLs and texts as they are. */
  const AS_IS = { scriptUrl: (url: string) => url, scriptText: (text: string) => text };

  async function loader() {
    const { createUiLoader, listenForOpenLinks } = await import('../../src/guard/runtime/ui-loader');
    const config = { ...defaultConfig(), ui: { ...defaultConfig().ui, nonce: 'n0nce' } };
    const openUi = createUiLoader({ api, config, language: 'zh-CN', gpc: true, base: 'https://cdn.example.com/consentry/consentry.js?v=1', trusted: AS_IS });
    return { openUi, listenForOpenLinks: () => listenForOpenLinks(openUi) };
  }

  /** Fakes the network: loading the UI script defines `window.consentryUI`. */
  function serveUi(ui: ConsentryUi) {
    const appended: HTMLElement[] = [];
    vi.spyOn(document.head, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
      const element = node as unknown as HTMLScriptElement;
      appended.push(element);
      if (element.tagName === 'SCRIPT') window.consentryUI = ui;
      queueMicrotask(() => element.onload?.(new Event('load')));
      return node;
    });
    return appended;
  }

  it('loads the stylesheet, the UI and the visitor\'s texts once, beside the guard, with the nonce, then opens the view', async () => {
    const opened: [string, UiHost][] = [];
    const appended = serveUi({ open: (view, host) => opened.push([view, host]), close: () => undefined });
    const { openUi } = await loader();
    await openUi('banner');
    await openUi('unsubscribe', { unsubscribe: { list: 'news', token: 't', valid: true } });
    expect(appended.map((e) => [e.tagName, (e as HTMLLinkElement).href || (e as HTMLScriptElement).src, e.nonce])).toEqual([
      ['LINK', 'https://cdn.example.com/consentry/consentry.css', 'n0nce'],
      ['SCRIPT', 'https://cdn.example.com/consentry/consentry-ui.js', 'n0nce'],
      // The Chinese visitor's texts only: they are complete, English is not needed as a fallback.
      ['SCRIPT', 'https://cdn.example.com/consentry/consentry-ui.zh-CN.js', 'n0nce'],
    ]);
    expect(opened.map(([view]) => view)).toEqual(['banner', 'unsubscribe']);
    expect(opened[0]![1]).toMatchObject({ api, language: 'zh-CN', gpc: true, policyChanged: false });
    expect(opened[1]![1].unsubscribe).toEqual({ list: 'news', token: 't', valid: true });
  });

  it.each([
    ['en', {}, 'en'],
    ['zh-CN', { 'zh-CN': { 'actions.acceptAll': '同意' } }, 'zh-CN'],
    ['zh-TW', {}, 'zh-CN'],
    ['fr', { fr: { 'actions.acceptAll': 'Tout accepter' } }, 'en'],
    ['zh-TW', { 'zh-TW': { 'actions.acceptAll': '全部接受' } }, 'en'],
  ])('a visitor in %s (owner translations %j) gets the %s texts only', async (tag, translations, file) => {
    const appended = serveUi({ open: () => undefined, close: () => undefined });
    const { createUiLoader } = await import('../../src/guard/runtime/ui-loader');
    const config = { ...defaultConfig(), translations };
    // The language as the head picks it for a visitor whose browser asks for `tag`.
    const language = pickLanguage([tag], availableLanguages(config));
    await createUiLoader({ api, config, language, gpc: false, base: 'https://cdn.example.com/c/consentry.js', trusted: AS_IS })('banner');
    expect(appended.map((e) => (e as HTMLScriptElement).src).filter((src) => /consentry-ui\.[^/]+\.js$/.test(src))).toEqual([
      `https://cdn.example.com/c/consentry-ui.${file}.js`,
    ]);
  });

  it('reports a UI that did not load, and tries again next time', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const appended: HTMLElement[] = [];
    vi.spyOn(document.head, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
      appended.push(node as unknown as HTMLElement);
      queueMicrotask(() => (node as unknown as HTMLScriptElement).onerror?.(new Event('error')));
      return node;
    });
    const { openUi } = await loader();
    await expect(openUi('preferences')).resolves.toBeUndefined();
    await openUi('preferences');
    expect(error).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith('consentry: the UI could not be loaded from https://cdn.example.com/consentry/consentry-ui.js');
    expect(appended).toHaveLength(6); // stylesheet, bundle and texts, twice
  });

  it.each([
    ['', 'preferences'],
    ['preferences', 'preferences'],
    ['optouts', 'optouts'],
    ['banner', 'banner'],
    ['anything else', 'preferences'],
  ])('data-consentry-open="%s" opens %s', async (value, view) => {
    const opened: string[] = [];
    window.consentryUI = { open: (v) => opened.push(v), close: () => undefined };
    const { listenForOpenLinks } = await loader();
    listenForOpenLinks();
    document.body.innerHTML = `<a href="#top" data-consentry-open="${value}"><span>Cookie settings</span></a>`;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    document.querySelector('span')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(opened).toEqual([view]));
  });
});

describe('ESM proxy (consentry from the package)', () => {
  it('answers "no choice" before the guard exists, queues actions, then forwards them', async () => {
    const { consentry } = await import('../../src/index');
    expect(consentry.get()).toEqual({ record: null, needsChoice: true, degraded: false });
    expect(consentry.has('necessary')).toBe(true);
    expect(consentry.has('analytics')).toBe(false);
    expect(() => consentry.config).toThrow('consentry: the guard (consentry.js) is not on this page yet; load it first in <head>');

    const calls: string[] = [];
    const accepted = consentry.acceptAll();
    const heard = vi.fn();
    const off = consentry.on('change', heard);
    const guard = {
      ready: Promise.resolve({ record: null, needsChoice: false, degraded: false }),
      get: () => ({ record: null, needsChoice: false, degraded: true }),
      has: (c: string) => c === 'analytics',
      acceptAll: async () => (calls.push('acceptAll'), { record: null, needsChoice: false, degraded: false }),
      on: (_event: string, fn: () => void) => (calls.push('on'), fn(), () => calls.push('off')),
      language: 'en',
    } as unknown as ConsentryApi;
    window.consentry = guard;
    document.dispatchEvent(new CustomEvent('consentry:ready'));
    await accepted;
    expect(calls).toEqual(['acceptAll', 'on']);
    expect(heard).toHaveBeenCalledTimes(1);
    off();
    expect(calls).toEqual(['acceptAll', 'on', 'off']);
    expect(consentry.get().degraded).toBe(true);
    expect(consentry.has('analytics')).toBe(true);
    expect(consentry.language).toBe('en');
  });
});
