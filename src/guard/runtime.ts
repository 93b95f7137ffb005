/**
 * The guard's async part (dist/consentry-runtime.js), injected by the
 * synchronous part (src/guard/index.ts) with `<script async>`. It carries
 * everything that can wait:
 * - full validation of the config, reported once; an invalid one locks every
 *   optional category (fail closed), a valid one is remembered (its hash in
 *   localStorage) so the next page view may open the gate synchronously;
 * - the API (api.ts) put on the facade the synchronous part exposed, with the
 *   calls queued meanwhile replayed in order;
 * - release of held and tagged elements, iframe placeholders (blocking/release.ts,
 *   placeholder.ts) and the purge of tracker cookies when a category becomes
 *   denied (blocking/purge.ts), plugged into the blockers through the handoff;
 * - IndexedDB storage and reconcile, tab sync, receipts and dataLayer updates,
 *   unsubscribe/GPC handling (signals/index.ts), the UI loader and the
 *   settings button.
 * The gate and the blockers are the synchronous part's instances, reached
 * through the handoff (./handoff.ts, ./shims/). Nothing here throws into the page.
 */
import { resolveConfig } from '../core/config';
import { encodeMirrorCookie } from '../core/mirror-cookie';
import { policyNoticeActive } from '../core/policy';
import { historyEntryOf } from '../core/record';
import { reconcile } from '../core/reconcile';
import type { ConsentRecord, ConsentryConfig } from '../core/types';
import { createGuardApi } from './api';
import { reportEmbedding } from './diagnostics';
import { useRules } from './blocking/classify';
import { categoriesOf, inspected, isReleasable, later } from './blocking/held';
import { showPlaceholder, usePlaceholderConfig } from './blocking/placeholder';
import { purgeTrackerCookies } from './blocking/purge';
import { reblockFrames, releaseAllowed } from './blocking/release';
import { setAllowed } from './gate';
import { internals, rememberValidated, VALIDATED_KEY, type Boot, type Internals } from './handoff';
import { readMirror, removeMirror, writeMirror } from './mirror';
import { startSignals } from './signals';
import { showSettingsButton } from './settings-button';
import { openStorage } from './storage';
import { startTabSync } from './sync';
import { configureUi, listenForOpenLinks, openUi } from './ui-loader';

/** Validates the config the synchronous part read, reporting problems once; `locked` when it cannot be used. */
function checkConfig(boot: Boot): { config: ConsentryConfig; locked: boolean } {
  const resolved = resolveConfig(boot.user);
  const problems = [...boot.sourceProblems, ...resolved.problems];
  const errors = problems.filter((p) => !p.warning).map((p) => `\n- ${p.message}`);
  const warnings = problems.filter((p) => p.warning).map((p) => `\n- ${p.message}`);
  const locked = errors.length > 0;
  if (locked) console.error(`consentry: the config has problems, so every optional category stays denied until they are fixed:${errors.join('')}`);
  if (warnings.length) console.warn(`consentry: config warnings:${warnings.join('')}`);
  try {
    const stored = localStorage.getItem(VALIDATED_KEY);
    const remembered = rememberValidated(stored, boot.configHash, !locked);
    // A write is a synchronous round trip to the browser's storage: only when the list changes (most page views it does not).
    if (remembered !== stored) localStorage.setItem(VALIDATED_KEY, remembered);
  } catch {
    // Storage blocked: the next page view waits for this part again before opening the gate.
  }
  // Valid: keep the very object the blockers and the facade already use.
  return { config: locked ? resolved.config : boot.config, locked };
}

/**
 * Whether a returning visitor should see the "our policy changed" notice: a
 * non-material change (a material one asks again instead) made after their
 * choice, within the notice window, and not dismissed for this version yet.
 */
function noticeDue(config: ConsentryConfig, record: ConsentRecord | null): boolean {
  if (!record || record.policyVersion === config.policy.version || !policyNoticeActive(config, Date.now())) return false;
  try {
    return localStorage.getItem('consentry:notice') !== config.policy.version;
  } catch {
    return true; // storage blocked: showing it again is the lesser harm
  }
}

