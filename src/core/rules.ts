/**
 * The built-in tracker rules, as data. A request to one of `hosts` (or a
 * subdomain; `host/prefix` narrows to a path), a request whose path ends with
 * one of `paths` (on any host, for self-hosted tools such as Matomo), or a
 * cookie whose name matches `cookies` (`*` wildcard) belongs to `category`.
 * Site rules from the config are checked first, so a site can move a vendor to
 * another category (or to `necessary` to let it through).
 *
 * Cookie patterns list first-party cookies only: a vendor's cookies on its own
 * domain (DoubleClick's `IDE`, Bing's `MUID`) are out of the page's reach.
 *
 * Kept to hosts that serve tracking only: we never list a host that also serves
 * content a page needs (e.g. `www.google.com` as a whole would block reCAPTCHA).
 *
 * Each vendor's name is a comment, not data: this table is in every page
 * view's blocking bytes, and the names added 253 B gzip to them
 * (the hosts already say who a rule is for; console advice names the category).
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
  // Western analytics
  analytics('google-analytics.com analytics.google.com googletagmanager.com', '_ga _ga_* _gid _gat _gat_* __utm* _dc_gtm_* AMP_TOKEN'), // Google Analytics
  analytics('clarity.ms', '_clck _clsk'), // Microsoft Clarity
  analytics('hotjar.com hotjar.io', '_hj*'), // Hotjar
  analytics('matomo.cloud', '_pk_* mtm_*', '/matomo.js /piwik.js /matomo.php /piwik.php'), // Matomo
  analytics('segment.com segment.io', 'ajs_*'), // Segment
  analytics('mixpanel.com mxpnl.com', 'mp_*'), // Mixpanel
  analytics('amplitude.com', 'AMP_* amp_*'), // Amplitude
  analytics('heapanalytics.com heap-api.com', '_hp2_*'), // Heap
  analytics('fullstory.com', 'fs_uid fs_lua fs_cid'), // FullStory
  analytics('posthog.com', 'ph_*'), // PostHog
  analytics('plausible.io'), // Plausible
  analytics('cloudflareinsights.com'), // Cloudflare Web Analytics
  analytics('omtrdc.net 2o7.net', 's_cc s_sq s_vi s_fid AMCV_* AMCVS_*'), // Adobe Analytics
  analytics('mc.yandex.ru mc.yandex.com mc.webvisor.org', '_ym_*'), // Yandex Metrica
  // Chinese analytics
  analytics('hm.baidu.com hmcdn.baidu.com', 'Hm_lvt_* Hm_lpvt_* HMACCOUNT*'), // Baidu Tongji
  analytics('cnzz.com umeng.com umengcloud.com', 'CNZZDATA* UM_distinctid'), // CNZZ / Umeng
  analytics('tajs.qq.com pingjs.qq.com pingtas.qq.com pingtcss.qq.com', 'pgv_* ts_uid ts_last ts_refer'), // Tencent Analytics
  analytics('sensorsdata.cn sensorsdata.com', 'sensorsdata2015* sajssdk_*'), // Sensors Data
  analytics('growingio.com giocdn.com', 'gr_user_id gr_session_id_* gr_cs1_*'), // GrowingIO
  analytics('mcs.snssdk.com mcs.zijieapi.com', '__tea_cache_*'), // ByteDance DataRangers
  analytics('mmstat.com'), // Alibaba Aplus
  analytics('51.la'), // 51.LA
  // Advertising
  advertising('doubleclick.net googleadservices.com googlesyndication.com googletagservices.com adservice.google.com google.com/pagead google.com/ads', '_gcl_*'), // Google Ads / DoubleClick
  advertising('connect.facebook.net facebook.com/tr', '_fbp _fbc'), // Meta Pixel
  advertising('analytics.tiktok.com analytics-sg.tiktok.com', '_ttp _tt_enable_cookie ttcsid ttcsid_*'), // TikTok Pixel
  advertising('snap.licdn.com px.ads.linkedin.com dc.ads.linkedin.com', 'li_fat_id li_sugr _li_*'), // LinkedIn Insight
  advertising('bat.bing.com bat.r.msn.com', '_uetsid _uetvid _uetmsclkid'), // Microsoft UET
  advertising('ads-twitter.com analytics.twitter.com ads-api.twitter.com ads-api.x.com', '_twclid'), // X (Twitter) Ads
  advertising('ct.pinterest.com pinimg.com/ct', '_pin_unauth _pinterest_ct* _epik _derived_epik'), // Pinterest Tag
  advertising('sc-static.net tr.snapchat.com tr-shadow.snapchat.com', '_scid _scid_r _sctr'), // Snap Pixel
  advertising('alb.reddit.com redditstatic.com/ads', '_rdt_uuid'), // Reddit Pixel
  advertising('criteo.com criteo.net', 'cto_*'), // Criteo
  advertising('amazon-adsystem.com'), // Amazon Ads
  advertising('taboola.com'), // Taboola
  advertising('outbrain.com'), // Outbrain
  advertising('oceanengine.com'), // Ocean Engine (ByteDance)
  advertising('cpro.baidu.com pos.baidu.com cbjs.baidu.com ocpc.baidu.com'), // Baidu Ads
  advertising('gdt.qq.com e.qq.com/ads'), // Tencent Ads
  advertising('alimama.com tanx.com'), // Alimama
];
