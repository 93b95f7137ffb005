/**
 * The names of the vendors whose embeds the built-in rules (src/core/rules.ts)
 * and the embed rules (src/core/embed-rules.ts) hold, in each shipped
 * language: a held frame's placeholder says whose content it stands for
 * ("YouTube", "哔哩哔哩"). Keyed like the rules' host entries (a host and its
 * subdomains, optionally narrowed to a path prefix) and looked up by the
 * frame's own URL, so a frame the site tagged by hand is named too.
 *
 * Not in rules.ts on purpose: that table is compiled into the guard's
 * synchronous head, whose bytes hold up every page's parsing; only the async
 * runtime imports this one. test/unit/embed-names.test.ts keeps them in step.
 */
import type { Language, LocalizedText } from './types';

/** A brand written the same in every shipped language. */
const brand = (name: string): LocalizedText => ({ en: name, 'zh-CN': name });

const YOUTUBE = brand('YouTube');
const X = { en: 'X (Twitter)', 'zh-CN': 'X（推特）' };
const INSTAGRAM = brand('Instagram');
const TIKTOK = brand('TikTok');
const TENCENT_VIDEO = { en: 'Tencent Video', 'zh-CN': '腾讯视频' };

/** Host entry → the vendor's name by language. */
export const EMBED_NAMES: Readonly<Record<string, LocalizedText>> = {
  'youtube.com/embed': YOUTUBE,
  'youtube.com/iframe_api': YOUTUBE,
  'youtube-nocookie.com': YOUTUBE,
  'player.vimeo.com': brand('Vimeo'),
  'google.com/maps/embed': { en: 'Google Maps', 'zh-CN': 'Google 地图' },
  'platform.twitter.com': X,
  'syndication.twitter.com': X,
  'facebook.com/plugins': brand('Facebook'),
  'instagram.com/embed.js': INSTAGRAM,
  'instagram.com/p': INSTAGRAM,
  'instagram.com/reel': INSTAGRAM,
  'tiktok.com/embed': TIKTOK,
  'tiktok.com/embed.js': TIKTOK,
  'tiktok.com/player': TIKTOK,
  'player.bilibili.com': { en: 'Bilibili', 'zh-CN': '哔哩哔哩' },
  'player.youku.com': { en: 'Youku', 'zh-CN': '优酷' },
  'v.qq.com/txp': TENCENT_VIDEO,
  'v.qq.com/iframe': TENCENT_VIDEO,
  'widget.weibo.com': { en: 'Weibo', 'zh-CN': '微博' },
};

/**
 * The name, in `language` (English for a language the site added), of the
 * embed vendor `url` belongs to: its host or a parent domain, on a dot
 * boundary, and the entry's path prefix on a segment boundary (as the rules
 * match). Undefined for every other URL.
 */
export function embedName(url: URL, language: Language): string | undefined {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const path = url.pathname;
  for (const entry in EMBED_NAMES) {
    const slash = entry.indexOf('/');
    const domain = slash < 0 ? entry : entry.slice(0, slash);
    const prefix = slash < 0 ? '' : entry.slice(slash);
    if ((host == domain || host.endsWith('.' + domain)) && (!prefix || path == prefix || path.startsWith(prefix + '/'))) {
      const names = EMBED_NAMES[entry]!;
      return names[language] || names.en;
    }
  }
  return undefined;
}
