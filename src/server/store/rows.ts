/**
 * Database rows → what the API and the CSV export show. Shared by both
 * dialects: SQLite returns booleans as 0/1 and PostgreSQL BIGINTs as text,
 * so every value is normalised here.
 */
import type { ConsentReceipt } from '../../core/types';
import type { ExportRow, OptOutItem, OptOutSource, StoredReceipt } from './types';

/** An `optouts` row as either database returns it. */
export interface OptOutRow {
  kind: string;
  list: string | null;
  recipient: string | null;
  source: string | null;
  consent_id: string | null;
  personalised_ads: boolean | number | null;
  ad_sharing: boolean | number | null;
  gpc: boolean | number | null;
  at: number | string;
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

export function optOutItem(row: OptOutRow): OptOutItem {
  if (row.kind === 'email') {
    return { type: 'email', list: row.list!, recipient: row.recipient!, source: row.source as OptOutSource, at: iso(row.at) };
  }
  return {
    type: 'advertising',
    consentId: row.consent_id!,
    personalisedAds: Boolean(row.personalised_ads),
    adSharing: Boolean(row.ad_sharing),
    gpc: Boolean(row.gpc),
    at: iso(row.at),
  };
}

export function storedReceipt(body: string, receivedAt: number | string): StoredReceipt {
  return { receipt: JSON.parse(body) as ConsentReceipt, receivedAt: iso(receivedAt) };
}

/** One receipt as a flat CSV row (categories as `id=true;id=false`). */
export function receiptExportRow(body: string, receivedAt: number | string): ExportRow {
  const r = JSON.parse(body) as ConsentReceipt;
  return {
    receivedAt: iso(receivedAt),
    recordId: r.recordId,
    timestamp: r.timestamp,
    method: r.method,
    policyVersion: r.policyVersion,
    language: r.language,
    categories: Object.entries(r.categories)
      .map(([id, on]) => `${id}=${on}`)
      .join(';'),
    promotionalEmail: r.optOuts.promotionalEmail,
    personalisedAds: r.optOuts.personalisedAds,
    adSharing: r.optOuts.adSharing,
    gpc: r.gpc,
    unsubscribeList: r.unsubscribe?.list ?? null,
  };
}

/** One opt-out as a flat CSV row: email rows fill list/recipient/source, advertising rows the rest. */
export function optOutExportRow(row: OptOutRow): ExportRow {
  const item = optOutItem(row);
  return item.type === 'email'
    ? { type: 'email', at: item.at, list: item.list, recipient: item.recipient, source: item.source, consentId: null, personalisedAds: null, adSharing: null, gpc: null }
    : { type: 'advertising', at: item.at, list: null, recipient: null, source: null, consentId: item.consentId, personalisedAds: item.personalisedAds, adSharing: item.adSharing, gpc: item.gpc };
}
