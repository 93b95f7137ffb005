/**
 * The policy version as the mirror cookie carries it (README "Mirror
 * cookie"): URL-encoded, with `.`, `~`, `!`, `'`, `(`, `)`, `*` encoded too and
 * `~` written for `%`, at most `POLICY_FIELD_MAX` characters. Every version
 * stored with a choice must fit, or the cookie could not carry the choice:
 * the validator refuses a config whose version does not, and the record
 * decoder a record whose version does not.
 */

/** The longest policy field the cookie decoder reads. */
export const POLICY_FIELD_MAX = 200;

/** The cookie's policy field for `version`; throws a URIError on text that is not well-formed (a lone surrogate). */
export const escapePolicy = (version: string): string =>
  encodeURIComponent(version)
    .replace(/[.~!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%/g, '~');

/** Whether the mirror cookie can carry `version`: non-empty, well-formed text of at most `POLICY_FIELD_MAX` characters once escaped. Never throws. */
export function fitsMirrorCookie(version: unknown): boolean {
  try {
    return typeof version == 'string' && version != '' && escapePolicy(version).length <= POLICY_FIELD_MAX;
  } catch {
    return false;
  }
}
