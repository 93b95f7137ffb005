/**
 * `consentry/ledger`: the consent ledger as a library, for the mail system
 * that issues unsubscribe tokens and for embedding the service.
 *
 * ```js
 * import { signToken, unsubscribeHeaders } from 'consentry/ledger';
 * const token = signToken(process.env.LEDGER_TOKEN_KEYS, 'newsletter', subscriberId);
 * const headers = unsubscribeHeaders('https://ledger.example.com', token);
 * ```
 */
import { signToken as sign, verifyToken as verify, type TokenSubject } from './tokens';

export { unsubscribeHeaders, unsubscribeUrl, tokenInputProblem, type TokenSubject } from './tokens';
export { readConfig, describeDefaults, ConfigError, type LedgerConfig } from './config';
export { startLedger, type RunningLedger } from './server';

/** LEDGER_TOKEN_KEYS as written in the environment (comma-separated), or already split. */
export type TokenKeys = string | readonly string[] | undefined;

const keyList = (keys: TokenKeys): string[] =>
  (typeof keys === 'string' ? keys.split(',') : (keys ?? [])).map((key) => key.trim()).filter(Boolean);

/**
 * The unsubscribe token for `recipient` on `list`, signed with the first key
 * (the same format as `consentry-ledger token`). `recipient` is your mail
 * system's subscriber id, never an email address: the token is readable.
 * Throws when there is no key or a value cannot be carried.
 */
export function signToken(keys: TokenKeys, list: string, recipient: string): string {
  return sign(keyList(keys), list, recipient);
}

/** The list and recipient of a token signed with any of `keys`, or null. */
export function verifyToken(keys: TokenKeys, token: string): TokenSubject | null {
  return verify(keyList(keys), token);
}