/**
 * Plug release and placeholders into the guard's blockers, then catch up: the
 * tagged iframes they met so far get their placeholder, and whatever the gate
 * allows by now is released (in document order, release.ts).
 */
function startRelease(config: ConsentryConfig): void {
  usePlaceholderConfig(config);
  Object.assign(later, { release: releaseAllowed, reblockFrames, showPlaceholder });
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-consent]')) {
    if (inspected.has(frame) && !isReleasable(frame)) showPlaceholder(frame, categoriesOf(frame));
  }
  releaseAllowed();
}

function start({ boot, usePurge }: Internals): void {
  usePurge(purgeTrackerCookies);
  const { config, locked } = checkConfig(boot);
  if (locked) {
    // As if the site had written no config: the default rules, and the gate closed
    // in case an earlier page view's verdict let it open (fail closed).
    useRules(config);
    setAllowed([]);
  }
  startRelease(config);
  reportEmbedding(boot);
  const { language, gpc, facade } = boot;
  const ids = config.categories.map((c) => c.id);
  const storage = openStorage();
  const guard = createGuardApi({
    config,
    language,
    gpc,
    locked,
    storage,
    initial: boot.initial,
    writeCookie: (value) => writeMirror(config, value),
    removeCookie: () => removeMirror(config),
    broadcast: startTabSync((record) => guard.applyRemote(record)),
    openUi,
    purgeTrackerCookies,
    reload: () => location.reload(),
    pending: { ready: facade.ready, resolve: boot.resolveReady },
  });
  // The same object stays `window.consentry`: scripts that kept a reference keep a working one.
  Object.assign(facade, guard.api);
  configureUi({ api: facade, config, language, gpc, base: boot.base });
  listenForOpenLinks();
  // Signals first: Consent Mode's update must follow the default before a released tag runs.
  startSignals({ config, api: facade, gpc, landing: boot.landing() });
  guard.applyGate();
  // Calls made before this part arrived, in call order (they wait for `ready` inside the API).
  for (const [method, args, settle, fail] of boot.queue.splice(0)) {
    try {
      settle((facade as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args));
    } catch (error) {
      fail(error);
    }
  }

  void storage
    .load()
    .then((stored) => {
      // The cookie is read again: another tab may have changed it meanwhile.
      const found = reconcile(stored, readMirror(config), config, language);
      if (found.unreadable) console.warn('consentry: the stored choice could not be read; the visitor is asked again');
      if (found.removeCookie) removeMirror(config);
      if (found.record && found.writeCookie) writeMirror(config, encodeMirrorCookie(found.record, ids));
      if (found.record && found.saveRecord) void storage.save(found.record, historyEntryOf(found.record));
      const state = guard.start(found.record);
      if (state.needsChoice) {
        if (!locked) void openUi('banner');
      } else {
        // A visitor who chose never downloads the UI, but withdrawing stays one click away.
        showSettingsButton(config, language);
        if (noticeDue(config, state.record)) void openUi('notice');
      }
    })
    .catch((error: unknown) => {
      console.error('consentry: internal error while reading the stored choice', error);
      guard.start(null);
    });
}

try {
  const handoff = internals();
  // No handoff: the synchronous part failed (and closed the gate) or is missing; there is nothing to complete.
  // Included twice: the first copy already completed the facade.
  if (handoff && !handoff.boot.runtimeStarted) {
    handoff.boot.runtimeStarted = true;
    start(handoff);
  }
} catch (error) {
  // Fail closed: whatever happened, optional categories stay blocked.
  console.error('consentry: internal error; optional categories stay blocked', error);
  try {
    setAllowed([]);
    internals()?.boot.fail(new Error('consentry: internal error; nothing can be recorded on this page'));
  } catch {
    // Nothing more can be done without risking the page.
  }
}
