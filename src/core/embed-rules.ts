/**
 * Tracker rules for embedded players, posts and maps beyond YouTube (which is
 * built in: src/core/rules.ts). Not built into the guard: every row would
 * add to the bytes that block each page's parsing. A site that embeds one
 * adds its row to its config's `rules` (README "Embeds" lists them as JSON);
 * the tagging tool applies them all. Each row names its vendor, which the
 * placeholder shows; the category follows what the vendor's own cookie
 * policy says its embed's cookies are for.
 */
import type { TrackerRule } from './types';

export const EMBED_RULES: readonly TrackerRule[] = [
  // Its player sets vuid, "used for generating analytics information for the video owner", and player preferences
  // (help.vimeo.com/hc/en-us/articles/26080940921361); it shows no ads. A site whose embeds all use dnt=1 (no cookies)
  // may make it necessary instead.
  { vendor: 'Vimeo', category: 'analytics', hosts: ['player.vimeo.com'] },
  // The embed sends Google's NID, which Google uses to customise ads (policies.google.com/technologies/cookies). Only
  // the embed path ("Embed a map", the Maps Embed API): www.google.com/maps itself, opened for directions, stays free.
  { vendor: 'Google Maps', category: 'advertising', hosts: ['google.com/maps/embed'] },
  // Posts and timelines (widgets.js and the frames it makes): X personalises ads from its embeds
  // (help.x.com/en/rules-and-policies/x-cookies).
  { vendor: 'X (Twitter)', category: 'advertising', hosts: ['platform.twitter.com', 'syndication.twitter.com'] },
  // Page, post, video and like plugins: Meta uses their cookies (fr, datr) for ads (www.facebook.com/privacy/policies/cookies).
  // Not facebook.com/sharer, which pages open for sharing.
  { vendor: 'Facebook', category: 'advertising', hosts: ['facebook.com/plugins'] },
  // embed.js, /p/<code>/embed, /reel/<code>/embed, under the same Meta policy (privacycenter.instagram.com/policies/cookies).
  { vendor: 'Instagram', category: 'advertising', hosts: ['instagram.com/embed.js', 'instagram.com/p', 'instagram.com/reel'] },
  // embed.js, /embed/v2/<id>, the /player/v1/<id> player (www.tiktok.com/legal/page/global/cookie-policy).
  { vendor: 'TikTok', category: 'advertising', hosts: ['tiktok.com/embed', 'tiktok.com/embed.js', 'tiktok.com/player'] },
  // 哔哩哔哩 player.bilibili.com/player.html: its device id (buvid3) serves personalised recommendations and ads
  // (Bilibili privacy policy, cookies).
  { vendor: 'Bilibili', category: 'advertising', hosts: ['player.bilibili.com'] },
  // 优酷 player.youku.com/embed/<id>: it plays ads, and Alibaba's cna id serves Alimama's targeting (Youku privacy policy).
  { vendor: 'Youku', category: 'advertising', hosts: ['player.youku.com'] },
  // 腾讯视频 v.qq.com/txp/iframe/player.html (older: v.qq.com/iframe/player.html): it plays ads (privacy.qq.com).
  { vendor: 'Tencent Video', category: 'advertising', hosts: ['v.qq.com/txp', 'v.qq.com/iframe'] },
  // 微博 widgets (widget.weibo.com: 微博秀, follow and comment boxes): Weibo's cookies (SINAGLOBAL, SUB) serve its ads
  // (Weibo privacy policy).
  { vendor: 'Weibo', category: 'advertising', hosts: ['widget.weibo.com'] },
];
