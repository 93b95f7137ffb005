import { describe, expect, it } from 'vitest';
import { deepMerge } from '../../src/core/objects';
import { validate } from '../../src/core/validate';

/** The fields every site sets (a config without them draws warnings, tested below). */
const SITE = { policy: { url: '/privacy', version: '2026-01-01' }, contact: { email: 'privacy@example.com' } };

describe('validate: configs that are fine', () => {
  it.each<[string, unknown]>([
    ['only the fields every site sets', {}],
    ['the README example', { policy: { url: '/privacy', version: '2026-01-01' }, contact: { email: 'privacy@example.com', hotline: '+44 20 7946 0000' } }],
    ['an absolute policy URL and a relative one', { policy: { url: 'https://example.com/privacy' }, ui: { css: './consentry.css', src: 'consentry-ui.js' } }],
    ['a rule without a vendor name', { rules: [{ category: 'analytics', cookies: ['_x'] }] }],
    ['a new category with an English name', { categories: [{ id: 'video', name: { en: 'Video', 'zh-CN': '视频' } }], rules: [{ vendor: 'Vimeo', category: 'video', hosts: ['vimeo.com'] }] }],
    ['a built-in category renamed in Chinese only', { categories: [{ id: 'analytics', name: { 'zh-CN': '数据统计' } }] }],
    ['a vendor named by language', { categories: [{ id: 'necessary', vendors: [{ name: { en: 'This shop', 'zh-CN': '本店' }, purpose: { en: 'Cart' }, cookies: [] }] }] }],
    ['a vendor table', { categories: [{ id: 'analytics', vendors: [{ name: 'Matomo', policyUrl: 'https://matomo.org/privacy', purpose: { en: 'Stats' }, cookies: [{ name: '_pk_id.*', purpose: { en: 'Visitor' }, duration: { en: '13 months' } }] }] }] }],
    ['every scalar option', { language: 'zh-CN', expiryMonths: 6, reloadOnWithdraw: true, observeMarkup: false, consentMode: true, receiptEndpoint: '/consent/receipts', serviceWorker: '/consentry-sw.js', cookie: { name: 'cc', domain: '.example.com', days: 400 }, minors: { enabled: true, age: 14 }, ui: { layout: 'box', settingsButton: 'none', nonce: 'r4nd0m+/=' } }],
    ['translations and email params', { translations: { fr: { 'banner.title': 'Cookies' } }, email: { trackingParams: ['utm_*', 'mc_eid'], unsubscribeParams: { list: 'l', token: 't' } } }],
    ['a contact', { contact: { hotline: '400-058-3528', email: 'privacy@example.com' } }],
  ])('%s', (_name, config) => {
    expect(validate(deepMerge(SITE, config))).toEqual([]);
  });
});

describe('validate: the fields every site sets', () => {
  const URL = 'policy.url is not set; every site sets it (until then the banner and the preference centre show no policy link)';
  const VERSION = 'policy.version is not set; every site sets it (until then choices are stored under the version "unversioned")';
  const CONTACT = 'contact is not set; every site sets contact.email, contact.hotline or both (until then the preference centre has no contact section)';
  it.each<[string, unknown, string[]]>([
    ['none of them', {}, [URL, VERSION, CONTACT]],
    ['only the policy', { policy: { url: '/privacy', version: '3' } }, [CONTACT]],
    ['a policy without a version, and a hotline', { policy: { url: '/privacy' }, contact: { hotline: '400-000-0000' } }, [VERSION]],
    ['an email without a policy', { contact: { email: 'privacy@example.com' } }, [URL, VERSION]],
    ['an empty contact object', { ...SITE, contact: {} }, [CONTACT]],
  ])('%s', (_name, config, messages) => {
    const problems = validate(config);
    expect(problems.map((p) => p.message)).toEqual(messages);
    expect(problems.every((p) => p.warning === true && p.message.startsWith(p.path))).toBe(true);
  });
});

