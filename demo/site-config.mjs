/**
 * The Consentry config the demo site embeds, and the demo-only switches that
 * change it (the simulated policy change and the simulated GPC signal).
 * Switches are plain first-party cookies set by the demo's own pages, so the
 * guard sees them the way a real site would serve a changed config.
 */
import { readFileSync } from 'node:fs';

/**
 * The Webex Meet preset as the package ships it (dist/presets/webex-meet.json,
 * written by `npm run build`): the policy's URL, version and contact channels,
 * and its category descriptions, vendors and cookies.
 */
function readPreset() {
  const file = new URL('../dist/presets/webex-meet.json', import.meta.url);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`demo: cannot read ${file.pathname} (${error.code ?? error.message}); run npm run build first (npm start does)`);
  }
}

/** Cookie that makes the server serve the "next" policy version (a material change). */
export const POLICY_SWITCH_COOKIE = 'demo_policy';
/** Cookie that makes pages load demo/assets/simulate-gpc.js before the guard. */
export const GPC_SWITCH_COOKIE = 'demo_gpc';

const PRESET = readPreset();

/** The policy the demo site publishes: the one in demo/privacy-policy.txt, as the preset names it. */
export const CURRENT_POLICY = { ...PRESET.policy, material: false };

/** Where the unsubscribe link of the demo's newsletter points (see newsletter page). */
export const UNSUBSCRIBE_PARAMS = { list: 'unsubscribe', token: 'token' };

/**
 * The config for one page view: the preset, and what this site adds to it.
 * @param {{ policyChanged: boolean, today: string }} switches
 */
export function demoConsentryConfig({ policyChanged, today }) {
  const policy = policyChanged ? { url: CURRENT_POLICY.url, version: `${today}-demo`, effectiveDate: today, material: true } : CURRENT_POLICY;
  return {
    ...PRESET,
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
