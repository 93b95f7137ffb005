/**
 * The runtime, entered as `start(kernel)` with the kernel the head published
 * (../kernel.ts). It carries everything that can wait for the page:
 * - full validation of the config (./config-check.ts): an invalid one locks
 *   every optional category, a valid one is remembered for the next head;
 * - release of held and tagged elements, embed placeholders and the purge of
 *   tracker cookies, plugged into the head's blockers (`kernel.plug`);
 * - IndexedDB and its reconciliation with the mirror cookie, tab sync, the
 *   API's actions (./api.ts) put on the head's `window.consentry`;
 * - signals (Consent Mode updates, dataLayer events, receipts, unsubscribe
 *   and GPC), the UI loader and the settings button;
 * - the optional service worker (./service-worker.ts), told the decision.
 * It never imports the head: everything of the head's it uses comes through
 * the kernel. Nothing here throws into the page.
 */
import { encodeMirrorCookie } from '../../core/mirror-cookie';
import { availableLanguages, pickLanguage } from '../../core/language';
import { NOTICE_KEY } from '../../core/storage-keys';
import { historyEntryOf, sameChange } from '../../core/record';
import { reconcile } from '../../core/reconcile';
import { policyNoticeActive } from '../../core/policy-notice';
import type { ConsentChange, ConsentRecord, ConsentryApi, ConsentryConfig } from '../../core/types';
import type { Kernel } from '../kernel';
import { createConsent } from './api';
import { createEvents } from './events';
import { checkConfig } from './config-check';
import { reportEmbedding } from './diagnostics';
import { removeMirror, writeMirror } from './mirror';
import { createPlaceholders } from './placeholder';
import { purgeTrackerCookies } from './purge';
import { createRelease } from './release';
import { createBackstop } from './service-worker';
import { showSettingsButton } from './settings-button';
import { startSignals } from './signals';
import { openStorage } from './storage';
import { startTabSync } from './tab-sync';
import { createUiLoader, listenForOpenLinks } from './ui-loader';
import { createWriter } from './write';
import { trustedWith } from './trusted';

/**
 * Whether a returning visitor should see the "our policy changed" notice: a
 * non-material change (a material one asks again instead) made after their
 * choice, within the notice window, and not dismissed for this version yet.
 */
function noticeDue(config: ConsentryConfig, record: ConsentRecord | null): boolean {
  if (!record || record.policyVersion === config.policy.version || !policyNoticeActive(config, Date.now())) return false;
  try {
    return localStorage.getItem(NOTICE_KEY) !== config.policy.version;
  } catch {
    return true; // storage blocked: showing it again is the lesser harm
  }
}

