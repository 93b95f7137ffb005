/**
 * The guard's synchronous part (dist/consentry.js): the script that stands
 * first in `<head>`. Its bytes block parsing, so it holds only what must be
 * done before the next script on the page runs:
 * 1. read the site's config and merge it over the defaults;
 * 2. install the blockers (they follow the gate, src/guard/gate.ts);
 * 3. push the Consent Mode default and clean the address bar (signals/early.ts);
 * 4. read the mirror cookie and open the gate for what it allows — only when
 *    this exact raw config was validated on an earlier page view (fail closed:
 *    an invalid config must never release anything, not even for a moment);
 * 5. expose `window.consentry` as a facade (src/guard/facade.ts): get/has/
 *    config/language/version answer now, other calls are queued;
 * 6. inject the async part (dist/consentry-runtime.js, src/guard/runtime.ts)
 *    from beside this file. It validates the config, reconciles with
 *    IndexedDB, completes the facade, resolves `ready` and opens the banner.
 *
 * State both parts use (the gate, the blockers) exists once, here: it is
 * handed over on a non-enumerable `window.__consentryInternals` (./handoff.ts),
 * and the runtime build aliases those modules to shims that read it
 * (vite.config.ts). Nothing here throws into the page; an internal error
 * leaves the optional categories blocked.
 */
import { mergeConfig } from '../core/merge-config';
import { isPlainObject } from '../core/objects';
import { pickLanguage } from '../core/language';
import { decodeMirrorCookie, recordFromMirror } from '../core/mirror-cookie';
import { effectiveCategories } from '../core/policy';
import type { ConsentryApi, ConsentryConfig } from '../core/types';
import { configureBlocking, installBlocking, usePurge } from './blocking';
import { CONFIG_ID, readUserConfig } from './config-source';
import { createFacade } from './facade';
import * as classify from './blocking/classify';
import * as held from './blocking/held';
import * as gate from './gate';
import { hashText, INTERNALS, isValidated, VALIDATED_KEY, type Internals, type QueuedCall } from './handoff';
import { startEarlySignals } from './signals/early';

declare global {
  interface Window {
    /** Consentry's public API (see README "API"). */
    consentry?: ConsentryApi;
  }
}

/** Whether the async part validated this raw config before (localStorage may be blocked: then it was not). */
function validatedBefore(hash: string): boolean {
  try {
    return isValidated(localStorage.getItem(VALIDATED_KEY), hash);
  } catch {
    return false;
  }
}

/** The mirror cookie's raw value (the runtime writes it with js-cookie; reading needs no library). Cookies may be refused: then there is none. */
function readMirrorCookie(config: ConsentryConfig): string | undefined {
  try {
    for (const pair of document.cookie.split('; ')) {
      const at = pair.indexOf('=');
      if (pair.slice(0, at) === config.cookie.name) return decodeURIComponent(pair.slice(at + 1));
    }
  } catch {
    // A sandboxed frame or refused cookies (document.cookie throws), or a malformed value: no choice.
  }
}

/**
 * Whether a site rule can be used before the config is validated: one with a
 * wrong shape would make every lookup throw, and a lookup that throws lets the
 * URL through (fail open), so until the runtime has validated the config the
 * blockers only get well-formed site rules (the built-in ones always apply).
 */
function wellFormed(rule: unknown): boolean {
  const r = rule as Record<string, unknown>;
  const strings = (value: unknown) => value === undefined || (Array.isArray(value) && value.every((s) => typeof s == 'string'));
  return isPlainObject(rule) && typeof r.category == 'string' && strings(r.hosts) && strings(r.paths) && strings(r.cookies);
}

/**
 * How a copy of the guard knows the page is guarded already: a symbol, which no
 * element id (named access on `window`) or page global can be mistaken for.
 */
const GUARDED = Symbol.for('consentry.guard');

function start(): void {
  // Included twice (a CMS adding it again): the first copy already guards the page.
  if (GUARDED in window) return console.warn('consentry: the guard is on this page twice; the second copy does nothing');
  Object.defineProperty(window, GUARDED, { value: true });
  // Blockers first, with the built-in rules: everything after this reads what the page controls
  // (config, cookies, storage), and whatever fails there, the interceptors are in place.
  installBlocking();
  const script = document.currentScript as HTMLScriptElement | null;
  const scriptsBefore = [...document.scripts];
  const { user, problems } = readUserConfig(script);
  const raw = JSON.stringify(user);
  const configHash = hashText(raw);
  // Nothing to validate when the site wrote nothing (the guard's own nonce is always a string).
  const empty = raw === JSON.stringify(script?.nonce ? { ui: { nonce: script.nonce } } : {});
  // Any shape of `user` merges into the defaults' shape (core/merge-config.ts): nothing below can throw on it.
  const config = mergeConfig(problems.length ? {} : user);
  // A validated config has only well-formed rules, so this keeps all of them; an unvalidated one keeps the usable ones.
  config.rules = config.rules.filter(wellFormed);
  configureBlocking(config);

  const languages = [document.documentElement.lang, ...(navigator.languages ?? [navigator.language])];
  const language = pickLanguage(config, languages);
  const ids = config.categories.map((c) => c.id);
  const fromCookie = decodeMirrorCookie(readMirrorCookie(config), ids);
  const initial = fromCookie && recordFromMirror(fromCookie, config, language);
  const allowed = effectiveCategories(initial, config, Date.now());
  // Whether the gate may open for the cookie now. Checking that this config was validated
  // reads localStorage, a synchronous IPC (~1–3 ms on a page's first access): only when the
  // cookie would release something (never on a first visit, nor after "reject all").
  const trusted = !problems.length && (empty || (allowed.size > 1 && validatedBefore(configHash)));
  const queue: QueuedCall[] = [];
  const { facade, resolveReady, fail } = createFacade({ config, language, initial, trusted, queue });
  try {
    // Defined, not assigned: it must win over an element named "consentry" and a page's own property.
    Object.defineProperty(window, 'consentry', { value: facade, writable: true, configurable: true, enumerable: true });
  } catch {
    console.error('consentry: window.consentry is taken by the page and cannot be replaced: trackers stay blocked, but the page cannot reach the API');
  }
  const base = script?.src || location.href;
  const early = startEarlySignals(config, facade.has);
  const internals: Internals = {
    gate,
    held,
    classify,
    usePurge,
    boot: {
      user,
      sourceProblems: problems,
      config,
      configHash,
      language,
      gpc: navigator.globalPrivacyControl === true,
      initial,
      scriptsBefore,
      configRead: !!document.getElementById(CONFIG_ID),
      base,
      landing: early.landing,
      facade,
      resolveReady,
      fail,
      queue,
    },
  };
  Object.defineProperty(window, INTERNALS, { value: internals });
  if (trusted) gate.setAllowed(allowed);

  const runtime = document.createElement('script');
  runtime.src = new URL('consentry-runtime.js', base).href;
  runtime.async = true;
  // Without the runtime nothing can be recorded: say so, naming the file, and settle what waits for it.
  runtime.onerror = () => {
    const message = `consentry: could not load ${runtime.src}; keep it beside consentry.js (README "Self-hosting")`;
    console.error(message);
    fail(new Error(message));
  };
  if (config.ui.nonce) runtime.nonce = config.ui.nonce;
  (document.head || document.documentElement).appendChild(runtime);
}

try {
  start();
} catch (error) {
  // Fail closed: whatever happened, optional categories stay blocked.
  console.error('consentry: internal error; optional categories stay blocked', error);
  try {
    configureBlocking();
    gate.setAllowed([]);
  } catch {
    // Nothing more can be done without risking the page.
  }
}
