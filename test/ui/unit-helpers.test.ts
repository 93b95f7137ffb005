import { describe, expect, it } from 'vitest';
import { safeHref } from '../../src/ui/safe-url';
import { mailtoHref, telHref } from '../../src/ui/centre/contact-links';
import { matchLanguage, pickLanguage } from '../../src/core/language';
import { localized, localVendor } from '../../src/ui/centre/localized';
import { createTexts } from '../../src/ui/i18n';
import { localeResources, localeScript, otherNotices } from '../../src/ui/locale-resources';
import { SHIPPED_LANGUAGES } from '../../src/ui/shipped-languages';

const BASE = 'https://shop.example/products/1';

describe('safeHref', () => {
  it.each([
    ['https://shop.example/privacy', 'https://shop.example/privacy'],
    ['http://other.example/policy', 'http://other.example/policy'],
    ['/privacy', 'https://shop.example/privacy'],
    ['privacy.html', 'https://shop.example/products/privacy.html'],
    ['#cookies', 'https://shop.example/products/1#cookies'],
    ['  /privacy  ', 'https://shop.example/privacy'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox(1)', null],
    ['//evil.example/x', null],
    ['/\\evil.example/x', null],
    ['\\\\evil.example', null],
    ['mailto:a@b.example', null],
    ['', null],
    [42, null],
  ])('%j -> %j', (input, expected) => {
    expect(safeHref(input, BASE)).toBe(expected);
  });
});

describe('mailtoHref / telHref', () => {
  it.each([
    ['support@ketianyun.com', 'mailto:support@ketianyun.com'],
    ['not an email', null],
    ['x@y.z"><img src=x>', null],
  ])('mailto %j', (input, expected) => {
    expect(mailtoHref(input)).toBe(expected);
  });
  it.each([
    ['400-058-3528', 'tel:4000583528'],
    ['+86 10 1234 5678', 'tel:+861012345678'],
    ['call us', null],
  ])('tel %j', (input, expected) => expect(telHref(input)).toBe(expected));
});

describe('pickLanguage', () => {
  const available = ['en', 'zh-CN', 'fr'];
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-TW'], 'zh-CN'],
    [['zh_Hans_CN'], 'zh-CN'],
    [['fr-CA'], 'fr'],
    [['de', 'fr'], 'fr'],
    [[undefined, '', 'EN-gb'], 'en'],
    [['ja', 'ko'], 'en'],
    [[], 'en'],
  ] as [string[], string][])('%j -> %s', (candidates, expected) => {
    expect(pickLanguage(candidates, available)).toBe(expected);
  });
  it('matches nothing for an empty tag', () => expect(matchLanguage('  ', available)).toBeUndefined());
});

describe('localized', () => {
  const text = { en: 'Analytics', 'zh-CN': '统计分析' };
  it.each([
    ['en', 'Analytics'],
    ['zh-CN', '统计分析'],
    ['zh', '统计分析'],
    ['fr', 'Analytics'],
  ])('%s -> %s', (language, expected) => expect(localized(text, language)).toBe(expected));
});

describe('createTexts', () => {
  const shipped = { en: localeResources('en'), 'zh-CN': localeResources('zh-CN') };
  const texts = createTexts({ en: { 'banner.title': 'Cookies here' }, fr: { 'actions.acceptAll': 'Tout accepter' } }, shipped);
  it('lists shipped languages then added ones', () => expect(texts.languages).toEqual(['en', 'zh-CN', 'fr']));
  it('uses the override, falls back to English, fills placeholders as plain text', () => {
    expect(texts.forLanguage('en')('banner.title')).toBe('Cookies here');
    expect(texts.forLanguage('fr')('actions.acceptAll')).toBe('Tout accepter');
    expect(texts.forLanguage('fr')('actions.rejectAll')).toBe('Reject all');
    expect(texts.forLanguage('zh-CN')('age.question', { age: 14 })).toBe('您是否已年满 14 周岁？');
    expect(texts.forLanguage('en')('unsub.body', { list: '<b>News</b>' })).toBe("You won't receive “<b>News</b>” emails from us any more.");
    expect(texts.forLanguage('en')('no.such.key')).toBe('no.such.key');
  });

  it('shows an owner string with "$t(...)" as written (no nesting: texts are plain strings with placeholders)', () => {
    const nested = createTexts({ en: { 'banner.title': 'See $t(actions.acceptAll) for {{count}} partners' } }, shipped);
    expect(nested.forLanguage('en')('banner.title', { count: 3 })).toBe('See $t(actions.acceptAll) for 3 partners');
  });

  it('adds a language loaded later under the owner\'s overrides', () => {
    const later = createTexts({ 'zh-CN': { 'actions.acceptAll': '同意' } }, { en: shipped.en });
    expect(later.loaded('en')).toBe(true);
    expect(later.loaded('zh-CN')).toBe(false);
    expect(later.forLanguage('zh-CN')('actions.rejectAll')).toBe('Reject all');
    later.add('zh-CN', shipped['zh-CN']);
    expect(later.loaded('zh-CN')).toBe(true);
    expect(later.forLanguage('zh-CN')('actions.acceptAll')).toBe('同意');
    expect(later.forLanguage('zh-CN')('actions.rejectAll')).toBe('全部拒绝');
  });
});

