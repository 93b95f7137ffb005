/**
 * CSV (RFC 4180) for the export command. A field that a spreadsheet would
 * run as a formula (starting with = + - @, tab or carriage return) gets a
 * leading apostrophe (OWASP's advice against CSV injection): recipient ids
 * and list names come from outside.
 */
import type { ExportRow } from './store/types';

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lines of CSV (with CRLF), the header from the first row's keys. */
export async function* csvLines(rows: AsyncIterable<ExportRow>, header: readonly string[]): AsyncGenerator<string> {
  yield `${header.join(',')}\r\n`;
  for await (const row of rows) yield `${header.map((name) => csvField(row[name] ?? null)).join(',')}\r\n`;
}

export const EXPORT_HEADERS = {
  receipts: ['receivedAt', 'recordId', 'timestamp', 'method', 'policyVersion', 'language', 'categories', 'promotionalEmail', 'personalisedAds', 'adSharing', 'gpc', 'unsubscribeList'],
  optouts: ['type', 'at', 'list', 'recipient', 'source', 'consentId', 'personalisedAds', 'adSharing', 'gpc'],
} as const;
