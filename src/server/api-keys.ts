/**
 * API keys for the marketing endpoints. The ledger keeps only their SHA-256
 * (config.ts) and compares a presented key's hash with every configured hash
 * in constant time, without stopping at the first match, so neither the
 * answer's timing nor its content tells how close a guess was.
 */
import { timingSafeEqual } from 'node:crypto';
import { hashApiKey } from './config';

/** The matching key's id (a short hash prefix, safe to log and to count rate limits by), or null. */
export function matchApiKey(hashes: readonly Buffer[], presented: string): string | null {
  const hash = hashApiKey(presented);
  let match: Buffer | null = null;
  for (const candidate of hashes) if (timingSafeEqual(hash, candidate)) match = candidate;
  return match ? match.subarray(0, 8).toString('hex') : null;
}

/** The key in an `Authorization: Bearer <key>` header, or null. */
export function bearerKey(header: string | undefined): string | null {
  return /^Bearer +(\S+)$/i.exec(header ?? '')?.[1] ?? null;
}
