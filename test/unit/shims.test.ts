// The runtime build swaps the gate and the blockers' state for shims over the
// handoff (vite.config.ts). A name the real module exports but its shim does
// not would be `undefined` in the runtime only, where no type check sees it.
import { describe, expect, it, vi } from 'vitest';
import * as realGate from '../../src/guard/gate';
import * as realHeld from '../../src/guard/blocking/held';
import * as realClassify from '../../src/guard/blocking/classify';
import { INTERNALS } from '../../src/guard/handoff';

describe('handoff shims', () => {
  it('export every name the modules they stand for export, taken from the handoff', async () => {
    vi.resetModules();
    Object.defineProperty(window, INTERNALS, { value: { gate: realGate, held: realHeld, classify: realClassify }, configurable: true });
    try {
      const gate = await import('../../src/guard/shims/gate');
      const held = await import('../../src/guard/shims/held');
      expect(Object.keys(gate).sort()).toEqual(Object.keys(realGate).sort());
      expect(Object.keys(held).sort()).toEqual(Object.keys(realHeld).sort());
      const classify = await import('../../src/guard/shims/classify');
      expect(Object.keys(classify).sort()).toEqual(Object.keys(realClassify).sort());
      expect(classify.urlRule).toBe(realClassify.urlRule);
      expect(held.untaggedInMarkup).toBe(realHeld.untaggedInMarkup);
      expect(held.later).toBe(realHeld.later);
      realGate.setAllowed(['analytics']);
      expect(gate.isAllowed('analytics')).toBe(true);
      realGate.setAllowed([]);
      expect(gate.isAllowed('analytics')).toBe(false);
    } finally {
      delete (window as unknown as Record<string, unknown>)[INTERNALS];
    }
  });
});
