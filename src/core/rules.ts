/**
 * The built-in tracker rules, as data. A request to one of `hosts` (or a
 * subdomain; `host/prefix` narrows to a path), a request whose path ends with
 * one of `paths` (on any host, for self-hosted tools such as Matomo), or a
 * cookie whose name matches `cookies` (`*` wildcard) belongs to `category`.
 * Site rules from the config are checked first, so a site can move a vendor to
 * another category (or to `necessary` to let it through).
 *
 * Cookie patterns list first-party cookies only, as each vendor documents
 * them (the source is cited beside each row): a vendor's cookies on its own
 * domain (DoubleClick's `IDE`, Bing's `MUID`, LinkedIn's `li_sugr`) are out of
 * the page's reach. A vendor's consent-state cookies (Matomo's `mtm_consent*`,
 * FullStory's `fs_cid`) are not listed either: they record a refusal too, and
 * deleting them on a withdrawal would undo it.
 *
 * Kept to hosts that serve tracking only: we never list a host that also serves
 * content a page needs (e.g. `www.google.com` as a whole would block reCAPTCHA),
 * nor pages a script may open for the visitor (`window.open` of a blocked URL
 * opens nothing): embeds are listed by their embed paths (`youtube.com/embed`,
 * `google.com/maps/embed`), never a whole social or video site.
 *
 * Each vendor's name is a comment, not data: this table is in every page
 * view's blocking bytes, and the names added 253 B gzip to them
 * (the hosts already say who a rule is for; console advice names the category).
 * The placeholder of a held embed names its vendor from `embed-names.ts`,
 * which only the async runtime carries.
 */
import type { TrackerRule } from './types';

/** Lists are written space-separated to keep the guard small; they are split once, at load. */
const list = (words: string) => (words ? words.split(' ') : undefined);
const ruleIn =
  (category: 'analytics' | 'advertising') =>
  (hosts: string, cookies = '', paths = ''): TrackerRule => ({
    category,
    hosts: list(hosts),
    cookies: list(cookies),
    paths: list(paths),
  });
const analytics = ruleIn('analytics');
const advertising = ruleIn('advertising');

