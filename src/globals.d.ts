/** Replaced at build time with package.json's version. */
declare const __CONSENTRY_VERSION__: string;

interface Navigator {
  /** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
  readonly globalPrivacyControl?: boolean;
}