describe('validate: every problem, with its exact message', () => {
  it.each<[string, unknown, string[]]>([
    ['not an object', 42, ['config must be an object, got 42']],
    ['an array', [], ['config must be an object, got an array']],
    ['a number as category id', { categories: [{ id: 'analytics' }, { id: 'email' }, { id: 42 }] }, ['categories[2].id must be a non-empty string, got 42']],
    ['an id with spaces', { categories: [{ id: 'my cat', name: { en: 'Mine' } }] }, ['categories[0].id must be letters, digits, "-" or "_", got "my cat"']],
    ['a category without id', { categories: [{ name: { en: 'X' } }] }, ['categories[0].id is required']],
    ['a new category without a name', { categories: [{ id: 'video' }] }, ['categories[0].name.en is required for the new category "video"']],
    ['a duplicate category id', { categories: [{ id: 'analytics' }, { id: 'analytics' }] }, ['categories[1].id "analytics" is already used by categories[0]']],
    ['required on an optional category', { categories: [{ id: 'analytics', required: true }] }, ['categories[0].required can only be true for "necessary"']],
    ['categories not a list', { categories: { id: 'analytics' } }, ['categories must be an array, got an object']],
    ['an unknown top-level key', { polcy: {} }, ['polcy is not a known option']],
    ['an unknown nested key', { cookie: { expires: 3 } }, ['cookie.expires is not a known option']],
    ['a boolean as string', { consentMode: 'yes' }, ['consentMode must be true or false, got "yes"']],
    ['the markup switch as string', { observeMarkup: 'false' }, ['observeMarkup must be true or false, got "false"']],
    ['a javascript: policy URL', { policy: { url: 'javascript:alert(1)' } }, ['policy.url must be an http(s) URL or a same-site path, got "javascript:alert(1)"']],
    ['a protocol-relative UI URL', { ui: { src: '//cdn.evil.test/ui.js' } }, ['ui.src must be an http(s) URL or a same-site path, got "//cdn.evil.test/ui.js"']],
    ['a data: receipt endpoint', { receiptEndpoint: 'data:text/plain,x' }, ['receiptEndpoint must be an http(s) URL or a same-site path, got "data:text/plain,x"']],
    ['a service worker on another site', { serviceWorker: 'https://cdn.example/consentry-sw.js' }, ['serviceWorker must be a path on your site starting with "/", such as "/consentry-sw.js", got "https://cdn.example/consentry-sw.js"']],
    ['a service worker path relative to the page', { serviceWorker: 'consentry-sw.js' }, ['serviceWorker must be a path on your site starting with "/", such as "/consentry-sw.js", got "consentry-sw.js"']],
    ['a protocol-relative service worker', { serviceWorker: '//cdn.example/consentry-sw.js' }, ['serviceWorker must be a path on your site starting with "/", such as "/consentry-sw.js", got "//cdn.example/consentry-sw.js"']],
    ['a service worker switched on with true', { serviceWorker: true }, ['serviceWorker must be a path on your site starting with "/", such as "/consentry-sw.js", got true']],
    ['a vendor policy that is not http(s)', { categories: [{ id: 'analytics', vendors: [{ name: 'X', policyUrl: '/privacy', purpose: { en: 'p' }, cookies: [] }] }] }, ['categories[0].vendors[0].policyUrl must be an http(s) URL, got "/privacy"']],
    ['a vendor name that is a number', { categories: [{ id: 'analytics', vendors: [{ name: 42, purpose: { en: 'p' }, cookies: [] }] }] }, ['categories[0].vendors[0].name must be a non-empty string or names by language ({ "en": "…", "zh-CN": "…" }), got 42']],
    ['a vendor named by language with no text', { categories: [{ id: 'analytics', vendors: [{ name: { en: '' }, purpose: { en: 'p' }, cookies: [] }] }] }, ['categories[0].vendors[0].name must be a non-empty string or names by language ({ "en": "…", "zh-CN": "…" }), got an object']],
    ['a vendor missing its fields', { categories: [{ id: 'analytics', vendors: [{ name: 'X' }] }] }, ['categories[0].vendors[0].purpose is required', 'categories[0].vendors[0].cookies is required']],
    ['cookie days out of range', { cookie: { days: 0 } }, ['cookie.days must be a whole number from 1 to 400, got 0']],
    ['cookie days not whole', { cookie: { days: 1.5 } }, ['cookie.days must be a whole number from 1 to 400, got 1.5']],
    ['a cookie name with a space', { cookie: { name: 'my cookie' } }, ['cookie.name must be a cookie name (letters, digits, "-", "_"), got "my cookie"']],
    ['a cookie domain with a scheme', { cookie: { domain: 'https://example.com' } }, ['cookie.domain must be a domain such as "example.com", got "https://example.com"']],
    ['expiry beyond 24 months', { expiryMonths: 36 }, ['expiryMonths must be a whole number from 1 to 24, got 36']],
    ['a bad effective date', { policy: { effectiveDate: '24/10/2021' } }, ['policy.effectiveDate must be a date as YYYY-MM-DD, got "24/10/2021"']],
    ['an empty policy version', { policy: { version: ' ' } }, ['policy.version must be a non-empty string the mirror cookie can carry (at most 200 characters URL-encoded), got " "']],
    // Found by fuzzing (test/unit/fuzz-decoders.test.ts): versions the mirror cookie could not carry.
    ['a policy version with a lone surrogate (encoding it for the cookie threw)', { policy: { version: 'v\uD800' } }, ['policy.version must be a non-empty string the mirror cookie can carry (at most 200 characters URL-encoded), got "v\\ud800"']],
    ['a policy version too long for the cookie (every choice was then unreadable)', { policy: { version: '隐'.repeat(23) } }, [`policy.version must be a non-empty string the mirror cookie can carry (at most 200 characters URL-encoded), got "${'隐'.repeat(23)}"`]],
    ['notice days negative', { policy: { noticeDays: -1 } }, ['policy.noticeDays must be a whole number from 0 to 365, got -1']],
    ['a contact email without @', { contact: { email: 'support' } }, ['contact.email must be an email address, got "support"']],
    ['an unknown settings button', { ui: { settingsButton: 'top' } }, ['ui.settingsButton must be one of "bottom-left", "bottom-right", "none", got "top"']],
    ['an unknown banner layout', { ui: { layout: 'modal' } }, ['ui.layout must be one of "bar", "box", got "modal"']],
    ['a translation that is not text', { translations: { fr: { 'banner.title': 3 } } }, ['translations.fr["banner.title"] must be a string, got 3']],
    ['a tracking param with a space', { email: { trackingParams: ['utm source'] } }, ['email.trackingParams[0] must be a query parameter name (optionally ending in "*"), got "utm source"']],
    ['a minors age below 10', { minors: { age: 8, enabled: 'no' } }, ['minors.age must be a whole number from 10 to 21, got 8', 'minors.enabled must be true or false, got "no"']],
    ['a rule for an unknown category', { rules: [{ vendor: 'X', category: 'ads', hosts: ['x.test'] }] }, ['rules[0].category must be one of the configured categories (necessary, preferences, analytics, advertising, email), got "ads"']],
    ['a rule matching nothing', { rules: [{ vendor: 'X', category: 'analytics' }] }, ['rules[0] must have hosts, paths or cookies']],
    ['a rule with a URL as host and a relative path', { rules: [{ vendor: 'X', category: 'analytics', hosts: ['https://x.test/'], paths: ['matomo.js'] }] }, ['rules[0].hosts[0] must be a host name such as "example.com", or a host and a path prefix such as "example.com/embed", got "https://x.test/"', 'rules[0].paths[0] must be a path starting with "/", got "matomo.js"']],
    ['a rule with an empty vendor name', { rules: [{ vendor: '', category: 'analytics', cookies: ['_x'] }] }, ['rules[0].vendor must be a non-empty string, got ""']],
    ['null where an object goes', { policy: null }, ['policy must be an object, got null']],
    // Found by fuzzing (test/unit/fuzz-config.test.ts): keys that name something on Object.prototype.
    ['a key that is a method of every object', JSON.parse('{ "hasOwnProperty": null, "constructor": 1, "toString": "x" }'), ['hasOwnProperty is not a known option', 'constructor is not a known option', 'toString is not a known option']],
    ['a "__proto__" key, as JSON.parse makes it', JSON.parse('{ "__proto__": { "reloadOnWithdraw": true } }'), ['__proto__ is not a known option']],
    ['a key spelled like a required field of the schema', { categories: [{ id: 'analytics', '!id': 'x' }] }, ['categories[0]["!id"] is not a known option']],
    ['an object whose toString is not a function as the effective date', { policy: { effectiveDate: { toString: 1 } } }, ['policy.effectiveDate must be a date as YYYY-MM-DD, got an object']],
    ['a category id every object already has', { categories: [{ id: 'constructor', name: { en: 'C' } }] }, ['categories[0].id must be a name JavaScript objects do not already have, got "constructor"']],
    // A "__proto__" category would read as allowed in every record (record.categories.__proto__ is Object.prototype, truthy).
    ['the category id "__proto__"', JSON.parse('{ "categories": [{ "id": "__proto__", "name": { "en": "P" } }] }'), ['categories[0].id must be a name JavaScript objects do not already have, got "__proto__"']],
    [
      'several problems at once, in document order',
      { categories: [{ id: '' }], cookie: { days: 'forever' }, extra: true, expiryMonths: 0 },
      ['categories[0].id must be a non-empty string, got ""', 'cookie.days must be a whole number from 1 to 400, got "forever"', 'extra is not a known option', 'expiryMonths must be a whole number from 1 to 24, got 0'],
    ],
  ])('%s', (_name, config, messages) => {
    // A policy that is not an object has no url or version either: those warnings are tested above.
    const problems = validate(typeof config == 'object' && config && !Array.isArray(config) ? deepMerge(SITE, config) : config).filter(
      (p) => !(p.warning && p.path.startsWith('policy.')),
    );
    expect(problems.map((p) => p.message)).toEqual(messages);
    expect(problems.every((p) => !p.warning)).toBe(true);
    for (const p of problems) expect(p.message.startsWith(p.path)).toBe(true);
  });

  it('warns (without making the config invalid) about an expiry outside 6 to 13 months', () => {
    expect(validate({ ...SITE, expiryMonths: 24 })).toEqual([{ path: 'expiryMonths', message: 'expiryMonths is 24; regulators expect 6 to 13 months', warning: true }]);
    expect(validate({ ...SITE, expiryMonths: 13 })).toEqual([]);
    expect(validate({ ...SITE, expiryMonths: 5 })[0]?.warning).toBe(true);
  });
});

describe('validate: values that are not JSON data (page code may hand anything to the export)', () => {
  it.each<[string, () => unknown]>([
    ['a getter that throws', () => Object.defineProperty({}, 'policy', { enumerable: true, get: () => { throw new Error('no'); } })],
    ['a proxy whose traps throw', () => new Proxy({}, { ownKeys: () => { throw new Error('trap'); } })],
    ['a revoked proxy', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy; }],
  ])('%s is a problem, never an exception', (_name, make) => {
    expect(validate(make())).toEqual([{ path: 'config', message: 'config cannot be read as JSON data (a getter or proxy that throws?)' }]);
  });
});
