/**
 * The head (dist/consentry.js): the script that stands first in `<head>`. Its
 * bytes block parsing, so it holds only what must be done before the page's
 * next script runs, in this order:
 * 1. install the blockers (./blockers.ts), before reading anything the page
 *    controls: whatever fails after this, they are in place;
 * 2. read the site's config (./config-source.ts) and what it decides with
 *    (./config.ts); the site's rules join the blockers, the markup observer starts;
 * 3. read the mirror cookie and open the gate for what it allows — only for a
 *    config text the runtime validated on an earlier page view (./trust.ts);
 * 4. expose `window.consentry` (./facade.ts), push the Consent Mode default
 *    and clean the address bar (./early-signals.ts);
 * 5. publish the kernel (../kernel.ts) and inject the runtime
 *    (dist/consentry-runtime.js, `async`, from beside this file), which takes
 *    it over: validation, IndexedDB, the API's actions, release,
 *    placeholders, purge, signals, UI.
 * Nothing here throws into the page; an internal error leaves every optional
 * category blocked.
 */
import { effectiveCategories, isOutdated, isSignalOnly, needsChoice } from '../../core/policy';
import { sinkOf } from '../../core/url-sinks';
import type { ConsentryApi } from '../../core/types';
import { CONFIG_ID, GUARDED, type Kernel } from '../kernel';
import { configureBlocking, installBlocking } from './blockers';
import { headConfig } from './config';
import { readUserConfig } from './config-source';
import { gtag, push } from './data-layer';
import { startEarlySignals } from './early-signals';
import { createApi } from './facade';
import { allowed as allowedNow, allows, decided, onChange, set as setGate } from './gate';
import { categoriesOf, inspected, isReleasable, natives, releasing, scripts, self, untagged } from './held';
import { readMirror } from './mirror';
import { guardRealm } from './realms';
import { plug } from './plugins';
import { forCookie, forUrl, use } from './rules';
import { hashText, validatedBefore } from './trust';
import { createTrustedPolicy } from './trusted';

declare global {
  interface Window {
    /** Consentry's public API (see docs/api.md). */
    consentry?: ConsentryApi;
  }
}

/** The kernel of the same-origin page this document is framed in, if that page is guarded. */
function hostKernel(): Kernel | undefined {
  try {
    return parent != window ? (parent as unknown as Record<symbol, Kernel>)[GUARDED] : undefined;
  } catch {
    return undefined; // a cross-origin parent
  }
}

function start(): void {
  // A frame of a guarded page (a srcdoc document starts with this script): its realm joins the page's guard.
  const host = hostKernel();
  if (host?.realm) {
    host.realm(window);
    window.consentry = parent.consentry;
    return;
  }
  // Included twice (a CMS adding it again): the first copy already guards the page.
  if (GUARDED in window) return console.warn('consentry: loaded twice; this copy does nothing');
  // The mark first (filled in below): a second copy of the head must find it even if this one fails.
  const kernel = {} as Kernel;
  Object.defineProperty(window, GUARDED, { value: kernel });
  installBlocking();
  const policy = createTrustedPolicy();

  const script = document.currentScript as HTMLScriptElement | null;
  const scriptsBefore = [...document.scripts];
  const { user, problems } = readUserConfig(script);
  const raw = JSON.stringify(user);
  // Nothing to validate when the site wrote nothing (the guard's own nonce is always a string).
  const empty = raw === JSON.stringify(script?.nonce ? { ui: { nonce: script.nonce } } : {});
  // What the head decides with, each value of its default's kind: nothing below can throw on a site's config.
  const config = headConfig(problems.length ? {} : user);
  const configHash = hashText(raw);
  // A site rule marking a tracker `necessary` lets it through: only once the runtime has validated this config.
  if (config.rules.some((rule) => rule?.category == 'necessary') && !validatedBefore(configHash)) config.rules = config.rules.filter((rule) => rule?.category != 'necessary');
  configureBlocking(config);

  // The record's language is the runtime's to say (it picks the visitor's language from the whole config).
  const { record: initial } = readMirror(config, '');
  const allowed = effectiveCategories(initial, config);
  // Whether the gate may open for the cookie now. Checking that this config was validated
  // reads localStorage, a synchronous IPC (~1–3 ms on a page's first access): only when the
  // cookie would release something (never on a first visit, nor after "reject all").
  const trusted = !problems.length && (empty || (allowed.size > 1 && validatedBefore(configHash)));
  const api = createApi(config, initial);
  try {
    // Defined, not assigned: it must win over an element named "consentry" and a page's own property.
    Object.defineProperty(window, 'consentry', { value: api.facade, writable: true, configurable: true, enumerable: true });
  } catch {
    console.error('consentry: window.consentry is taken');
  }
  const base = script?.src || location.href;
  if (script?.src) self.attach = `<script src="${script.src.replace(/"/g, '&quot;')}"${script.nonce ? ` nonce="${script.nonce}"` : ''}></script>`;
  const early = startEarlySignals(config, allows);
  if (trusted) setGate(allowed, !needsChoice(initial, config, Date.now()));

  let claimed = false;
  Object.assign(kernel, {
    claim: () => !claimed && (claimed = true),
    gate: { allows, allowed: allowedNow, decided, set: setGate, onChange },
    rules: { forUrl, forCookie, use },
    held: { scripts, inspected, releasing, untagged, natives, categoriesOf, isReleasable },
    sinkOf,
    trusted: policy,
    plug,
    realm: guardRealm,
    api,
    policy: { effectiveCategories, needsChoice, isOutdated, isSignalOnly },
    readMirror,
    dataLayer: { push, gtag },
    boot: {
      user,
      sourceProblems: problems,
      config,
      configHash,
      gpc: navigator.globalPrivacyControl === true,
      initial,
      scriptsBefore,
      configRead: !!document.getElementById(CONFIG_ID),
      base,
      landing: early.landing,
    },
  } satisfies Kernel);

  const runtime = document.createElement('script');
  const runtimeUrl = new URL('consentry-runtime.js', base).href;
  runtime.src = policy ? policy.createScriptURL(runtimeUrl) : runtimeUrl;
  runtime.async = true;
  // Without the runtime nothing can be recorded: say so, naming the file, and settle what waits for it.
  runtime.onerror = () => {
    const message = `consentry: could not load ${runtime.src} (README "Self-hosting")`;
    console.error(message);
    api.fail(new Error(message));
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
    setGate([]);
  } catch {
    // Nothing more can be done without risking the page.
  }
}
