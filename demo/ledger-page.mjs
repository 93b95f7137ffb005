/**
 * The /ledger page: what the consent ledger holds, read server-side through
 * its API and rendered as text (every value escaped): this visitor's
 * receipts (found by the consent id in their `consentry` cookie) and the
 * opt-out list a mail system or an ad platform would pull.
 */
import { escapeHtml } from './pages.mjs';

const cell = (value) => `<td>${escapeHtml(value === null || value === undefined ? '' : String(value))}</td>`;
const time = (iso) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/** The consent id at the end of Consentry's mirror cookie (`1.<policy>.<categories>.<flags>.<updated>.<id>`), or null. */
export function consentIdFromCookie(cookieHeader) {
  const value = /(?:^|;\s*)consentry=([^;]*)/.exec(cookieHeader ?? '')?.[1];
  return value ? (/\.([\w-]{1,100})$/.exec(decodeURIComponent(value))?.[1] ?? null) : null;
}

/**
 * @param {{ ledgerOrigin: string, consentId: string | null, receipts: Array<{ receipt: any, receivedAt: string }>, optOuts: any[] }} state
 */
export function ledgerPage({ ledgerOrigin, consentId, receipts, optOuts }) {
  const yes = (on) => (on ? 'yes' : 'no');
  const receiptRows = receipts
    .map(({ receipt, receivedAt }) => {
      const allowed = Object.entries(receipt.categories).filter(([, on]) => on).map(([id]) => id).join(', ');
      return `<tr>${cell(time(receivedAt))}${cell(receipt.method)}${cell(allowed)}${cell(yes(receipt.optOuts.promotionalEmail))}${cell(yes(receipt.optOuts.personalisedAds))}${cell(yes(receipt.optOuts.adSharing))}${cell(receipt.unsubscribe?.list ?? '')}</tr>`;
    })
    .join('\n');
  const email = optOuts.filter((item) => item.type === 'email');
  const advertising = optOuts.filter((item) => item.type === 'advertising');
  return {
    title: 'Consent ledger',
    main: `<h1>Consent ledger</h1>
<p>Every choice made on this site is sent as a consent receipt to the consent ledger running beside the demo (<code>${escapeHtml(ledgerOrigin)}</code>, on SQLite). It keeps them append-only as proof of consent and turns opt-outs into the lists marketing pulls. Make a choice or use the unsubscribe link, then reload this page.</p>
<h2>Your receipts</h2>
${
  consentId
    ? `<p>Consent id <code data-testid="consent-id">${escapeHtml(consentId)}</code> (from your <code>consentry</code> cookie): ${receipts.length} receipt${receipts.length === 1 ? '' : 's'}.</p>`
    : '<p>You have not made a choice on this site yet, so the ledger holds no receipt of yours.</p>'
}
${
  receipts.length
    ? `<table data-testid="receipts"><thead><tr><th>Stored</th><th>How</th><th>Allowed</th><th>No promo email</th><th>No personalised ads</th><th>No sharing</th><th>Unsubscribed list</th></tr></thead>
<tbody>
${receiptRows}
</tbody></table>`
    : ''
}
<h2>Email suppression list</h2>
<p>What a mail system pulls (<code>GET /v1/optouts</code>) before each send: recipients by list, from the site's unsubscribe page or the mail client's one-click button.</p>
${
  email.length
    ? `<table data-testid="email-optouts"><thead><tr><th>When</th><th>List</th><th>Recipient</th><th>From</th></tr></thead>
<tbody>
${email.map((item) => `<tr>${cell(time(item.at))}${cell(item.list)}${cell(item.recipient)}${cell(item.source)}</tr>`).join('\n')}
</tbody></table>`
    : '<p data-testid="email-optouts">Nobody has unsubscribed yet.</p>'
}
<h2>Advertising opt-outs</h2>
<p>Consent ids whose visitor turned off personalised ads or sharing, or whose browser sent Global Privacy Control (and any later change of theirs).</p>
${
  advertising.length
    ? `<table data-testid="ad-optouts"><thead><tr><th>When</th><th>Consent id</th><th>No personalised ads</th><th>No sharing</th><th>GPC</th></tr></thead>
<tbody>
${advertising.map((item) => `<tr>${cell(time(item.at))}${cell(item.consentId)}${cell(yes(item.personalisedAds))}${cell(yes(item.adSharing))}${cell(yes(item.gpc))}</tr>`).join('\n')}
</tbody></table>`
    : '<p data-testid="ad-optouts">No advertising opt-out yet.</p>'
}
<p><a class="button" href="/ledger">Reload</a></p>`,
  };
}
