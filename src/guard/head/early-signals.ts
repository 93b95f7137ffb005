/**
 * The signals that cannot wait for the runtime (they run in the head, before
 * the page's next script):
 * - the Consent Mode `default` (all denied but security_storage), pushed
 *   before any tag can run;
 * - the address bar loses email click-tracking ids (while `email` is denied)
 *   and unsubscribe parameters, before any analytics script reads it.
 * Everything that reacts to `ready` and `change` is the runtime's (runtime/signals.ts).
 */
import type { UnsubscribeLanding } from '../../core/params';
import type { CategoryId, ConsentryConfig } from '../../core/types';
import { cleanAddressBar } from './address-bar';
import { gtag } from './data-layer';

/** What the early signals found: the unsubscribe request this page was opened with, once known. */
export interface EarlySignals {
  landing(): UnsubscribeLanding | null;
}

const report = (error: unknown) => console.error('consentry: internal error', error);

/** Push the Consent Mode default and clean the address bar; never throws into the page. */
export function startEarlySignals(config: ConsentryConfig, has: (category: CategoryId) => boolean): EarlySignals {
  let landing: UnsubscribeLanding | null = null;
  try {
    if (config.consentMode) gtag('consent', 'default', __CONSENT_MODE_DEFAULT__);
    // The head opens the gate from the mirror cookie right after this call
    // returns, and `has('email')` must see it. A microtask still runs before the
    // parser executes the next <script> (the microtask checkpoint after a script),
    // so no analytics script can read the address bar first.
    queueMicrotask(() => {
      try {
        landing = cleanAddressBar(config.email, has('email'));
      } catch (error) {
        report(error);
      }
    });
  } catch (error) {
    report(error);
  }
  return { landing: () => landing };
}
