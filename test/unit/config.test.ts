import { afterEach, describe, expect, it, vi } from 'vitest';
import { mergeConfig, resolveConfig } from '../../src/core/config';
import { decodeMirrorCookie, recordFromMirror } from '../../src/core/mirror-cookie';
import { effectiveCategories, needsChoice } from '../../src/core/policy';
import type { ConsentryConfig } from '../../src/core/types';
import type { Kernel } from '../../src/guard/kernel';
import { BUILT_IN_CATEGORY_IDS, defaultConfig } from '../../src/core/defaults';
import { availableLanguages, pickLanguage } from '../../src/core/language';
import { CATEGORY_TEXTS, withCategoryTexts } from '../../src/core/category-texts';
import { validate } from '../../src/core/validate';
import { webexMeetPreset } from '../../src/presets';
import { localeResources } from '../../src/ui/locale-resources';
import { readUserConfig } from '../../src/guard/head/config-source';
import { reportEmbedding } from '../../src/guard/runtime/diagnostics';

/** What validation says about a config that sets none of the fields every site sets. */
const SITE_FIELD_WARNINGS = [
  {
    path: 'policy.url',
    message: 'policy.url is not set; every site sets it (until then the banner and the preference centre show no policy link)',
    warning: true,
  },
  {
    path: 'policy.version',
    message: 'policy.version is not set; every site sets it (until then choices are stored under the version "unversioned")',
    warning: true,
  },
  {
    path: 'contact',
    message: 'contact is not set; every site sets contact.email, contact.hotline or both (until then the preference centre has no contact section)',
    warning: true,
  },
];

/** The fields every site sets, so a test config draws no warning about them. */
const SITE = { policy: { url: '/privacy', version: '2026-01-01' }, contact: { email: 'privacy@example.com' } };

