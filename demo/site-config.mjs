/**
 * The Consentry config the demo site embeds, and the demo-only switches that
 * change it (the simulated policy change and the simulated GPC signal).
 * Switches are plain first-party cookies set by the demo's own pages, so the
 * guard sees them the way a real site would serve a changed config.
 */

/** Cookie that makes the server serve the "next" policy version (a material change). */
export const POLICY_SWITCH_COOKIE = 'demo_policy';
/** Cookie that makes pages load demo/assets/simulate-gpc.js before the guard. */
export const GPC_SWITCH_COOKIE = 'demo_gpc';

/** The policy the demo site publishes: the one in demo/privacy-policy.txt. */
export const CURRENT_POLICY = { version: '2021-10-24', effectiveDate: '2021-10-24', material: false };

/** Where the unsubscribe link of the demo's newsletter points (see newsletter page). */
export const UNSUBSCRIBE_PARAMS = { list: 'unsubscribe', token: 'token' };

/**
 * The config for one page view. Only what differs from Consentry's defaults,
 * as the README tells site owners to write it.
 * @param {{ policyChanged: boolean, today: string }} switches
 */
export function demoConsentryConfig({ policyChanged, today }) {
  const policy = policyChanged
    ? { url: '/privacy', version: `${today}-demo`, effectiveDate: today, material: true }
    : { url: '/privacy', ...CURRENT_POLICY };
  return {
    policy,
    consentMode: true,
    receiptEndpoint: '/__receipts',
    email: { unsubscribeParams: UNSUBSCRIBE_PARAMS },
  };
}

/** Reads the demo switches from a Cookie header. */
export function readSwitches(cookieHeader) {
  const cookies = new Map(
    (cookieHeader ?? '')
      .split(';')
      .map((pair) => pair.trim().split('='))
      .filter((pair) => pair[0])
      .map(([name, ...value]) => [name, value.join('=')]),
  );
  return {
    policyChanged: cookies.get(POLICY_SWITCH_COOKIE) === 'next',
    gpc: cookies.get(GPC_SWITCH_COOKIE) === '1',
  };
}