export const BUILTIN_RULES: readonly TrackerRule[] = [
  // Sources: each vendor's own documentation of the cookies its script sets on the site, cited per row.
  // "Unverified" marks a row whose documentation was not available when the lists were checked (issue #16):
  // its list is as it was, to be checked against the vendor's page named there.

  // Western analytics
  // Google Analytics: developers.google.com/analytics/devguides/collection/analyticsjs/cookie-usage
  // (_ga, _gid, _gat, _dc_gtm_<property>, AMP_TOKEN, _gac_<property>, ga.js's __utm*) and …/ga4/cookie-usage (_ga, _ga_<container>).
  analytics('google-analytics.com analytics.google.com googletagmanager.com', '_ga _ga_* _gid _gat _gat_* __utm* _dc_gtm_* _gac_* AMP_TOKEN'),
  // Microsoft Clarity: learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list (CLID, MUID, SM… are on clarity.ms and bing.com).
  analytics('clarity.ms', '_clck _clsk'),
  // Hotjar: help.hotjar.com, "Cookies set by the Hotjar tracking code" (_hjSessionUser_<site>, _hjSession_<site>, _hjid, _hjTLDTest…: all _hj).
  analytics('hotjar.com hotjar.io', '_hj*'),
  // Matomo: matomo.org/faq/general/faq_146 (_pk_id, _pk_ref, _pk_ses, _pk_cvar, _pk_hsr, _pk_testcookie; mtm_consent* record consent).
  analytics('matomo.cloud', '_pk_*', '/matomo.js /piwik.js /matomo.php /piwik.php'),
  // Segment, unverified: segment.com/docs, Analytics.js identity (ajs_anonymous_id, ajs_user_id, ajs_group_id).
  analytics('segment.com segment.io', 'ajs_*'),
  // Mixpanel, unverified: docs.mixpanel.com, JavaScript SDK (mp_<token>_mixpanel).
  analytics('mixpanel.com mxpnl.com', 'mp_*'),
  // Amplitude: amplitude.com/docs/sdks/analytics/browser/cookies-and-consent-management (AMP_<key>, AMP_MKTG_<key>, AMP_TEST_, AMP_TLDTEST_;
  // the legacy SDK's amp_<key>).
  analytics('amplitude.com', 'AMP_* amp_*'),
  // Heap: help.heap.io/data-privacy/data-privacy-faqs/what-cookies-does-heap-set-and-what-are-they-used-for (_hp2_* heap.js v4,
  // _hp5_* v5) and …/what-cookies-does-session-replay-set (_cs_id, _cs_s; _cs_c records consent).
  analytics('heapanalytics.com heap-api.com', '_hp2_* _hp5_* _cs_id _cs_s'),
  // FullStory: help.fullstory.com/hc/en-us/articles/360020829513 (fs_uid, fs_lua; fs_cid stores the consent state).
  analytics('fullstory.com', 'fs_uid fs_lua'),
  // PostHog, unverified: posthog.com/docs, JavaScript library persistence (ph_<project key>_posthog).
  analytics('posthog.com', 'ph_*'),
  analytics('plausible.io'), // Plausible: sets no cookies
  analytics('cloudflareinsights.com'), // Cloudflare Web Analytics: sets no cookies
  // Adobe Analytics: experienceleague.adobe.com/en/docs/core-services/interface/data-collection/cookies/web-sdk (s_ecid, kndctr_<org>_identity;
  // kndctr_<org>_consent records consent); AppMeasurement's s_cc, s_sq, s_vi, s_fid and the Visitor ID service's AMCV_ unverified (…/cookies/analytics).
  analytics('omtrdc.net 2o7.net', 's_cc s_sq s_vi s_fid s_ecid AMCV_* AMCVS_* kndctr_*_identity'),
  // Yandex Metrica, unverified: yandex.com/support/metrica, cookie usage (_ym_uid, _ym_d, _ym_isad, _ym_visorc…).
  analytics('mc.yandex.ru mc.yandex.com mc.webvisor.org', '_ym_*'),
  // Chinese analytics
  // Baidu Tongji 百度统计, unverified: tongji.baidu.com help, cookies (Hm_lvt_<site>, Hm_lpvt_<site> and the rest of its Hm_ family on the site;
  // HMACCOUNT is set by hm.baidu.com on its own domain).
  analytics('hm.baidu.com hmcdn.baidu.com', 'Hm_*'),
  // CNZZ / Umeng 友盟, unverified: umeng.com privacy policy (CNZZDATA<site>, UM_distinctid; cna is on mmstat.com).
  analytics('cnzz.com umeng.com umengcloud.com', 'CNZZDATA* UM_distinctid'),
  // Tencent Analytics 腾讯分析, unverified (pgv_pvi, pgv_si, pgv_pvid, ts_uid, ts_last, ts_refer).
  analytics('tajs.qq.com pingjs.qq.com pingtas.qq.com pingtcss.qq.com', 'pgv_* ts_uid ts_last ts_refer'),
  // Sensors Data 神策, unverified: manual.sensorsdata.cn, Web SDK (sensorsdata2015jssdkcross, sensorsdata2015session, sajssdk_2015_*).
  analytics('sensorsdata.cn sensorsdata.com', 'sensorsdata2015* sajssdk_*'),
  // GrowingIO, unverified: docs.growingio.com, Web SDK (gr_user_id, gr_session_id_<project>, gr_cs1_<session>).
  analytics('growingio.com giocdn.com', 'gr_user_id gr_session_id_* gr_cs1_*'),
  // ByteDance DataRangers 火山引擎增长分析, unverified (__tea_cache_tokens_<app>).
  analytics('mcs.snssdk.com mcs.zijieapi.com', '__tea_cache_*'),
  analytics('mmstat.com'), // Alibaba Aplus: its cna cookie is on mmstat.com
  analytics('51.la'), // 51.LA
  // Embeds: their cookies are on their own domains, in their frames (none a page can see); a held frame shows a
  // placeholder naming the vendor (embed-names.ts) and its category. Only YouTube, the most embedded, is built in:
  // each embed row costs the head about 12 B gzip. The others are rows of embed-rules.ts, which the tagging tool
  // applies and a site adds to its config's rules (README "Embeds").
  // YouTube, both domains: advertising. Google names YouTube among the properties that use its ad cookies, and
  // VISITOR_INFO1_LIVE beside NID (policies.google.com/technologies/cookies); youtube-nocookie.com ("privacy-enhanced
  // mode", support.google.com/youtube/answer/171780) sets none until the video plays, then the same ones. The IFrame
  // API script (iframe_api) waits with the frames it makes.
  advertising('youtube.com/embed youtube.com/iframe_api youtube-nocookie.com'),
  // Advertising
  // Google Ads / Ad Manager / AdSense: business.safety.google/adscookies (_gcl_au, _gcl_aw, _gcl_dc, _gcl_gb, _gcl_gf, _gcl_ha, _gcl_gs;
  // on a publisher's site __gads — Google: "cookies named '__gads' … may be set on the domain of the site that you're
  // visiting" — and, unverified, __gpi and __eoi; __gpi_optout records an opt-out).
  advertising('doubleclick.net googleadservices.com googlesyndication.com googletagservices.com adservice.google.com google.com/pagead google.com/ads', '_gcl_* __gads __gpi __eoi'),
  // Meta Pixel, unverified: Meta Business Help, "About cookie settings for your Meta pixel" (first-party _fbp, _fbc).
  advertising('connect.facebook.net facebook.com/tr', '_fbp _fbc'),
  // TikTok Pixel, unverified: ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel (_ttp, _tt_enable_cookie, ttcsid, ttcsid_<pixel>).
  advertising('analytics.tiktok.com analytics-sg.tiktok.com', '_ttp _tt_enable_cookie ttcsid ttcsid_*'),
  // LinkedIn Insight: www.linkedin.com/legal/l/cookie-table (its Insight Tag rows were not in the copy available; on the site
  // li_fat_id, li_giant and ln_or, which the issue found surviving a withdrawal; li_sugr, bcookie, UserMatchHistory are on linkedin.com).
  advertising('snap.licdn.com px.ads.linkedin.com dc.ads.linkedin.com', 'li_fat_id li_giant ln_or _li_*'),
  // Microsoft UET, unverified: help.ads.microsoft.com, UET (_uetsid, _uetvid, _uetmsclkid: all _uet; MUID is on bing.com).
  advertising('bat.bing.com bat.r.msn.com', '_uet*'),
  // X (Twitter) Ads, unverified: business.x.com, conversion tracking (_twclid).
  advertising('ads-twitter.com analytics.twitter.com ads-api.twitter.com ads-api.x.com', '_twclid'),
  // Pinterest Tag, unverified: help.pinterest.com, Pinterest tag (_pin_unauth, _pinterest_ct_ua, _pinterest_ct_rt, _epik, _derived_epik).
  advertising('ct.pinterest.com pinimg.com/ct', '_pin_unauth _pinterest_ct* _epik _derived_epik'),
  // Snap Pixel, unverified: businesshelp.snapchat.com, Snap Pixel (_scid, _scid_r, _sctr).
  advertising('sc-static.net tr.snapchat.com tr-shadow.snapchat.com', '_scid _scid_r _sctr'),
  // Reddit Pixel, unverified: Reddit for Business help, Reddit Pixel (_rdt_uuid; _rdt_cid keeps the click id).
  advertising('alb.reddit.com redditstatic.com/ads', '_rdt_*'),
  // Criteo, unverified: criteo.com privacy (cto_bundle, cto_bidid, cto_idcpy…).
  advertising('criteo.com criteo.net', 'cto_*'),
  advertising('amazon-adsystem.com'), // Amazon Ads
  advertising('taboola.com'), // Taboola
  advertising('outbrain.com'), // Outbrain
  advertising('oceanengine.com'), // Ocean Engine (ByteDance)
  advertising('cpro.baidu.com pos.baidu.com cbjs.baidu.com ocpc.baidu.com'), // Baidu Ads
  advertising('gdt.qq.com e.qq.com/ads'), // Tencent Ads
  advertising('alimama.com tanx.com'), // Alimama
];
