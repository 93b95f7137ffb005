import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/core/rules';
import { globMatches, ruleForCookie, ruleForUrl } from '../../src/core/url-match';
import type { TrackerRule } from '../../src/core/types';

/** The rule a URL matched, named by its category and first host (built-in rules carry no vendor name: see rules.ts). */
const ruleOf = (url: string, rules: readonly TrackerRule[] = BUILTIN_RULES) => {
  const rule = ruleForUrl(rules, new URL(url, 'https://shop.example.com/cart/'));
  return rule && `${rule.category} ${rule.hosts?.[0]}`;
};
const categoryOfCookie = (name: string, rules: readonly TrackerRule[] = BUILTIN_RULES) => ruleForCookie(rules, name)?.category;

describe('a host entry claims its host and subdomains, on a dot boundary', () => {
  it.each([
    ['google-analytics.com', 'google-analytics.com', true],
    ['www.google-analytics.com', 'google-analytics.com', true],
    ['region1.analytics.google-analytics.com', 'google-analytics.com', true],
    ['GOOGLE-ANALYTICS.COM', 'google-analytics.com', true],
    ['google-analytics.com.', 'google-analytics.com', true],
    ['www.google-analytics.com', '*.google-analytics.com', true],
    ['www.google-analytics.com', 'Google-Analytics.com', true],
    ['google-analytics.com.evil.test', 'google-analytics.com', false],
    ['notgoogle-analytics.com', 'google-analytics.com', false],
    ['google-analytics.co', 'google-analytics.com', false],
    ['com', 'google-analytics.com', false],
  ])('%s vs %s -> %s', (host, pattern, expected) => {
    const rule: TrackerRule = { category: 'analytics', hosts: [pattern] };
    expect(ruleForUrl([rule], new URL(`https://${host}/collect`))).toBe(expected ? rule : undefined);
  });
});

describe('globMatches', () => {
  it.each([
    ['_ga', '_ga', true],
    ['_ga_ABC123', '_ga_*', true],
    ['_ga', '_ga_*', false],
    ['_gax', '_ga', false],
    ['mp_0123_mixpanel', 'mp_*', true],
    ['Hm_lvt_abc', 'Hm_lvt_*', true],
    ['hm_lvt_abc', 'Hm_lvt_*', false],
    ['a.b', 'a.b', true],
    ['axb', 'a.b', false],
  ])('%s vs %s -> %s', (name, pattern, expected) => {
    expect(globMatches(name, pattern)).toBe(expected);
  });
});

