/**
 * Test-only guard entry for developing the blockers before the real bootstrap
 * existed: installs blocking with the default config and exposes a minimal
 * `window.consentry` that drives the gate. The e2e suite uses dist/consentry.js;
 * this file is built only by hand (see test/e2e/guard-blocking.test.ts header).
 */
import { defaultConfig } from '../../src/core/defaults';
import { installBlocking } from '../../src/guard/blocking';
import { allowedCategories, setAllowed } from '../../src/guard/gate';

const config = defaultConfig();
installBlocking(config);
const optional = ['preferences', 'analytics', 'advertising', 'email'];
const apply = (categories: string[]) => (setAllowed(categories), Promise.resolve());
(window as unknown as Record<string, unknown>).consentry = {
  acceptAll: () => apply(optional),
  rejectAll: () => apply([]),
  withdraw: () => apply([]),
  set: (change: { categories?: Record<string, boolean> }) => {
    const next = new Set(allowedCategories());
    for (const [id, on] of Object.entries(change.categories ?? {})) if (on) next.add(id); else next.delete(id);
    return apply([...next]);
  },
};
