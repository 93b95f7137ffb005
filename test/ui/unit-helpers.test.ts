import { describe, expect, it } from 'vitest';
import { mailtoHref, safeHref, telHref } from '../../src/ui/safe-url';
import { matchLanguage, pickLanguage } from '../../src/ui/language';
import { localized } from '../../src/ui/localized';
import { createTexts } from '../../src/ui/i18n';

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
  it('matches nothing for an empty tag', () => expect(matchLanguage('  ', available)).toBeNull());
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
  const texts = createTexts({ en: { 'banner.title': 'Cookies here' }, fr: { 'actions.acceptAll': 'Tout accepter' } });
  it('lists shipped languages then added ones', () => expect(texts.languages).toEqual(['en', 'zh-CN', 'fr']));
  it('uses the override, falls back to English, fills placeholders as plain text', () => {
    expect(texts.forLanguage('en')('banner.title')).toBe('Cookies here');
    expect(texts.forLanguage('fr')('actions.acceptAll')).toBe('Tout accepter');
    expect(texts.forLanguage('fr')('actions.rejectAll')).toBe('Reject all');
    expect(texts.forLanguage('zh-CN')('age.question', { age: 14 })).toBe('您是否已年满 14 周岁?');
    expect(texts.forLanguage('en')('unsub.body', { list: '<b>News</b>' })).toBe("You won't receive “<b>News</b>” emails from us any more.");
    expect(texts.forLanguage('en')('no.such.key')).toBe('no.such.key');
  });
});