describe('shipped language data scripts', () => {
  /** Every path to a string in `value` ("vendors.ads.0.cookies.1.purpose"), empty strings included. */
  const paths = (value: unknown, prefix = ''): string[] =>
    typeof value === 'string'
      ? [value === '' ? `${prefix} (empty)` : prefix]
      : Object.entries(value as object).flatMap(([key, inner]) => paths(inner, prefix ? `${prefix}.${key}` : key));

  it.each(SHIPPED_LANGUAGES.filter((language) => language !== 'en'))(
    '%s has every text English has, none empty (English is only a fallback for languages the owner adds)',
    (language) => {
      const english = paths(localeResources('en'));
      expect(english.length).toBeGreaterThan(90);
      expect(paths(localeResources(language))).toEqual(english);
    },
  );

  it('vendors a site configures are named in the visitor\'s language when named by language; brands stay as written', () => {
    expect(localVendor({ name: { en: 'This shop', 'zh-CN': '本店' }, purpose: { en: 'Cart' }, cookies: [] }, 'zh-CN').name).toBe('本店');
    expect(localVendor({ name: 'Matomo', purpose: { en: 'Stats' }, cookies: [] }, 'zh-CN').name).toBe('Matomo');
  });

  it('no shipped text falls back to English by accident (category descriptions are translated too)', () => {
    const chinese = localeResources('zh-CN');
    const english = localeResources('en');
    const same = Object.keys(english).filter((key) => typeof english[key] === 'string' && english[key] === chinese[key]);
    expect(same).toEqual([]);
  });

  it('only assign the texts to window.consentryLocales and the other language\'s notice strings to window.consentryNotices', () => {
    const target: { consentryLocales?: Record<string, unknown>; consentryNotices?: Record<string, unknown>; Object: ObjectConstructor } = {
      consentryLocales: { en: { x: 'y' } },
      Object,
    };
    new Function('window', 'Object', localeScript('zh-CN'))(target, Object);
    expect(Object.keys(target.consentryLocales ?? {})).toEqual(['en', 'zh-CN']);
    expect(target.consentryLocales?.['zh-CN']).toEqual(localeResources('zh-CN'));
    expect(target.consentryNotices).toEqual({
      en: {
        'unsub.title': "You're unsubscribed",
        'unsub.body': 'You won\'t receive “{{list}}” emails from us any more.',
        'unsub.bodyNoList': "You won't receive promotional emails from us any more.",
        'unsub.service': "We'll still send service announcements, such as security and payment notices.",
        'unsub.invalid': "This unsubscribe link is incomplete or damaged, so we couldn't tell which list it was for. You can turn off promotional emails yourself below.",
        'policy.changed': 'Our privacy policy has changed (effective {{date}}).',
      },
    });
  });

  it('a visitor with only Chinese loaded reads the bilingual notices\' English without the English texts', () => {
    const shipped = { 'zh-CN': localeResources('zh-CN') };
    const texts = createTexts({ en: { 'unsub.service': 'Account emails still come.' } }, shipped, otherNotices('zh-CN'));
    expect(texts.loaded('zh-CN')).toBe(true);
    expect(texts.loaded('en')).toBe(false);
    const english = texts.forLanguage('en');
    expect(english('unsub.body', { list: 'Weekly deals' })).toBe('You won\'t receive “Weekly deals” emails from us any more.');
    expect(english('unsub.service')).toBe('Account emails still come.');
    expect(texts.forLanguage('zh-CN')('unsub.title')).toBe(localeResources('zh-CN')['unsub.title']);
    // The switch to English loads the rest; the owner's override stays on top.
    texts.add('en', localeResources('en'));
    expect(texts.loaded('en')).toBe(true);
    expect(english('actions.acceptAll')).toBe('Accept all');
    expect(english('unsub.service')).toBe('Account emails still come.');
  });
});
