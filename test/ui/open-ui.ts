/**
 * Mounts the real UI bundle entry on the test document, the way the guard
 * does, with the preference centre's bundle already run (as after its first
 * load): component tests are about what the views do, test/e2e about loading.
 */
import { afterEach } from 'vitest';
import { createConsentryUi } from '../../src/ui/index';
import '../../src/ui/centre/index';
import type { UiHost, UiView } from '../../src/core/types';
import { localeResources } from '../../src/ui/locale-resources';

/** The shipped texts, as the data scripts consentry-ui.<language>.js would have registered them before the guard opens the UI. */
export function registerShippedTexts(): void {
  window.consentryLocales = { en: localeResources('en'), 'zh-CN': localeResources('zh-CN') };
}
registerShippedTexts();

const ui = createConsentryUi();

export function openUi(view: UiView, host: UiHost): void {
  ui.open(view, host);
}

/** Lets promise callbacks (api calls, history loading) and Preact's re-render run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(() => {
  ui.close();
  document.body.innerHTML = '';
  document.documentElement.lang = '';
});
