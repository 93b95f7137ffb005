/**
 * Signals: how the visitor's choice reaches tags, marketing and the site's
 * server (issue 5). Started by the guard's bootstrap right after the blockers,
 * while the page's own scripts have not run yet:
 * - synchronously: the Consent Mode `default` (all denied), then the address
 *   bar is cleaned of email click-tracking ids and unsubscribe parameters;
 * - on `ready`: Consent Mode `update` and a `consentry_update` dataLayer event,
 *   receipts a previous page view could not deliver, a GPC signal the stored
 *   choice does not honour yet, and an unsubscribe-link landing;
 * - on every `change`: Consent Mode `update`, the dataLayer event and a receipt.
 */
import { consentModeDefault, consentModeState } from '../../core/consent-mode';
import { gpcPending } from '../../core/gpc';
import { buildReceipt, buildWithdrawalReceipt } from '../../core/receipt';
import type { CategoryId, ConsentRecord, ConsentState, ConsentryApi, ConsentryConfig, UnsubscribeRequest } from '../../core/types';
import { openUi } from '../ui-loader';
import { cleanAddressBar } from './address-bar';
import { gtag, pushDataLayer } from './data-layer';
import { retryQueuedReceipts, sendReceipt } from './receipts';

/** What the bootstrap hands the signals. */
export interface SignalsContext {
  config: ConsentryConfig;
  api: ConsentryApi;
  /** `navigator.globalPrivacyControl === true` on this page view. */
  gpc: boolean;
}

const report = (error: unknown) => console.error('consentry: internal error in signals', error);

/** Start every signal; never throws into the page. */
export function startSignals({ config, api, gpc }: SignalsContext): void {
  try {
    if (config.consentMode) gtag('consent', 'default', consentModeDefault());
    const landing = cleanAddressBar(config.email, api.has('email'));
    const endpoint = config.receiptEndpoint;
    const isAllowed = (category: CategoryId) => api.has(category);
    // The last record seen: a withdrawal deletes the record, and its receipt still names it.
    let last: ConsentRecord | null = null;
    // Rides on the receipt of the change the unsubscribe link causes.
    let unsubscribe: UnsubscribeRequest | undefined;

    const publish = ({ record }: ConsentState) => {
      if (config.consentMode) gtag('consent', 'update', consentModeState(isAllowed, record?.optOuts));
      const categories = {} as Record<CategoryId, boolean>;
      for (const { id } of config.categories) categories[id] = isAllowed(id);
      pushDataLayer({
        event: 'consentry_update',
        consentry: { categories, optOuts: record?.optOuts ?? null, method: record?.method ?? null },
      });
    };

    const sendFor = (record: ConsentRecord | null, withToken?: UnsubscribeRequest) => {
      if (withToken) unsubscribe = undefined;
      const receipt = record ? buildReceipt(record, withToken) : last && buildWithdrawalReceipt(last, Date.now());
      if (endpoint && receipt) sendReceipt(endpoint, receipt);
      last = record;
    };

    api.on('change', (state) => {
      publish(state);
      sendFor(state.record, state.record?.method === 'unsubscribe-link' ? unsubscribe : undefined);
    });

    void api.ready
      .then(async (state) => {
        last = state.record;
        if (endpoint) retryQueuedReceipts(endpoint);
        publish(state);
        if (gpcPending(state.record, gpc)) {
          await api.set({ optOuts: { personalisedAds: true, adSharing: true }, method: 'gpc' });
        }
        if (!landing) return;
        if (landing.valid) {
          unsubscribe = landing;
          const after = await api.set({ optOuts: { promotionalEmail: true }, method: 'unsubscribe-link' });
          // No change event (already unsubscribed, same values): the email system still gets this token.
          if (unsubscribe) sendFor(after.record, unsubscribe);
        }
        await openUi('unsubscribe', { unsubscribe: landing });
      })
      .catch(report);
  } catch (error) {
    report(error);
  }
}
