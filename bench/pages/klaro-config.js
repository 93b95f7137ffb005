// Klaro 0.7.22 configured per its annotated dist/config.js for the bench's three categories.
var klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 365,
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  lang: 'en',
  translations: {
    zz: { privacyPolicyUrl: '/privacy' },
    en: {
      purposes: { necessary: 'Necessary', analytics: 'Analytics', advertising: 'Advertising' },
    },
  },
  services: [
    { name: 'site', title: 'Webex Meet', purposes: ['necessary'], required: true },
    { name: 'google-analytics', title: 'Google Analytics', purposes: ['analytics'], cookies: [/^_ga/] },
    { name: 'meta-pixel', title: 'Meta Pixel', purposes: ['advertising'], cookies: ['_fbp'] },
  ],
};