function run(kernel: Kernel): void {
  const { boot, gate, held, rules, api } = kernel;
  const { config, locked } = checkConfig(kernel);
  if (locked) {
    // As if the site had written no config: the built-in rules only, and the gate closed
    // in case an earlier page view's verdict let it open (fail closed).
    rules.use([]);
    gate.set([]);
  }
  const { gpc } = boot;
  const facade = api.facade;
  // The visitor's language, from the whole config; on the API with the config, in place of what the head decided with.
  const language = pickLanguage([config.language, document.documentElement.lang, ...(navigator.languages ?? [])], availableLanguages(config));
  Object.assign(facade, { config, language });
  // What Consentry's own UI, placeholders and signals act through: window.consentry, but its changes keep the method
  // they name (a visitor's "accept-all", "custom", GPC…), where page code's are recorded as "api".
  const own: ConsentryApi = Object.create(facade, {
    acceptAll: { value: () => consent.own.acceptAll() },
    rejectAll: { value: () => consent.own.rejectAll() },
    set: { value: (change: ConsentChange) => consent.own.set(change) },
    withdraw: { value: (options?: { forgetHistory?: boolean }) => consent.own.withdraw(options) },
  });
  const storage = openStorage();
  // Script URLs and texts through the head's Trusted Types policy, where the page has Trusted Types.
  const trusted = trustedWith(kernel.trusted);
  const events = createEvents(facade.ready);
  const openUi = createUiLoader({ api: own, config, language, gpc, base: boot.base, trusted });
  const consent = createConsent({
    config,
    language,
    gpc,
    locked,
    storage,
    initial: boot.initial,
    policy: kernel.policy,
    gate,
    emit: events.emit,
    writeCookie: (value) => writeMirror(config, value),
    removeCookie: () => removeMirror(config),
    broadcast: startTabSync((record, at) => consent.applyRemote(record, at)),
    openUi,
    purge: (categories) => purgeTrackerCookies(rules, categories),
    reload: () => location.reload(),
  });

  // Plug release, placeholders and purge into the blockers, then catch up: held frames get their
  // placeholder and whatever the gate allows by now is released — now, and once the HTML is parsed
  // (without the markup observer, `observeMarkup: false`, nothing else sees the tagged HTML).
  const placeholders = createPlaceholders(config, language, (change) => own.set({ method: 'custom', ...change }), rules.forUrl);
  const writer = createWriter(held, trusted);
  const release = createRelease(held, kernel.sinkOf, placeholders, writer, trusted);
  // A release waits until the service worker (if any) applied the decision that allows it; a re-block never waits.
  const backstop = createBackstop();
  kernel.plug({
    ...release,
    release: () => backstop.afterApplied(release.release),
    placeholder: placeholders.show,
    purge: (categories) => purgeTrackerCookies(rules, categories),
    write: writer.write,
  });
  const catchUp = () => {
    for (const frame of document.querySelectorAll<HTMLElement>('iframe[data-consent],frame[data-consent]')) {
      if (!held.isReleasable(frame)) placeholders.show(frame, held.categoriesOf(frame));
    }
    release.release();
  };
  catchUp();
  if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', catchUp);
  reportEmbedding(kernel);
  listenForOpenLinks(openUi);
  // Signals first: Consent Mode's update must follow the default before a released tag runs.
  startSignals({ config, api: own, on: events.on, gpc, landing: boot.landing(), dataLayer: kernel.dataLayer, openUi });
  consent.applyGate();

  void storage
    .load()
    .then(async (stored) => {
      // The cookie is read again: another tab may have changed it meanwhile.
      const found = reconcile(stored, kernel.readMirror(config, language), config);
      if (found.unreadable)
        console.warn(`consentry: the stored choice could not be read; ${found.record ? "the mirror cookie's choice is kept" : 'the visitor is asked again'}`);
      if (found.removeCookie) removeMirror(config);
      if (found.writeCookie && found.record) writeMirror(config, encodeMirrorCookie(found.record, config.categories.map((c) => c.id)));
      if (found.saveRecord && found.record) {
        // The history may already hold this change (only the record was lost or broken): record it once.
        const entry = historyEntryOf(found.record);
        const known = (await storage.history()).find((e) => sameChange(e, entry));
        // Dated as the history has it: the cookie keeps whole seconds, and the record must not count as older than its own change.
        void storage.save(found.record, known ? undefined : entry, false, known?.at);
      }
      return found.record;
    })
    .catch((error: unknown) => {
      console.error('consentry: internal error while reading the stored choice', error);
      return null;
    })
    .then((record) => {
      const state = consent.start(record);
      // The service worker, when the config names one, learns the decision now and on every change.
      // An invalid config still names its worker (which then refuses with the built-in rules only).
      const worker = boot.user.serviceWorker;
      backstop.connect({
        script: typeof worker == 'string' ? worker : undefined,
        gate,
        rules: locked ? [] : config.rules,
        record: () => consent.actions.get().record,
        expiryMonths: config.expiryMonths,
      });
      api.ready(state);
      events.emit('ready', state);
      api.complete({ ...consent.actions, on: events.on });
      if (state.needsChoice) {
        if (!locked) void openUi('banner');
      } else {
        // A visitor who chose never downloads the UI, but withdrawing stays one click away.
        showSettingsButton(config, language);
        if (noticeDue(config, state.record)) void openUi('notice');
      }
    });
}

/** The runtime's entry: called once, with the head's kernel. */
export function start(kernel: Kernel): void {
  try {
    run(kernel);
  } catch (error) {
    // Fail closed: whatever happened, optional categories stay blocked.
    console.error('consentry: internal error; optional categories stay blocked', error);
    try {
      kernel.gate.set([]);
      kernel.api.fail(new Error('consentry: internal error; nothing can be recorded on this page'));
    } catch {
      // Nothing more can be done without risking the page.
    }
  }
}