describe('built-in URL rules', () => {
  it.each([
    ['https://www.google-analytics.com/g/collect?v=2', 'analytics google-analytics.com'], // Google Analytics
    ['https://region1.google-analytics.com/g/collect', 'analytics google-analytics.com'], // Google Analytics
    ['https://www.googletagmanager.com/gtag/js?id=G-1', 'analytics google-analytics.com'], // Google Analytics
    ['https://www.googletagmanager.com/gtm.js?id=GTM-1', 'analytics google-analytics.com'], // Google Analytics
    ['https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/', 'advertising doubleclick.net'], // Google Ads / DoubleClick
    ['https://www.google.com/pagead/1p-conversion/1/', 'advertising doubleclick.net'], // Google Ads / DoubleClick
    ['https://connect.facebook.net/en_US/fbevents.js', 'advertising connect.facebook.net'], // Meta Pixel
    ['https://www.facebook.com/tr?id=1&ev=PageView', 'advertising connect.facebook.net'], // Meta Pixel
    ['https://www.facebook.com/tr/', 'advertising connect.facebook.net'], // Meta Pixel
    ['https://analytics.tiktok.com/i18n/pixel/events.js', 'advertising analytics.tiktok.com'], // TikTok Pixel
    ['https://snap.licdn.com/li.lms-analytics/insight.min.js', 'advertising snap.licdn.com'], // LinkedIn Insight
    ['https://px.ads.linkedin.com/collect/?pid=1', 'advertising snap.licdn.com'], // LinkedIn Insight
    ['https://www.clarity.ms/tag/abc', 'analytics clarity.ms'], // Microsoft Clarity
    ['https://k.clarity.ms/collect', 'analytics clarity.ms'], // Microsoft Clarity
    ['https://bat.bing.com/bat.js', 'advertising bat.bing.com'], // Microsoft UET
    ['https://static.hotjar.com/c/hotjar-1.js?sv=6', 'analytics hotjar.com'], // Hotjar
    ['wss://ws.hotjar.com/api/v2/client/ws', 'analytics hotjar.com'], // Hotjar
    ['https://cdn.matomo.cloud/site.matomo.cloud/matomo.js', 'analytics matomo.cloud'], // Matomo
    ['https://stats.shop.example.com/matomo.php?idsite=1', 'analytics matomo.cloud'], // Matomo
    ['/piwik.js', 'analytics matomo.cloud'], // Matomo
    ['/analytics/piwik.php', 'analytics matomo.cloud'], // Matomo
    ['https://cdn.segment.com/analytics.js/v1/k/analytics.min.js', 'analytics segment.com'], // Segment
    ['https://api.segment.io/v1/t', 'analytics segment.com'], // Segment
    ['https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js', 'analytics mixpanel.com'], // Mixpanel
    ['https://api-js.mixpanel.com/track/', 'analytics mixpanel.com'], // Mixpanel
    ['https://api2.amplitude.com/2/httpapi', 'analytics amplitude.com'], // Amplitude
    ['https://hm.baidu.com/hm.js?abc', 'analytics hm.baidu.com'], // Baidu Tongji
    ['https://s4.cnzz.com/z_stat.php?id=1', 'analytics cnzz.com'], // CNZZ / Umeng
    ['https://tajs.qq.com/stats?sId=1', 'analytics tajs.qq.com'], // Tencent Analytics
    ['https://pingjs.qq.com/h5/stats.js', 'analytics tajs.qq.com'], // Tencent Analytics
    ['https://static.sensorsdata.cn/sdk/1.0/sensorsdata.min.js', 'analytics sensorsdata.cn'], // Sensors Data
    ['https://assets.giocdn.com/2.1/gio.js', 'analytics growingio.com'], // GrowingIO
    ['https://mc.yandex.ru/metrika/tag.js', 'analytics mc.yandex.ru'], // Yandex Metrica
    ['https://plausible.io/js/script.js', 'analytics plausible.io'], // Plausible
    ['https://static.ads-twitter.com/uwt.js', 'advertising ads-twitter.com'], // X (Twitter) Ads
    ['https://s.pinimg.com/ct/core.js', 'advertising ct.pinterest.com'], // Pinterest Tag
    ['https://sc-static.net/scevent.min.js', 'advertising sc-static.net'], // Snap Pixel
    ['https://static.criteo.net/js/ld/ld.js', 'advertising criteo.com'], // Criteo
  ])('%s -> %s', (url, rule) => {
    expect(ruleOf(url)).toBe(rule);
  });

  it.each([
    'https://google-analytics.com.evil.test/g/collect',
    'https://notgoogle-analytics.com/g/collect',
    'https://www.google.com/recaptcha/api.js',
    'https://www.google.com/tracking',
    'https://www.facebook.com/track',
    'https://www.facebook.com/sharer/sharer.php',
    'https://s.pinimg.com/images/logo.png',
    'https://shop.example.com/api/cart',
    '/notmatomo.js',
    '/matomo.js.map',
    'data:text/javascript,1',
    'blob:https://shop.example.com/0d6c',
    'https://fonts.googleapis.com/css2?family=Inter',
    'https://cdn.jsdelivr.net/npm/preact',
  ])('%s matches no rule', (url) => {
    expect(ruleOf(url)).toBeUndefined();
  });

  it('site rules come first and can move a vendor (here: self-hosted Matomo made necessary)', () => {
    const site: TrackerRule[] = [{ vendor: 'Our Matomo', category: 'necessary', hosts: ['stats.shop.example.com'] }];
    const rules = [...site, ...BUILTIN_RULES];
    expect(ruleForUrl(rules, new URL('https://stats.shop.example.com/matomo.php'))?.category).toBe('necessary');
    expect(ruleForUrl(rules, new URL('https://elsewhere.example/matomo.php'))?.category).toBe('analytics');
  });

  it('a site rule for a parent domain, in any case or written "*.domain", claims its subdomains before the built-in rule', () => {
    const site: TrackerRule[] = [
      { category: 'necessary', hosts: ['Google-Analytics.COM'] },
      { category: 'preferences', hosts: ['*.widget.example'] },
    ];
    const rules = [...site, ...BUILTIN_RULES];
    expect(ruleForUrl(rules, new URL('https://region1.google-analytics.com/g/collect'))?.category).toBe('necessary');
    expect(ruleForUrl(rules, new URL('https://www.googletagmanager.com/gtag/js'))?.category).toBe('analytics');
    expect(ruleForUrl(rules, new URL('https://cdn.widget.example/chat.js'))?.category).toBe('preferences');
    expect(ruleForUrl(rules, new URL('https://widget.example/chat.js'))?.category).toBe('preferences');
    expect(ruleForUrl(rules, new URL('https://widget.example.evil.test/chat.js'))).toBeUndefined();
  });

  it('rules sharing a host: the first in list order that claims the URL wins, path prefix or not', () => {
    const rules: TrackerRule[] = [
      { category: 'advertising', hosts: ['tracker.test/ads'] },
      { category: 'analytics', hosts: ['tracker.test'] },
    ];
    expect(ruleForUrl(rules, new URL('https://tracker.test/ads/px'))?.category).toBe('advertising');
    expect(ruleForUrl(rules, new URL('https://tracker.test/adsx'))?.category).toBe('analytics');
    expect(ruleForUrl([...rules].reverse(), new URL('https://tracker.test/ads/px'))?.category).toBe('analytics');
  });

  it('every built-in rule has a category and something to match, and no name (it would ship in the guard)', () => {
    for (const rule of BUILTIN_RULES) {
      expect(rule.vendor).toBeUndefined();
      expect(['analytics', 'advertising']).toContain(rule.category);
      expect((rule.hosts?.length ?? 0) + (rule.paths?.length ?? 0)).toBeGreaterThan(0);
      for (const host of rule.hosts ?? []) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z0-9-]+(\/[a-z0-9/_-]+)?$/);
    }
  });
});

