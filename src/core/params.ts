/**
 * Query parameters the guard removes from the address bar (policy 8.3): email
 * click-tracking ids while `email` is denied, and an unsubscribe link's list
 * and token always, so none of them reaches an analytics script.
 *
 * Works on the raw query string, part by part, so the parameters that stay
 * keep their exact encoding (URLSearchParams would rewrite `%20` as `+`).
 */
import type { UnsubscribeRequest } from './types';

/**
 * An unsubscribe token is the email system's opaque id: 8 to 256 URL-safe
 * characters. Anything else is not recorded (a mangled or truncated link).
 */
const TOKEN_SHAPE = /^[A-Za-z0-9_.-]{8,256}$/;

/** A list name is shown to the visitor and sent in the receipt: 1 to 100 characters, no control characters. */
const LIST_SHAPE = /^[^\u0000-\u001f\u007f]{1,100}$/;

/** Whether `token` has the shape of an unsubscribe token. */
export function isValidToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** Whether `list` is a usable list name. */
export function isValidList(list: string): boolean {
  return LIST_SHAPE.test(list);
}

/**
 * A matcher for parameter names from patterns where `*` stands for any run of
 * characters (`utm_*`). Case-insensitive: mail systems write `UTM_Source` too.
 */
export function paramMatcher(patterns: readonly string[]): (name: string) => boolean {
  if (!patterns.length) return () => false;
  const escaped = patterns.map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*'));
  const re = new RegExp(`^(?:${escaped.join('|')})$`, 'i');
  return (name) => re.test(name);
}

/** One `name=value` part of a query string, with its name and value decoded. */
interface QueryPart {
  raw: string;
  name: string;
  value: string;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // a malformed escape: compare the raw text
  }
}

function parseQuery(search: string): QueryPart[] {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((raw) => {
      const eq = raw.indexOf('=');
      return eq < 0
        ? { raw, name: decode(raw), value: '' }
        : { raw, name: decode(raw.slice(0, eq)), value: decode(raw.slice(eq + 1)) };
    });
}

/**
 * `search` without the parameters `remove` matches ("" or "?a=1&b=2"), or
 * `null` when nothing matched, so callers leave the address bar alone.
 */
export function stripQuery(search: string, remove: (name: string) => boolean): string | null {
  const parts = parseQuery(search);
  const kept = parts.filter((part) => !remove(part.name));
  if (kept.length === parts.length) return null;
  return kept.length ? `?${kept.map((part) => part.raw).join('&')}` : '';
}

/** What an unsubscribe-link landing carried: the list, the token, and whether both have a usable shape. */
export type UnsubscribeLanding = UnsubscribeRequest & { valid: boolean };

/**
 * The unsubscribe request in `search`, or `null` when this is not an
 * unsubscribe landing. Only the list parameter marks a landing: a token alone
 * (`?token=` is common, e.g. password resets) is left to the page. The first
 * occurrence of a repeated parameter wins.
 */
export function readUnsubscribe(search: string, names: { list: string; token: string }): UnsubscribeLanding | null {
  const parts = parseQuery(search);
  const find = (name: string) => parts.find((part) => part.name === name)?.value;
  const list = find(names.list);
  const token = find(names.token);
  if (list === undefined) return null;
  return { list, token: token ?? '', valid: isValidList(list) && isValidToken(token ?? '') };
}
