/**
 * Where the site owner's config comes from, read synchronously while the
 * guard's own `<script>` runs (so it must stand before the guard), later
 * sources overriding earlier ones:
 * 1. `<script type="application/json" id="consentry-config">{…}</script>`;
 * 2. `window.consentryConfig = {…}`;
 * 3. data attributes on the guard's script tag (see `ATTRIBUTES`).
 * The guard's own CSP nonce, if it has one, is reused for the UI bundle.
 */
import { deepMerge, isPlainObject, jsonCopy } from '../../core/objects';
import type { ConfigProblem } from '../../core/types';
import { CONFIG_ID } from '../kernel';

declare global {
  interface Window {
    /** A config a site sets before the guard runs. */
    consentryConfig?: unknown;
  }
}


/**
 * The `data-*` attributes of the guard's script tag (camel-cased as in
 * `dataset`), each with the config path it sets: `name path,…`. `"true"` and
 * `"false"` become booleans.
 */
const ATTRIBUTES =
  'policyUrl policy.url,policyVersion policy.version,language language,cookieName cookie.name,cookieDomain cookie.domain,' +
  'receiptEndpoint receiptEndpoint,consentMode consentMode,reloadOnWithdraw reloadOnWithdraw,settingsButton ui.settingsButton';

/** The owner's config from every source, and problems no validation can see (bad JSON, a non-object). */
export interface ConfigSource {
  user: Record<string, unknown>;
  problems: ConfigProblem[];
}

function fromAttributes(script: HTMLScriptElement | null): Record<string, unknown> {
  const user: Record<string, any> = {};
  for (const entry of ATTRIBUTES.split(',')) {
    const [name, path] = entry.split(' ') as [string, string];
    const raw = script?.dataset[name];
    if (raw === undefined) continue;
    const keys = path.split('.');
    const last = keys.pop()!;
    let at = user;
    for (const key of keys) at = at[key] ??= {};
    at[last] = raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  return user;
}

/**
 * Reads every source, each once and as JSON data (a getter that throws, a
 * cycle, a BigInt or a function is a problem naming the source, never an
 * exception); never throws.
 */
export function readUserConfig(script: HTMLScriptElement | null): ConfigSource {
  const problems: ConfigProblem[] = [];
  const accept = (path: string, read: () => unknown, failure = 'cannot be read as JSON data'): Record<string, unknown> => {
    let message: string;
    try {
      const value = jsonCopy(read(), path);
      if (value === undefined || isPlainObject(value)) return value ?? {};
      message = `${path} must be an object`;
    } catch (error) {
      message = `${path} ${failure}`;
      try {
        // What the error says, if it can be read (page code may throw anything, even an object whose `message` throws).
        message += ` (${(error as Error).message ?? error})`;
      } catch {
        // Said without it.
      }
    }
    problems.push({ path, message });
    return {};
  };
  const element = document.getElementById(CONFIG_ID);
  // The guard's own nonce is only a default: a nonce the config names wins.
  const base = script?.nonce ? { ui: { nonce: script.nonce } } : {};
  const sources = [
    element ? accept('#consentry-config', () => JSON.parse(element.textContent || '{}'), 'is not valid JSON') : {},
    accept('window.consentryConfig', () => window.consentryConfig),
    fromAttributes(script),
  ];
  const user = sources.reduce<Record<string, unknown>>(deepMerge, base);
  return { user, problems };
}