describe('built-in cookie rules', () => {
  it.each([
    ['_ga', 'analytics'],
    ['_ga_XYZ123', 'analytics'],
    ['_gid', 'analytics'],
    ['__utma', 'analytics'],
    ['_clck', 'analytics'],
    ['_hjSessionUser_123', 'analytics'],
    ['_pk_id.1.abcd', 'analytics'],
    ['ajs_anonymous_id', 'analytics'],
    ['mp_abc_mixpanel', 'analytics'],
    ['AMP_abc123', 'analytics'],
    ['Hm_lvt_0123abc', 'analytics'],
    ['CNZZDATA1000', 'analytics'],
    ['pgv_pvi', 'analytics'],
    ['sensorsdata2015jssdkcross', 'analytics'],
    ['gr_user_id', 'analytics'],
    ['_fbp', 'advertising'],
    ['_gcl_au', 'advertising'],
    ['_ttp', 'advertising'],
    ['li_fat_id', 'advertising'],
    ['_uetsid', 'advertising'],
    ['_scid', 'advertising'],
  ])('%s -> %s', (name, category) => {
    expect(categoryOfCookie(name)).toBe(category);
  });

  it.each(['session', 'cart_id', 'consentry', 'csrftoken', '_gab', 'ga', 'lang', 'JSESSIONID', '_hotjar'])(
    '%s is first-party and matches no rule',
    (name) => {
      expect(categoryOfCookie(name)).toBeUndefined();
    },
  );

  it('a site rule overrides the built-in category of a cookie', () => {
    const site: TrackerRule[] = [{ vendor: 'Ours', category: 'preferences', cookies: ['_ga'] }];
    expect(categoryOfCookie('_ga', [...site, ...BUILTIN_RULES])).toBe('preferences');
    expect(categoryOfCookie('_gid', [...site, ...BUILTIN_RULES])).toBe('analytics');
  });
});
