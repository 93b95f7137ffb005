/**
 * Cleans the address bar before any other script reads `location.href`:
 * email click-tracking parameters while `email` is denied (policy 8.3), and
 * an unsubscribe link's list and token always (the token must never reach
 * analytics). One `history.replaceState`, no reload, history state kept.
 */
import { paramMatcher, readUnsubscribe, stripQuery, type UnsubscribeLanding } from '../../core/params';
import type { ConsentryConfig } from '../../core/types';

/**
 * Strip the parameters and return the unsubscribe request this page was
 * opened with, or `null` when it is not an unsubscribe landing.
 */
export function cleanAddressBar(email: ConsentryConfig['email'], emailAllowed: boolean): UnsubscribeLanding | null {
  const { search } = location;
  const names = email.unsubscribeParams;
  const landing = readUnsubscribe(search, names);
  const isTracking = emailAllowed ? () => false : paramMatcher(email.trackingParams);
  const next = stripQuery(
    search,
    (name) => isTracking(name) || (!!landing && (name === names.list || name === names.token)),
  );
  if (next !== null) history.replaceState(history.state, '', location.pathname + next + location.hash);
  return landing;
}
