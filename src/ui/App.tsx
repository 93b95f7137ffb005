import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NOTICE_KEY } from '../core/storage-keys';
import type { ConsentState, OptOuts, UiHost, UiView } from '../core/types';
import { acceptAll, rejectAll, saveChoices, type AgeAnswer, type CategoryChoices } from './actions';
import { UiContext, type UiContextValue } from './context';
import { createTexts } from './i18n';
import { initialLanguage } from './language';
import { loadLocale } from './load-locale';
import { NATIVE_NAMES, SHIPPED_LANGUAGES } from './shipped-languages';
import { loadCentre, loadedCentre } from './centre-loader';
import type { CentreSection } from './centre/PreferenceCentre';
import { Banner } from './components/Banner';
import { PolicyNotice } from './components/PolicyNotice';
import { SettingsButton } from './components/SettingsButton';

/** What is on screen besides the settings button. */
type Screen = { kind: 'banner' } | { kind: 'centre'; section: CentreSection } | { kind: 'unsubscribe' } | { kind: 'notice' } | { kind: 'none' };

/** A request from `consentryUI.open()`; `seq` makes a repeated open of the same view count. */
export interface OpenRequest {
  view: UiView | 'closed';
  seq: number;
}

function screenFor(view: UiView | 'closed'): Screen {
  if (view === 'banner') return { kind: 'banner' };
  if (view === 'preferences') return { kind: 'centre', section: 'cookies' };
  if (view === 'optouts') return { kind: 'centre', section: 'optouts' };
  if (view === 'unsubscribe') return { kind: 'unsubscribe' };
  if (view === 'notice') return { kind: 'notice' };
  return { kind: 'none' };
}

