/**
 * The guard (dist/consentry.js): the synchronous script that stands first in
 * `<head>`. In order, before the next script on the page runs:
 * 1. read the site's config (invalid: report once, run on the defaults with
 *    every optional category denied);
 * 2. install the blockers, then start the signals (Consent Mode default);
 * 3. read the mirror cookie and open the gate for what it allows, so a
 *    returning visitor's trackers run with no wait for IndexedDB;
 * 4. expose `window.consentry`.
 * Then, asynchronously: reconcile with IndexedDB, resolve `ready`, and open
 * the banner when a choice is needed. Nothing here throws into the page; an
 * internal error leaves the optional categories blocked.
 */
import { resolveConfig } from '../core/config';
import { pickLanguage } from '../core/language';
import { decodeMirrorCookie, encodeMirrorCookie, recordFromMirror } from '../core/mirror-cookie';
import { historyEntryOf } from '../core/record';
import { reconcile } from '../core/reconcile';
import { policyNoticeActive } from '../core/policy';
import type { ConsentRecord, ConsentryApi, ConsentryConfig } from '../core/types';
import { createGuardApi } from './api';
import { installBlocking, purgeTrackerCookies } from './blocking';
import { readUserConfig, warnIfConfigComesLate } from './config-source';
import { setAllowed } from './gate';
import { readMirror, removeMirror, writeMirror } from './mirror';
import { startSignals } from './signals';
import { openStorage } from './storage';
import { startTabSync } from './sync';
import { removeSettingsButton, showSettingsButton } from './settings-button';
import { configureUi, listenForOpenLinks, openUi } from './ui-loader';

declare global {
  interface Window {
    /** Consentry's public API (see README "API"). */
    consentry?: ConsentryApi;
  }
}

/** Reads and resolves the config, reporting problems once; `locked` when it cannot be used. */
function loadConfig(script: HTMLScriptElement | null): { config: ConsentryConfig; locked: boolean } {
  const source = readUserConfig(script);
  warnIfConfigComesLate();
  const resolved = resolveConfig(source.user);
  const problems = [...source.problems, ...resolved.problems];
  const errors = problems.filter((p) => !p.warning).map((p) => `\n- ${p.message}`);
  const warnings = problems.filter((p) => p.warning).map((p) => `\n- ${p.message}`);
  const locked = errors.length > 0;
  if (locked) console.error(`consentry: the config has problems, so every optional category stays denied until they are fixed:${errors.join('')}`);
  if (warnings.length) console.warn(`consentry: config warnings:${warnings.join('')}`);
  return { config: locked ? resolveConfig({}).config : resolved.config, locked };
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

function start(): void {
  // Included twice (a CMS adding it again): the first copy already guards the page.
  if (window.consentry) return console.warn('consentry: the guard is on this page twice; the second copy does nothing');
  const script = document.currentScript as HTMLScriptElement | null;
  const { config, locked } = loadConfig(script);
  installBlocking(config);

  const languages = [document.documentElement.lang, ...(navigator.languages ?? [navigator.language])];
  const language = pickLanguage(config, languages);
  const gpc = navigator.globalPrivacyControl === true;
  const ids = config.categories.map((c) => c.id);
  const fromCookie = decodeMirrorCookie(readMirror(config), ids);
  const storage = openStorage();
  const guard = createGuardApi({
    config,
    language,
    gpc,
    locked,
    storage,
    initial: fromCookie && recordFromMirror(fromCookie, config, language),
    writeCookie: (value) => writeMirror(config, value),
    removeCookie: () => removeMirror(config),
    broadcast: startTabSync((record) => guard.applyRemote(record)),
    openUi: (view) => {
      removeSettingsButton();
      return openUi(view);
    },
    purgeTrackerCookies,
    reload: () => location.reload(),
  });
  const { api } = guard;
  window.consentry = api;
  configureUi({ api, config, language, gpc, base: script?.src || location.href });
  listenForOpenLinks();
  // Signals first: Consent Mode's default must be in place before a released tag runs.
  startSignals({ config, api, gpc });
  guard.applyGate();

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
  start();
} catch (error) {
  // Fail closed: whatever happened, optional categories stay blocked.
  console.error('consentry: internal error; optional categories stay blocked', error);
  try {
    setAllowed([]);
  } catch {
    // Nothing more can be done without risking the page.
  }
}
