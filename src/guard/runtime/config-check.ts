/**
 * The full validation of the config the head read and merged without
 * checking (src/core/validate.ts), reported once on the console. A valid
 * config text is remembered (its hash) so the next page view's head may open
 * the gate from the cookie at once; an invalid one locks every optional
 * category (fail closed) and is forgotten.
 */
import { VALIDATED_CONFIGS_KEY } from '../../core/storage-keys';
import type { ConsentryConfig } from '../../core/types';
import { mergeConfig } from '../../core/merge-config';
import { validate } from '../../core/validate';
import type { Kernel } from '../kernel';

/** How many valid config texts are remembered: a site may serve a different config on some pages, and each keeps its synchronous start. */
const REMEMBERED = 8;

/** The stored list (hashes, space-separated, most recent first) after validating the config `hash`: first when `valid`, gone when not. */
export function rememberValidated(stored: string | null, hash: string, valid: boolean): string {
  const others = (stored || '').split(' ').filter((known) => known && known !== hash);
  return (valid ? [hash, ...others] : others).slice(0, REMEMBERED).join(' ');
}

/** Validates and reports; the config to run with, and whether it is `locked` (invalid: nothing optional may run). */
export function checkConfig({ boot }: Kernel): { config: ConsentryConfig; locked: boolean } {
  const problems = [...boot.sourceProblems, ...validate(boot.user)];
  const list = (warning: boolean) => problems.filter((p) => !!p.warning === warning).map((p) => `\n- ${p.message}`);
  const errors = list(false);
  const warnings = list(true);
  const locked = errors.length > 0;
  if (locked) console.error(`consentry: the config has problems, so every optional category stays denied until they are fixed:${errors.join('')}`);
  if (warnings.length) console.warn(`consentry: config warnings:${warnings.join('')}`);
  try {
    const stored = localStorage.getItem(VALIDATED_CONFIGS_KEY);
    const remembered = rememberValidated(stored, boot.configHash, !locked);
    // A write is a synchronous round trip to the browser's storage: only when the list changes (most page views it does not).
    if (remembered !== stored) localStorage.setItem(VALIDATED_CONFIGS_KEY, remembered);
  } catch {
    // Storage blocked: the next page view waits for the runtime again before opening the gate.
  }
  // Invalid: the defaults, as if the site had written no config.
  return { config: mergeConfig(locked ? {} : boot.user), locked };
}
