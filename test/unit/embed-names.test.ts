/**
 * The embed tables in step: every host entry of an embed rule (YouTube's
 * built-in row and each row of src/core/embed-rules.ts) has a name in every
 * shipped language, each name entry belongs to such a rule, and each rule
 * holds the URL its vendor publishes (the e2e file test/e2e/embeds.test.ts
 * loads each in Chromium).
 */
import { describe, expect, it } from 'vitest';
import { EMBED_NAMES, embedName } from '../../src/core/embed-names';
import { EMBED_RULES } from '../../src/core/embed-rules';
import { SHIPPED_LANGUAGES } from '../../src/core/language';
import { BUILTIN_RULES } from '../../src/core/rules';
import { ruleForUrl } from '../../src/core/url-match';
import { validate } from '../../src/core/validate';

const youtube = BUILTIN_RULES.find((rule) => rule.hosts?.includes('youtube-nocookie.com'))!;
const EMBED_HOSTS = [...youtube.hosts!, ...EMBED_RULES.flatMap((rule) => rule.hosts!)];

describe('embed names', () => {
  it('name every embed host entry, and only those', () => {
    expect(Object.keys(EMBED_NAMES).sort()).toEqual([...EMBED_HOSTS].sort());
  });

  it.each(Object.entries(EMBED_NAMES))('name %s in every shipped language', (_entry, name) => {
    for (const language of SHIPPED_LANGUAGES) expect(name[language]).toMatch(/\S/);
  });
});

describe.each([
  ['https://www.youtube.com/embed/aqz-KE-bpKQ', 'YouTube', 'YouTube', 'advertising'],
  ['https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ', 'YouTube', 'YouTube', 'advertising'],
  ['https://player.vimeo.com/video/76979871', 'Vimeo', 'Vimeo', 'analytics'],
  ['https://www.google.com/maps/embed?pb=!1m18', 'Google Maps', 'Google 地图', 'advertising'],
  ['https://platform.twitter.com/embed/Tweet.html?id=20', 'X (Twitter)', 'X（推特）', 'advertising'],
  ['https://www.facebook.com/plugins/post.php?href=x', 'Facebook', 'Facebook', 'advertising'],
  ['https://www.instagram.com/p/C0nsentry01/embed/captioned/', 'Instagram', 'Instagram', 'advertising'],
  ['https://www.tiktok.com/player/v1/6718335390845095173', 'TikTok', 'TikTok', 'advertising'],
  ['https://player.bilibili.com/player.html?bvid=BV1', 'Bilibili', '哔哩哔哩', 'advertising'],
  ['https://player.youku.com/embed/XNTk', 'Youku', '优酷', 'advertising'],
  ['https://v.qq.com/txp/iframe/player.html?vid=x', 'Tencent Video', '腾讯视频', 'advertising'],
  ['https://widget.weibo.com/weiboshow/index.php', 'Weibo', '微博', 'advertising'],
])('%s', (url, en, zh, category) => {
  it(`is named ${en} / ${zh} and held as ${category}`, () => {
    expect(embedName(new URL(url), 'en')).toBe(en);
    expect(embedName(new URL(url), 'zh-CN')).toBe(zh);
    expect(ruleForUrl([...BUILTIN_RULES, ...EMBED_RULES], new URL(url))?.category).toBe(category);
  });
});

it('leave the vendors’ own pages alone (a page may open them for the visitor)', () => {
  for (const url of ['https://www.youtube.com/watch?v=aqz-KE-bpKQ', 'https://www.google.com/maps/place/x', 'https://www.facebook.com/sharer/sharer.php', 'https://vimeo.com/76979871']) {
    expect(ruleForUrl([...BUILTIN_RULES, ...EMBED_RULES], new URL(url))).toBeUndefined();
  }
});

it('are rules a site config may hold, as README "Embeds" gives them (host and path prefix)', () => {
  expect(validate({ rules: EMBED_RULES }).filter((problem) => !problem.warning)).toEqual([]);
  expect(validate({ rules: [{ category: 'analytics', hosts: ['example.com/embed path'] }] }).filter((problem) => !problem.warning).map((p) => p.path)).toEqual(['rules[0].hosts[0]']);
});
