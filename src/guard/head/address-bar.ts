/**
 * Cleans the address bar before any other script reads `location.href`:
 * email click-tracking ids while `email` is denied (policy 8.3), and an
 * unsubscribe link's list and token always (the token must never reach
 * analytics). One `history.replaceState`: no reload, fragment and state kept.
 */
import { isTrackingParam, readUnsubscribe, stripQuery, type UnsubscribeLanding } from '../../core/params';
import type { ConsentryConfig } from '../../core/types';

/**
 * Strip the parameters and return the unsubscribe request this page was
 * opened with, or `null` when it is not an unsubscribe landing.
 */
export function cleanAddressBar({ unsubscribeParams: names, trackingParams }: ConsentryConfig['email'], emailAllowed: boolean): UnsubscribeLanding | null {
  const { search } = location;
  if (!search) return null; // most page views: nothing to read or strip
  const landing = readUnsubscribe(search, names);
  const next = stripQuery(
    search,
    (name) => (!emailAllowed && isTrackingParam(name, trackingParams)) || (!!landing && (name === names.list || name === names.token)),
  );
  if (next !== null) history.replaceState(history.state, '', location.pathname + next + location.hash);
  return landing;
}