/** The whole UI: picks the language, follows the consent state, and switches between banner, centre and notices. */
export function App({ host, request }: { host: UiHost; request: OpenRequest }) {
  const texts = useMemo(() => createTexts(host.config.translations), [host.config]);
  // Texts loaded since (a language switch, a bilingual notice) are in window.consentryLocales: register them once.
  for (const shipped of SHIPPED_LANGUAGES) {
    const resources = window.consentryLocales?.[shipped];
    if (resources && !texts.loaded(shipped)) texts.add(shipped, resources);
  }
  const languages = texts.languages;
  const [language, setShownLanguage] = useState(() => initialLanguage(host, languages));
  /** Switches language once its texts are here; on a failed load the current language stays (reported on the console). */
  const setLanguage = (next: string) => {
    if (texts.loaded(next)) setShownLanguage(next);
    else void loadLocale(next, host).then((resources) => resources && setShownLanguage(next));
  };
  const [state, setState] = useState<ConsentState>(() => host.api.get());
  const [screen, setScreen] = useState<Screen>(() => screenFor(request.view));
  const [bannerDismissed, setBannerDismissed] = useState(false);
  const [policyDismissed, setPolicyDismissed] = useState(false);
  const [focusManage, setFocusManage] = useState(false);
  const [age, setAge] = useState<AgeAnswer | null>(() => (host.config.minors?.enabled ? state.record?.minor ?? null : null));
  // The element that had focus before the dialog opened (the page's own "Cookie settings" link too), to give it back on close.
  const opener = useRef<Element | null>(request.view === 'banner' ? null : document.activeElement);

  useEffect(() => {
    const off = host.api.on('change', setState);
    // A change between the first render and this subscription would otherwise be missed.
    setState(host.api.get());
    return off;
  }, [host.api]);
  useEffect(() => {
    if (request.seq === 0) return;
    // The unsubscribe confirmation stays in front: the banner follows when it is closed (see closeDialog).
    if (request.view === 'banner' && screen.kind === 'unsubscribe') return;
    // The guard asks again (e.g. after "Delete my choices") while the centre is open: keep keyboard users in the UI.
    setFocusManage(request.view === 'banner');
    if (request.view !== 'banner' && screen.kind !== 'centre') opener.current = document.activeElement;
    setBannerDismissed(false);
    if (request.view === 'notice') setPolicyDismissed(false);
    setScreen(screenFor(request.view));
  }, [request.seq]);

  const t = useMemo(() => texts.forLanguage(language), [texts, language]);
  const context: UiContextValue = {
    host,
    language,
    languages,
    setLanguage,
    t,
    texts,
    languageName: (lng) => texts.get(lng, 'language.name') ?? NATIVE_NAMES[lng] ?? lng,
    state,
  };
  const askAge = host.config.minors?.enabled === true && age === null;

  /** The centre's bundle is loaded on first use (see centre-loader.ts); pointing at a way in starts it early. */
  const prefetchCentre = () => void loadCentre(host);
  const openCentre = (section: CentreSection) => {
    opener.current = document.activeElement;
    if (loadedCentre()) setScreen({ kind: 'centre', section });
    else void loadCentre(host).then((centre) => centre && setScreen({ kind: 'centre', section }));
  };
  /** After a dialog: back to the banner while a choice is still needed (closing is not consent), else nothing. */
  const closeDialog = () => {
    const stillNeeded = host.api.get().needsChoice && !bannerDismissed;
    setFocusManage(stillNeeded);
    setScreen(stillNeeded ? { kind: 'banner' } : { kind: 'none' });
  };
  const returnFocus = () => {
    const target = opener.current;
    opener.current = null;
    if (target instanceof HTMLElement && target.isConnected && !target.closest('[data-consentry="banner"]')) target.focus();
    else if (!host.api.get().needsChoice) document.querySelector<HTMLElement>('[data-consentry-settings]')?.focus();
  };
  const done = (action: Promise<ConsentState>) => {
    setScreen({ kind: 'none' });
    void action.then(setState, (error: unknown) => console.warn('consentry: could not save the choice', error));
  };

  // Views of the centre's bundle: index.tsx loads it before opening them, and openCentre before switching to them.
  const centre = loadedCentre();
  let main = null;
  if (screen.kind === 'banner' && !bannerDismissed) {
    main = (
      <Banner
        age={age}
        askAge={askAge}
        onAge={setAge}
        focusManage={focusManage}
        onAcceptAll={() => done(acceptAll(host, age))}
        onRejectAll={() => done(rejectAll(host, age))}
        onManage={() => openCentre('cookies')}
        onManageIntent={prefetchCentre}
        onDismiss={() => {
          setBannerDismissed(true);
          setScreen({ kind: 'none' });
        }}
      />
    );
  } else if (screen.kind === 'centre' && centre) {
    main = (
      <centre.PreferenceCentre
        section={screen.section}
        age={age}
        askAge={askAge}
        onAge={setAge}
        onAcceptAll={() => done(acceptAll(host, age))}
        onRejectAll={() => done(rejectAll(host, age))}
        onSave={(categories: CategoryChoices, optOuts: OptOuts, answer: AgeAnswer | null) => done(saveChoices(host, categories, optOuts, answer))}
        onClose={closeDialog}
        returnFocus={returnFocus}
      />
    );
  } else if (screen.kind === 'unsubscribe' && centre) {
    main = <centre.UnsubscribeNotice onClose={closeDialog} onManage={() => setScreen({ kind: 'centre', section: 'optouts' })} returnFocus={returnFocus} />;
  }
  // The 'notice' view shows the notice alone (a returning visitor's choice is still valid: no banner, no settings button).
  const showPolicyNotice = !policyDismissed && ((host.policyChanged && screen.kind === 'none') || screen.kind === 'notice');
  const dismissPolicyNotice = () => {
    setPolicyDismissed(true);
    // The guard reads this to show a returning visitor the notice only once per policy version.
    try {
      localStorage.setItem(NOTICE_KEY, host.config.policy.version);
    } catch {
      // Storage blocked (private mode, sandboxed frame): the notice may show again, nothing else breaks.
    }
  };

  return (
    <UiContext.Provider value={context}>
      {main}
      {showPolicyNotice ? <PolicyNotice onDismiss={dismissPolicyNotice} /> : null}
      {screen.kind === 'none' || (screen.kind === 'banner' && bannerDismissed) ? <SettingsButton onOpen={() => openCentre('cookies')} onOpenIntent={prefetchCentre} /> : null}
    </UiContext.Provider>
  );
}
