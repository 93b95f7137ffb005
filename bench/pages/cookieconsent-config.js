// vanilla-cookieconsent 3.1.0 configured per https://cookieconsent.orestbida.com/essential/getting-started.html
// for the bench's three categories.
import '/peers/vanilla-cookieconsent/dist/cookieconsent.umd.js';

CookieConsent.run({
  // The bench drives Chromium through the DevTools protocol (navigator.webdriver is true); the
  // default hideFromBots: true would hide the banner from it, as it would from a crawler.
  hideFromBots: false,
  guiOptions: { consentModal: { layout: 'bar', position: 'bottom' } },
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: { autoClear: { cookies: [{ name: /^_ga/ }, { name: /^_hj/ }] } },
    advertising: {},
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'We use cookies and web beacons to keep the site working, to understand how it is used and, with your permission, to show relevant advertising.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage choices',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save choices',
          sections: [
            { title: 'Necessary', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'How the site is used (Google Analytics, Hotjar).', linkedCategory: 'analytics' },
            { title: 'Advertising', description: 'Personalised advertising.', linkedCategory: 'advertising' },
          ],
        },
      },
    },
  },
});
