/** One list of shipped languages (src/core/language.ts): every table of built-in texts has exactly its entries. */
import { describe, expect, it } from 'vitest';
import { SHIPPED_LANGUAGES } from '../../src/core/language';
import { PLACEHOLDER_TEXTS } from '../../src/guard/runtime/placeholder';
import { SETTINGS_LABELS } from '../../src/guard/runtime/settings-button';
import { NATIVE_NAMES } from '../../src/ui/shipped-languages';

describe('shipped languages', () => {
  it.each([
    ['the embed placeholder', PLACEHOLDER_TEXTS],
    ["the head's settings button", SETTINGS_LABELS],
    ['the language switch', NATIVE_NAMES],
  ])('%s has texts for exactly the shipped languages', (_name, table) => {
    expect(Object.keys(table).sort()).toEqual([...SHIPPED_LANGUAGES].sort());
  });
});
