/**
 * The preference centre is a second bundle, dist/consentry-ui-centre.js with
 * its stylesheet dist/consentry-ui-centre.css, loaded beside this one when a
 * visitor first needs it ("Manage choices", the settings button, the opt-out
 * or unsubscribe views), so a first visit's banner never waits for it.
 * Pointing at or focusing a way in starts the load early. The centre
 * registers itself through the kernel (`provideCentre`).
 */
import type { PreferenceCentre } from './centre/PreferenceCentre';
import type { UnsubscribeNotice } from './centre/UnsubscribeNotice';
import { besideBundle, loadScript, loadStylesheet, type LoadWith } from './own-url';

/** What the centre bundle provides. */
export interface Centre {
  PreferenceCentre: typeof PreferenceCentre;
  UnsubscribeNotice: typeof UnsubscribeNotice;
}

/** The centre's files, beside the UI bundle (scripts/ui-build.ts names them). */
export const CENTRE_FILES = { script: 'consentry-ui-centre.js', stylesheet: 'consentry-ui-centre.css' };

let centre: Centre | undefined;
let loading: Promise<Centre | undefined> | undefined;

/** Called by the centre bundle when it runs (and by tests, which import it directly). */
export function provideCentre(provided: Centre): void {
  centre = provided;
}

/** The centre, if it is loaded. */
export const loadedCentre = (): Centre | undefined => centre;

/**
 * The centre, loading its script and stylesheet once, in parallel (with the
 * CSP nonce); undefined when the script could not be loaded (reported; a later
 * call tries again). The stylesheet is awaited too, so the dialog never shows
 * unstyled.
 */
export function loadCentre(host: LoadWith): Promise<Centre | undefined> {
  if (centre) return Promise.resolve(centre);
  const src = besideBundle(CENTRE_FILES.script);
  const href = besideBundle(CENTRE_FILES.stylesheet);
  return (loading ??= Promise.all([loadScript(src, host), loadStylesheet(href, host.config.ui?.nonce)]).then(([, styled]) => {
    loading = undefined;
    if (!centre) console.error(`consentry: the preference centre could not be loaded from ${src}`);
    else if (!styled) console.error(`consentry: the preference centre's stylesheet could not be loaded from ${href}`);
    return centre;
  }));
}
