/**
 * Consentry's Trusted Types policy, `consentry`: where a page enforces
 * Trusted Types (`require-trusted-types-for 'script'`), a script URL or text
 * set from a string throws, so Consentry's own loads (the runtime, the UI,
 * its language files) and the scripts it releases go through this policy
 * (runtime/trusted.ts). Only Consentry's code holds it: the released scripts
 * are the page's own, held on their way in (parsed from its HTML, or set by
 * page code that already passed the page's own policy). A page whose CSP
 * lists the allowed policies (`trusted-types …`) must name `consentry`; if it
 * does not, the console says so and Consentry's files cannot load (trackers
 * stay blocked).
 */
import type { TrustedPolicy } from '../kernel';

/** The policy, created once (a second `createPolicy` of the same name may be refused); undefined without Trusted Types. */
export function createTrustedPolicy(): TrustedPolicy | undefined {
  try {
    return (window as { trustedTypes?: { createPolicy(name: string, rules: TrustedPolicy): TrustedPolicy } }).trustedTypes?.createPolicy('consentry', { createScriptURL: String, createScript: String });
  } catch {
    console.error("consentry: trusted-types must allow 'consentry'");
  }
}
