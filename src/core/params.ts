/**
 * Query parameters the guard removes from the address bar (policy 8.3): email
 * click-tracking ids while `email` is denied, and an unsubscribe link's list
 * and token always, so none of them reaches an analytics script.
 *
 * Strips part by part on the raw query string, so the parameters that stay
 * keep their exact encoding (re-serialising URLSearchParams would rewrite
 * `%20` as `+`); names and values are decoded by URLSearchParams.
 */
import type { UnsubscribeRequest } from './types';
import { globMatches } from './url-match';

/**
 * An unsubscribe token is the email system's opaque id: 8 to 256 URL-safe
 * characters. Anything else is not recorded (a mangled or truncated link).
 */
export const TOKEN_SHAPE = /^[\w.-]{8,256}$/;

/** A list name is shown to the visitor and sent in the receipt: 1 to 100 characters, no control characters. */
export const LIST_SHAPE = /^[^\0-\x1f\x7f]{1,100}$/;

/**
 * Whether a parameter name matches one of `patterns`, where `*` stands for any
 * run of characters (`utm_*`). Case-insensitive: mail systems write `UTM_Source` too.
 */
export function isTrackingParam(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => globMatches(name.toLowerCase(), pattern.toLowerCase()));
}

/**
 * `search` without the parameters `remove` matches ("" or "?a=1&b=2"), or
 * `null` when nothing matched, so callers leave the address bar alone.
 */
export function stripQuery(search: string, remove: (name: string) => boolean): string | null {
  const parts = search.replace(/^\?/, '').split('&').filter(Boolean);
  const kept = parts.filter((part) => !remove(new URLSearchParams(part).keys().next().value ?? ''));
  if (kept.length === parts.length) return null;
  return kept.length ? `?${kept.join('&')}` : '';
}

/** What an unsubscribe-link landing carried: the list, the token, and whether both have a usable shape. */
export type UnsubscribeLanding = UnsubscribeRequest & { valid: boolean };

/**
 * The unsubscribe request in `search`, or `null` when this is not an
 * unsubscribe landing. Only the list parameter marks a landing: a token alone
 * (`?token=` is common, e.g. password resets) is left to the page. The first
 * occurrence of a repeated parameter wins.
 */
export function readUnsubscribe(search: string, names: UnsubscribeRequest): UnsubscribeLanding | null {
  const query = new URLSearchParams(search);
  const list = query.get(names.list);
  const token = query.get(names.token) ?? '';
  return list === null ? null : { list, token, valid: LIST_SHAPE.test(list) && TOKEN_SHAPE.test(token) };
}
