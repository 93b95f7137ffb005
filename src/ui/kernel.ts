/**
 * The seam between the UI's two bundles. The banner's bundle
 * (dist/consentry-ui.js, src/ui/index.tsx) publishes this module, with Preact,
 * on `window.consentryUI.kernel` (`KERNEL`); the preference centre's bundle
 * (dist/consentry-ui-centre.js, src/ui/centre/) is built with them as
 * externals (scripts/ui-build.ts), so it runs on the same Preact and the same
 * UI context and ships none of this twice. Code in src/ui/centre/ reaches the
 * rest of src/ui only through this module: the build fails otherwise.
 */
export { useUi, otherShippedLanguage, type UiContextValue } from './context';
export { NEVER_FOR_MINORS, type AgeAnswer, type CategoryChoices } from './actions';
export { AgeQuestion } from './components/AgeQuestion';
export { LanguageSwitch } from './components/LanguageSwitch';
export { SafeLink } from './components/SafeLink';
export { provideCentre, type Centre } from './centre-loader';
