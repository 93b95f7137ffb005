/**
 * The HTML tagger (Node side only: the CLI and the Vite plugin use it; the
 * browser bundles never import it, see scripts/import-rules.mjs).
 */
export { tagHtml, type TagChange, type TagNote, type TagOptions, type TagResult, type ObserveMarkupOutcome, type Position } from './tag-html';
export { injectGuard, type InjectOptions } from './inject';
export { readScript, urlsInLiteral, type ScriptReading } from './script-reading';
export { findConfigText, readConfigText } from './config-json';
