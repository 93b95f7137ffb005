/**
 * Unsubscribe tokens: signed, per recipient and list, verifiable without a
 * lookup table, so a mail system can issue them offline.
 *
 *   c1.<list>.<recipient>.<mac>     (each part base64url, no padding)
 *   mac = HMAC-SHA256(key, "c1\n" + list + "\n" + recipient)
 *
 * The first of LEDGER_TOKEN_KEYS signs; every key verifies, so a key can be
 * rotated in (put the new one first) and out (drop the old one once no email
 * in circulation carries it). A token fits the browser's token shape
 * (src/core/params.ts: 8–256 of `A–Z a–z 0–9 _ - .`), so the same token works
 * in the site's landing link (`/?unsubscribe=<list>&token=<token>`) and in the
 * one-click URL. The list and recipient id are readable (base64url is not
 * encryption): use the mail system's subscriber id, never an email address.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { TOKEN_SHAPE } from '../core/params';

const VERSION = 'c1';
/** Lists a token can name: short, URL-safe names such as `newsletter` or `product-news`. */
export const TOKEN_LIST = /^[\w.-]{1,48}$/;
/** Longest recipient id, in UTF-8 bytes, that keeps a token within the browser's 256 characters. */
export const MAX_RECIPIENT_BYTES = 96;

/** What a valid token names. */
export interface TokenSubject {
  list: string;
  recipient: string;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

function mac(key: string, list: string, recipient: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}\n${list}\n${recipient}`).digest();
}

/** Why a list or recipient id cannot be put in a token, or null when it can. */
export function tokenInputProblem(list: string, recipient: string): string | null {
  if (!TOKEN_LIST.test(list)) return `list must be 1 to 48 characters of A-Z a-z 0-9 _ - . (got ${JSON.stringify(list)})`;
  if (!recipient || /[\0-\x1f\x7f]/.test(recipient)) return 'recipient must be a non-empty id without control characters';
  if (Buffer.byteLength(recipient, 'utf8') > MAX_RECIPIENT_BYTES) return `recipient must be at most ${MAX_RECIPIENT_BYTES} bytes (UTF-8)`;
  return null;
}

/**
 * The token for `recipient` on `list`, signed with the first key. Throws on a
 * list or recipient a token cannot carry (see `tokenInputProblem`).
 */
export function signToken(keys: readonly string[], list: string, recipient: string): string {
  if (!keys.length) throw new Error('no token keys: set LEDGER_TOKEN_KEYS to issue unsubscribe tokens');
  const problem = tokenInputProblem(list, recipient);
  if (problem) throw new Error(problem);
  return [VERSION, b64(list), b64(recipient), mac(keys[0]!, list, recipient).toString('base64url')].join('.');
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The list and recipient a token was signed for, or null when it is not one
 * of ours: malformed, truncated, altered, or signed with a key not in `keys`.
 * Each key's MAC is compared in constant time.
 */
export function verifyToken(keys: readonly string[], token: string): TokenSubject | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION || !parts.slice(1).every((part) => B64URL.test(part))) return null;
  const list = Buffer.from(parts[1]!, 'base64url').toString('utf8');
  const recipient = Buffer.from(parts[2]!, 'base64url').toString('utf8');
  // Re-encoding must give the same text: rejects non-canonical base64url and invalid UTF-8.
  if (b64(list) !== parts[1] || b64(recipient) !== parts[2] || tokenInputProblem(list, recipient)) return null;
  const given = Buffer.from(parts[3]!, 'base64url');
  if (given.length !== 32) return null;
  let valid = false;
  for (const key of keys) valid = timingSafeEqual(given, mac(key, list, recipient)) || valid;
  return valid ? { list, recipient } : null;
}

/** The one-click URL for a token: `<publicUrl>/v1/unsubscribe/<token>`. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/unsubscribe/${token}`;
}

/**
 * The two headers each email carries (RFC 8058): the mail client shows an
 * unsubscribe button and POSTs `List-Unsubscribe=One-Click` to the URL.
 */
export function unsubscribeHeaders(publicUrl: string, token: string): { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string } {
  return { 'List-Unsubscribe': `<${unsubscribeUrl(publicUrl, token)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
