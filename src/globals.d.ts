/** Replaced at build time with package.json's version. */
declare const __CONSENTRY_VERSION__: string;

/**
 * Replaced at build time with `consentModeDefault()` (src/core/consent-mode.ts):
 * the head pushes it as a literal and carries no Consent Mode code.
 */
declare const __CONSENT_MODE_DEFAULT__: Record<string, string | number>;

interface Navigator {
  /** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
  readonly globalPrivacyControl?: boolean;
}
