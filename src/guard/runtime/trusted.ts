/**
 * Script URLs and texts as the browser takes them, through the head's Trusted
 * Types policy (head/trusted.ts) when the page has Trusted Types, as they are
 * otherwise.
 */
import type { Trusted, TrustedPolicy } from '../kernel';

export function trustedWith(policy: TrustedPolicy | undefined): Trusted {
  return {
    scriptUrl: (url) => (policy ? policy.createScriptURL(url) : url),
    scriptText: (text) => (policy ? policy.createScript(text) : text),
  };
}