describe('defaults', () => {
  const config = defaultConfig();

  it('has the five categories in the mirror cookie bit order, necessary always on', () => {
    expect(config.categories.map((c) => c.id)).toEqual(['necessary', 'preferences', 'analytics', 'advertising', 'email']);
    expect(BUILT_IN_CATEGORY_IDS).toEqual(config.categories.map((c) => c.id));
    expect(config.categories.filter((c) => c.required).map((c) => c.id)).toEqual(['necessary']);
    expect(config.categories.map((c) => c.name)).toEqual([
      { en: 'Strictly necessary', 'zh-CN': '必要' },
      { en: 'Preferences', 'zh-CN': '偏好' },
      { en: 'Analytics', 'zh-CN': '统计分析' },
      { en: 'Advertising', 'zh-CN': '广告' },
      { en: 'Email link tracking', 'zh-CN': '邮件链接追踪' },
    ]);
  });

  it("name no one's policy or contact: only a placeholder version, and the other defaults", () => {
    expect(config.policy).toEqual({ version: 'unversioned', material: false, noticeDays: 30 });
    expect(config.contact).toEqual({});
    expect(config.cookie).toEqual({ name: 'consentry', days: 182 });
    expect(config.expiryMonths).toBe(12);
    expect(config.minors).toEqual({ enabled: false, age: 18 });
    expect(config.ui).toEqual({ layout: 'bar', settingsButton: 'bottom-left' });
    expect(config.email.unsubscribeParams).toEqual({ list: 'unsubscribe', token: 'token' });
    expect(config.email.trackingParams).toEqual(expect.arrayContaining(['utm_*', 'mc_eid', 'mc_cid', '_hsenc', '_hsmi', 'mkt_tok', 'vero_id']));
    expect(config.email.trackingParams).not.toContain('gclid');
    expect(config.reloadOnWithdraw).toBe(false);
    expect(config.consentMode).toBe(false);
  });

  it("carry none of the preset's company, contact or vendor details, in the config or in any shipped text", () => {
    const { contact, policy, categories } = webexMeetPreset;
    const specific = [
      contact!.hotline!,
      contact!.email!,
      policy!.version!,
      ...categories!.flatMap((c) => c.vendors!.flatMap((v) => (typeof v.name == 'string' ? [v.name] : Object.values(v.name)))),
      'meeting',
      '会议',
    ].filter((text): text is string => !!text && !['This website', '本网站'].includes(text));
    expect(specific).toEqual(expect.arrayContaining(['400-058-3528', 'support@ketianyun.com', 'Baidu Tongji', '百度统计', 'Google Ads / DoubleClick']));
    const shipped = JSON.stringify([defaultConfig(), CATEGORY_TEXTS, localeResources('en'), localeResources('zh-CN')]);
    expect(specific.filter((text) => shipped.includes(text))).toEqual([]);
  });

  it('is itself a usable config (warning about the fields every site sets), and a fresh copy each time', () => {
    expect(resolveConfig(defaultConfig())).toEqual({ config: defaultConfig(), problems: [SITE_FIELD_WARNINGS[0], SITE_FIELD_WARNINGS[2]], invalid: false });
    defaultConfig().categories.pop();
    expect(defaultConfig().categories).toHaveLength(5);
  });

  it('keeps descriptions out of the defaults (the guard bundles them) and has them for every built-in category in both languages', () => {
    for (const c of config.categories) {
      expect(c.description).toEqual({ en: '' });
      expect(c.vendors).toEqual([]);
      const text = CATEGORY_TEXTS[c.id]!;
      expect(text.en.length).toBeGreaterThan(40);
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(resolveConfig({ ...SITE, categories: withCategoryTexts(config).categories }).problems).toEqual([]);
  });

  it('withCategoryTexts fills only descriptions the owner left empty, and keeps an own description whole', () => {
    const own = { name: 'Own stats', purpose: { en: 'Ours' }, cookies: [] };
    const { config: resolved } = resolveConfig({
      categories: [
        { id: 'analytics', description: { en: 'Our words' }, vendors: [own] },
        { id: 'email', description: { en: '', 'zh-CN': '我们的说明' } },
      ],
    });
    const filled = withCategoryTexts(resolved);
    const analytics = filled.categories.find((c) => c.id === 'analytics')!;
    expect(analytics.description).toEqual({ en: 'Our words' });
    expect(analytics.vendors).toEqual([own]);
    expect(filled.categories.find((c) => c.id === 'email')!.description).toEqual({ ...CATEGORY_TEXTS.email, 'zh-CN': '我们的说明' });
    expect(filled.categories.find((c) => c.id === 'preferences')!.description).toEqual(CATEGORY_TEXTS.preferences);
  });
});

describe('the Webex Meet preset', () => {
  it('is a valid config that sets every field a site sets, and resolves to its policy, contact and vendor tables', () => {
    expect(validate(webexMeetPreset)).toEqual([]);
    const { config } = resolveConfig(webexMeetPreset);
    expect(config.policy).toEqual({ url: '/privacy', version: '2021-10-24', effectiveDate: '2021-10-24', material: false, noticeDays: 30 });
    expect(config.contact).toEqual({ hotline: '400-058-3528', email: 'support@ketianyun.com' });
    expect(config.categories.map((c) => [c.id, c.name.en, c.vendors.length])).toEqual([
      ['necessary', 'Strictly necessary', 1],
      ['preferences', 'Preferences', 1],
      ['analytics', 'Analytics', 2],
      ['advertising', 'Advertising', 2],
      ['email', 'Email link tracking', 1],
    ]);
    for (const c of config.categories) {
      expect(c.description['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      for (const v of c.vendors) {
        expect(v.purpose['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        for (const cookie of v.cookies) expect(cookie.duration['zh-CN']).toBeTruthy();
      }
    }
  });
});

describe('resolveConfig', () => {
  it('merges what the owner wrote over the defaults', () => {
    const { config, problems, invalid } = resolveConfig({
      policy: { url: 'https://example.com/privacy', version: '2026-11-01', material: true },
      contact: { hotline: '+86 10 1234 5678' },
      cookie: { domain: 'example.com' },
      email: { unsubscribeParams: { token: 't' } },
      ui: { nonce: 'abc' },
    });
    expect(invalid).toBe(false);
    expect(problems).toEqual([]);
    expect(config.policy).toEqual({ version: '2026-11-01', material: true, url: 'https://example.com/privacy', noticeDays: 30 });
    expect(config.contact).toEqual({ hotline: '+86 10 1234 5678' });
    expect(config.cookie).toEqual({ name: 'consentry', days: 182, domain: 'example.com' });
    expect(config.email.unsubscribeParams).toEqual({ list: 'unsubscribe', token: 't' });
    expect(config.email.trackingParams).toEqual(defaultConfig().email.trackingParams);
    expect(config.ui).toEqual({ layout: 'bar', settingsButton: 'bottom-left', nonce: 'abc' });
  });

  it('merges categories by id, appends new ones, and keeps necessary required', () => {
    const { config } = resolveConfig({
      categories: [
        { id: 'video', name: { en: 'Video', 'zh-CN': '视频' } },
        { id: 'analytics', name: { 'zh-CN': '数据统计' } },
        { id: 'necessary', required: false },
      ],
    });
    expect(config.categories.map((c) => c.id)).toEqual(['necessary', 'preferences', 'analytics', 'advertising', 'email', 'video']);
    expect(config.categories[2]!.name).toEqual({ en: 'Analytics', 'zh-CN': '数据统计' });
    expect(config.categories[5]).toEqual({ id: 'video', name: { en: 'Video', 'zh-CN': '视频' }, description: { en: '' }, vendors: [] });
    expect(config.categories[0]!.required).toBe(true);
  });

  it('replaces arrays instead of merging them', () => {
    expect(resolveConfig({ email: { trackingParams: ['x_*'] } }).config.email.trackingParams).toEqual(['x_*']);
  });

  it('falls back to the defaults on an invalid config, and reports why', () => {
    const result = resolveConfig({ ...SITE, cookie: { name: 'ok', days: -1 } });
    expect(result.invalid).toBe(true);
    expect(result.config).toEqual(defaultConfig());
    expect(result.problems.map((p) => p.message)).toEqual(['cookie.days must be a whole number from 1 to 400, got -1']);
  });

  it('keeps a config that has only warnings', () => {
    const result = resolveConfig({ ...SITE, expiryMonths: 24 });
    expect(result.invalid).toBe(false);
    expect(result.config.expiryMonths).toBe(24);
    expect(result.problems.map((p) => p.path)).toEqual(['expiryMonths']);
  });

  it('treats no config as the defaults, warning about the fields every site sets', () => {
    expect(resolveConfig(undefined)).toEqual({ config: defaultConfig(), problems: SITE_FIELD_WARNINGS, invalid: false });
  });

  // Found by fuzzing (test/unit/fuzz-config.test.ts): the export promised never to throw.
  it('names a config it cannot read as data (a getter that throws, a cycle), never throwing', () => {
    const throwing = Object.defineProperty({}, 'policy', { enumerable: true, get: () => { throw new Error('getter says no'); } });
    expect(resolveConfig(throwing)).toEqual({
      config: defaultConfig(),
      problems: [{ path: 'config', message: 'config cannot be read as JSON data (getter says no)' }],
      invalid: true,
    });
    const cyclic: Record<string, unknown> = { policy: { version: '2' } };
    cyclic.self = cyclic;
    expect(resolveConfig(cyclic).invalid).toBe(true);
    expect(resolveConfig(cyclic).problems[0]!.message).toMatch(/^config cannot be read as JSON data \(.*circular/);
  });

  it('validates and merges the same reading of a value that answers differently each time', () => {
    let reads = 0;
    const shifting = new Proxy({ policy: { version: '1' }, expiryMonths: 6 }, { get: (target, key) => (key === 'expiryMonths' ? (reads++ ? 'soon' : 6) : Reflect.get(target, key)) });
    const result = resolveConfig(shifting);
    expect(result.invalid).toBe(false);
    expect(result.config.expiryMonths).toBe(6);
  });
});

describe('mergeConfig (the guard before validation)', () => {
  const defaults = defaultConfig();
  it.each([
    ['policy: null', { policy: null }, (c: ConsentryConfig) => expect(c.policy).toEqual(defaults.policy)],
    ['policy: "x"', { policy: 'x' }, (c: ConsentryConfig) => expect(c.policy).toEqual(defaults.policy)],
    ['policy.material: "yes"', { policy: { material: 'yes', version: '9' } }, (c: ConsentryConfig) => expect([c.policy.material, c.policy.version]).toEqual([false, '9'])],
    ['cookie: []', { cookie: [] }, (c: ConsentryConfig) => expect(c.cookie).toEqual(defaults.cookie)],
    ['categories: "analytics"', { categories: 'analytics' }, (c: ConsentryConfig) => expect(c.categories).toEqual(defaults.categories)],
    ['categories with junk entries', { categories: [null, 5, { id: 3 }, { id: 'analytics', name: null }] }, (c: ConsentryConfig) => expect(c.categories).toEqual(defaults.categories)],
    ['rules: {}', { rules: {} }, (c: ConsentryConfig) => expect(c.rules).toEqual([])],
    ['expiryMonths: "12"', { expiryMonths: '12' }, (c: ConsentryConfig) => expect(c.expiryMonths).toBe(12)],
    ['email: null', { email: null }, (c: ConsentryConfig) => expect(c.email).toEqual(defaults.email)],
    ['a new category', { categories: [{ id: 'support', name: { en: 'Support' } }] }, (c: ConsentryConfig) => expect(c.categories.map((x) => x.id)).toEqual([...BUILT_IN_CATEGORY_IDS, 'support'])],
    // Found by fuzzing: "__proto__", as JSON.parse makes it (an own key), once changed the merged object's prototype.
    ['a "__proto__" key', JSON.parse('{ "__proto__": { "reloadOnWithdraw": true, "policy": { "material": true } } }'), (c: ConsentryConfig) => {
      expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
      expect([c.reloadOnWithdraw, c.policy.material]).toEqual([false, false]);
    }],
    ['a "__proto__" key inside a known object', JSON.parse('{ "policy": { "__proto__": { "material": true } } }'), (c: ConsentryConfig) => {
      expect(Object.getPrototypeOf(c.policy)).toBe(Object.prototype);
      expect(c.policy.material).toBe(false);
    }],
    ['a key every object inherits', { constructor: 'x', toString: 5 }, (c: ConsentryConfig) => expect(Object.getOwnPropertyDescriptor(c, 'toString')?.value).toBe(5)],
  ])('%s keeps the defaults\' shape, and reading it never throws', (_name, user, check) => {
    const config = mergeConfig(user);
    check(config);
    const record = recordFromMirror(decodeMirrorCookie(`1.1.1f.0.${Math.floor(Date.now() / 1000).toString(36)}.r`, config.categories.map((c) => c.id))!, config, 'en');
    expect(() => [needsChoice(record, config, Date.now()), effectiveCategories(record, config)]).not.toThrow();
  });
});

describe('pickLanguage', () => {
  const config = defaultConfig();
  it.each<[string, (string | undefined)[], string]>([
    ['<html lang="zh-CN">', ['zh-CN', 'en-US'], 'zh-CN'],
    ['Traditional Chinese falls back to zh-CN', ['zh-TW'], 'zh-CN'],
    ['zh-Hans-CN', ['zh-Hans-CN'], 'zh-CN'],
    ['English variants', ['en-GB'], 'en'],
    ['an unknown page language, then the browser', ['', 'fr-FR', 'zh'], 'zh-CN'],
    ['nothing known', ['de', 'fr'], 'en'],
    ['nothing at all', [], 'en'],
  ])('%s', (_name, candidates, expected) => {
    expect(pickLanguage(candidates, availableLanguages(config))).toBe(expected);
  });
  it('uses a forced language (listed first by callers) and languages added through translations', () => {
    expect(pickLanguage(['zh-CN', 'en'], availableLanguages(config))).toBe('zh-CN');
    expect(pickLanguage(['fr-CA', 'en'], availableLanguages({ translations: { fr: {} } }))).toBe('fr');
  });
});

describe('config sources on the page', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    delete window.consentryConfig;
  });

  const guardScript = (attributes: Record<string, string>) => {
    const script = document.createElement('script');
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    document.head.append(script);
    return script;
  };

  it('reads the JSON element, then window.consentryConfig, then data attributes (later wins)', () => {
    const json = document.createElement('script');
    json.type = 'application/json';
    json.id = 'consentry-config';
    json.textContent = JSON.stringify({ policy: { url: '/json', version: 'j' }, cookie: { name: 'from-json' } });
    document.head.append(json);
    window.consentryConfig = { policy: { url: '/window' }, expiryMonths: 6 };
    const script = guardScript({ 'data-policy-url': '/attr', 'data-consent-mode': 'true', 'data-cookie-domain': 'example.com', 'data-language': 'zh-CN' });
    expect(readUserConfig(script)).toEqual({
      user: {
        policy: { url: '/attr', version: 'j' },
        cookie: { name: 'from-json', domain: 'example.com' },
        expiryMonths: 6,
        consentMode: true,
        language: 'zh-CN',
      },
      problems: [],
    });
  });

  it('reports JSON that does not parse and sources that are not objects', () => {
    const json = document.createElement('script');
    json.type = 'application/json';
    json.id = 'consentry-config';
    json.textContent = '{ policy: ';
    document.head.append(json);
    window.consentryConfig = 'analytics';
    const { user, problems } = readUserConfig(null);
    expect(user).toEqual({});
    expect(problems.map((p) => p.path)).toEqual(['#consentry-config', 'window.consentryConfig']);
    expect(problems[0]!.message).toMatch(/^#consentry-config is not valid JSON \(/);
    expect(problems[1]!.message).toBe('window.consentryConfig must be an object');
  });

  it.each([
    ['a getter that throws', () => Object.defineProperty(window, 'consentryConfig', { get() { throw new Error('nope'); }, configurable: true }), 'window.consentryConfig cannot be read as JSON data (nope)'],
    ['a property getter that throws', () => (window.consentryConfig = { policy: { get url() { throw new Error('bad url'); } } }), 'window.consentryConfig cannot be read as JSON data (bad url)'],
    ['a BigInt', () => (window.consentryConfig = { cookie: { days: 10n } }), 'window.consentryConfig cannot be read as JSON data (days is a bigint, not JSON data)'],
    ['a function in a list', () => (window.consentryConfig = { rules: [{ category: 'analytics' }, () => 1] }), 'window.consentryConfig cannot be read as JSON data (1 is a function, not JSON data)'],
    ['a proxy whose traps throw', () => (window.consentryConfig = new Proxy({}, { ownKeys() { throw new Error('trap'); } })), 'window.consentryConfig cannot be read as JSON data (trap)'],
    ['a thrown value that is not an Error', () => Object.defineProperty(window, 'consentryConfig', { get() { throw 42; }, configurable: true }), 'window.consentryConfig cannot be read as JSON data (42)'],
    ['nesting deeper than the stack (200,000 lists)', () => {
      let deep: unknown = 'bottom';
      for (let i = 0; i < 200_000; i++) deep = [deep];
      window.consentryConfig = { rules: deep };
    }, 'window.consentryConfig cannot be read as JSON data (Maximum call stack size exceeded)'],
    ['a thrown object whose message throws', () => Object.defineProperty(window, 'consentryConfig', { get() { throw { get message() { throw new Error('x'); } }; }, configurable: true }), 'window.consentryConfig cannot be read as JSON data'],
  ])('reports window.consentryConfig with %s, never throwing', (_name, assign, message) => {
    assign();
    const { user, problems } = readUserConfig(null);
    expect(user).toEqual({});
    expect(problems).toEqual([{ path: 'window.consentryConfig', message }]);
    delete window.consentryConfig;
  });

  it('reports a cyclic window.consentryConfig, never throwing', () => {
    const config: Record<string, unknown> = { policy: { url: '/p', version: '1' } };
    config.self = config;
    window.consentryConfig = config;
    const { user, problems } = readUserConfig(null);
    expect(user).toEqual({});
    expect(problems[0]!.message).toMatch(/^window\.consentryConfig cannot be read as JSON data \(Converting circular structure to JSON/);
  });

  it('reads window.consentryConfig once: a value whose toString changes is copied as it was', () => {
    let reads = 0;
    window.consentryConfig = { policy: { get url() { reads++; return reads === 1 ? '/privacy' : 'javascript:alert(1)'; }, version: '1' } };
    expect(readUserConfig(null).user).toEqual({ policy: { url: '/privacy', version: '1' } });
    expect(reads).toBe(1);
  });

  it('passes a data attribute that is not true/false on to validation as text', () => {
    const script = guardScript({ 'data-reload-on-withdraw': 'yes', 'data-policy-url': '/privacy', 'data-policy-version': '3' });
    const { user } = readUserConfig(script);
    expect(resolveConfig({ ...user, contact: SITE.contact }).problems.map((p) => p.message)).toEqual(['reloadOnWithdraw must be true or false, got "yes"']);
  });

  it("reuses the guard's CSP nonce for the UI unless the config names one", () => {
    const script = guardScript({});
    script.nonce = 'n0nce';
    expect(readUserConfig(script).user).toEqual({ ui: { nonce: 'n0nce' } });
    window.consentryConfig = { ui: { nonce: 'mine' } };
    expect(readUserConfig(script).user).toEqual({ ui: { nonce: 'mine' } });
  });

  it('says so when the JSON config comes after the guard (it cannot be read in time)', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    reportEmbedding({ boot: { scriptsBefore: [], configRead: false } as unknown as Kernel['boot'], rules: { forUrl: () => undefined } as unknown as Kernel['rules'], held: { untagged: [] } as unknown as Kernel['held'] });
    const json = document.createElement('script');
    json.type = 'application/json';
    json.id = 'consentry-config';
    document.head.append(json);
    expect(error).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(error).toHaveBeenCalledWith("consentry: #consentry-config comes after the guard, so it was not read; put it before the guard's <script>");
    error.mockRestore();
    delete (document as { readyState?: string }).readyState;
  });
});
