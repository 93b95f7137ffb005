/**
 * Signals: how the visitor's choice reaches tags, marketing and the site's
 * server. The part that cannot wait (Consent Mode `default`, the address bar)
 * is the head's (head/early-signals.ts); this is the runtime's:
 * - on `ready`: an unsubscribe-link landing is recorded and confirmed, a GPC
 *   signal the stored choice does not honour yet is recorded, receipts a
 *   previous page view could not deliver are sent, and Consent Mode `update`
 *   plus a `consentry_update` dataLayer event carry the stored choice;
 * - on every `change`: Consent Mode `update`, the dataLayer event, a receipt.
 */
import { gpcPending } from '../../core/gpc';
import type { UnsubscribeLanding } from '../../core/params';
import { buildReceipt, buildWithdrawalReceipt } from '../../core/receipt';
import type { CategoryId, ConsentRecord, ConsentState, ConsentryApi, ConsentryConfig, UiHost, UiView, UnsubscribeRequest } from '../../core/types';
import { consentModeState } from '../../core/consent-mode';
import type { DataLayer } from '../kernel';
import { retryQueuedReceipts, sendReceipt } from './receipts';

/** What the runtime hands the signals. */
export interface SignalsContext {
  config: ConsentryConfig;
  /** `window.consentry` (its actions are in place by the time `ready` resolves). */
  api: ConsentryApi;
  /** Subscribe at once (the facade's `on` waits for the runtime to be ready). */
  on: ConsentryApi['on'];
  /** `navigator.globalPrivacyControl === true` on this page view. */
  gpc: boolean;
  /** The unsubscribe request the head found in the address bar (head/early-signals.ts), or `null`. */
  landing: UnsubscribeLanding | null;
  dataLayer: DataLayer;
  openUi(view: UiView, extra?: Partial<UiHost>): Promise<void>;
}

const report = (error: unknown) => console.error('consentry: internal error in signals', error);

/** Start the signals that follow the choice; never throws into the page. */
export function startSignals({ config, api, on, gpc, landing, dataLayer, openUi }: SignalsContext): void {
  try {
    const endpoint = config.receiptEndpoint;
    const isAllowed = (category: CategoryId) => api.has(category);
    // The last record seen: a withdrawal deletes the record, and its receipt still names it.
    let last: ConsentRecord | null = null;
    // An unsubscribe link's list and token, until a receipt carried them.
    let unsubscribe: UnsubscribeRequest | undefined;

    const publish = ({ record }: ConsentState) => {
      if (config.consentMode) dataLayer.gtag('consent', 'update', consentModeState(isAllowed, record?.optOuts));
      const categories = {} as Record<CategoryId, boolean>;
      for (const { id } of config.categories) categories[id] = isAllowed(id);
      dataLayer.push({
        event: 'consentry_update',
        consentry: { categories, optOuts: record?.optOuts ?? null, method: record?.method ?? null },
      });
    };

    /** The receipt for this tab's change; the change an unsubscribe link made carries its list and token. */
    const sendReceiptFor = (record: ConsentRecord | null) => {
      if (!endpoint) return;
      const withToken = record?.method === 'unsubscribe-link' ? unsubscribe : undefined;
      if (withToken) unsubscribe = undefined;
      const receipt = record ? buildReceipt(record, withToken) : last && buildWithdrawalReceipt(last, Date.now());
      if (receipt) sendReceipt(endpoint, receipt);
    };

    on('change', (state) => {
      publish(state);
      // Every open tab hears a change; the tab that made it sends the receipt.
      if (!state.fromOtherTab) sendReceiptFor(state.record);
      last = state.record;
    });

    void api.ready
      .then(async (state) => {
        last = state.record;
        // Opened before recording, so it replaces the banner before either is painted.
        if (landing) void openUi('unsubscribe', { unsubscribe: landing });
        if (endpoint) retryQueuedReceipts(endpoint);
        publish(state);
        // A signal is not a choice: it must not renew a choice that expired or
        // predates a material policy change (every category that choice allowed
        // would run again, unasked). The unsubscribe is still recorded, with
        // every category denied; GPC waits for the choice the visitor is asked
        // for (the banner and preference centre apply it).
        const { needsChoice } = api.get();
        if (landing?.valid) {
          unsubscribe = { list: landing.list, token: landing.token };
          const after = await api.set({
            categories: needsChoice ? Object.fromEntries(config.categories.map(({ id }) => [id, false])) : undefined,
            optOuts: { promotionalEmail: true },
            method: 'unsubscribe-link',
          });
          // Already unsubscribed, so no change happened: the email system still gets this list and token.
          if (unsubscribe && after.record) sendReceiptFor({ ...after.record, method: 'unsubscribe-link', updatedAt: Date.now() });
        }
        if (!needsChoice && gpcPending(api.get().record, gpc)) {
          await api.set({ optOuts: { personalisedAds: true, adSharing: true }, method: 'gpc' });
        }
      })
      .catch(report);
  } catch (error) {
    report(error);
  }
}
