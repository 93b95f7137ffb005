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
 */
import type { TrackerRule } from './types';

/** Lists are written space-separated to keep the guard small; they are split once, at load. */
const list = (words: string) => (words ? words.split(' ') : undefined);
const ruleIn =
  (category: 'analytics' | 'advertising') =>
  (vendor: string, hosts: string, cookies = '', paths = ''): TrackerRule => ({
    vendor,
    category,
    hosts: list(hosts),
    cookies: list(cookies),
    paths: list(paths),
  });
const analytics = ruleIn('analytics');
const advertising = ruleIn('advertising');

export const BUILTIN_RULES: readonly TrackerRule[] = [
  // Western analytics
  analytics(
    'Google Analytics',
    'google-analytics.com analytics.google.com googletagmanager.com',
    '_ga _ga_* _gid _gat _gat_* __utm* _dc_gtm_* AMP_TOKEN',
  ),
  analytics('Microsoft Clarity', 'clarity.ms', '_clck _clsk'),
  analytics('Hotjar', 'hotjar.com hotjar.io', '_hj*'),
  analytics('Matomo', 'matomo.cloud', '_pk_* mtm_*', '/matomo.js /piwik.js /matomo.php /piwik.php'),
  analytics('Segment', 'segment.com segment.io', 'ajs_*'),
  analytics('Mixpanel', 'mixpanel.com mxpnl.com', 'mp_*'),
  analytics('Amplitude', 'amplitude.com', 'AMP_* amp_*'),
  analytics('Heap', 'heapanalytics.com heap-api.com', '_hp2_*'),
  analytics('FullStory', 'fullstory.com', 'fs_uid fs_lua fs_cid'),
  analytics('PostHog', 'posthog.com', 'ph_*'),
  analytics('Plausible', 'plausible.io'),
  analytics('Cloudflare Web Analytics', 'cloudflareinsights.com'),
  analytics('Adobe Analytics', 'omtrdc.net 2o7.net', 's_cc s_sq s_vi s_fid AMCV_* AMCVS_*'),
  analytics('Yandex Metrica', 'mc.yandex.ru mc.yandex.com mc.webvisor.org', '_ym_*'),
  // Chinese analytics
  analytics('Baidu Tongji', 'hm.baidu.com hmcdn.baidu.com', 'Hm_lvt_* Hm_lpvt_* HMACCOUNT*'),
  analytics('CNZZ / Umeng', 'cnzz.com umeng.com umengcloud.com', 'CNZZDATA* UM_distinctid'),
  analytics(
    'Tencent Analytics',
    'tajs.qq.com pingjs.qq.com pingtas.qq.com pingtcss.qq.com',
    'pgv_* ts_uid ts_last ts_refer',
  ),
  analytics('Sensors Data', 'sensorsdata.cn sensorsdata.com', 'sensorsdata2015* sajssdk_*'),
  analytics('GrowingIO', 'growingio.com giocdn.com', 'gr_user_id gr_session_id_* gr_cs1_*'),
  analytics('ByteDance DataRangers', 'mcs.snssdk.com mcs.zijieapi.com', '__tea_cache_*'),
  analytics('Alibaba Aplus', 'mmstat.com'),
  analytics('51.LA', '51.la'),
  // Advertising
  advertising(
    'Google Ads / DoubleClick',
    'doubleclick.net googleadservices.com googlesyndication.com googletagservices.com adservice.google.com google.com/pagead google.com/ads',
    '_gcl_*',
  ),
  advertising('Meta Pixel', 'connect.facebook.net facebook.com/tr', '_fbp _fbc'),
  advertising('TikTok Pixel', 'analytics.tiktok.com analytics-sg.tiktok.com', '_ttp _tt_enable_cookie ttcsid ttcsid_*'),
  advertising('LinkedIn Insight', 'snap.licdn.com px.ads.linkedin.com dc.ads.linkedin.com', 'li_fat_id li_sugr _li_*'),
  advertising('Microsoft UET', 'bat.bing.com bat.r.msn.com', '_uetsid _uetvid _uetmsclkid'),
  advertising('X (Twitter) Ads', 'ads-twitter.com analytics.twitter.com ads-api.twitter.com ads-api.x.com', '_twclid'),
  advertising('Pinterest Tag', 'ct.pinterest.com pinimg.com/ct', '_pin_unauth _pinterest_ct* _epik _derived_epik'),
  advertising('Snap Pixel', 'sc-static.net tr.snapchat.com tr-shadow.snapchat.com', '_scid _scid_r _sctr'),
  advertising('Reddit Pixel', 'alb.reddit.com redditstatic.com/ads', '_rdt_uuid'),
  advertising('Criteo', 'criteo.com criteo.net', 'cto_*'),
  advertising('Amazon Ads', 'amazon-adsystem.com'),
  advertising('Taboola', 'taboola.com'),
  advertising('Outbrain', 'outbrain.com'),
  advertising('Ocean Engine (ByteDance)', 'oceanengine.com'),
  advertising('Baidu Ads', 'cpro.baidu.com pos.baidu.com cbjs.baidu.com ocpc.baidu.com'),
  advertising('Tencent Ads', 'gdt.qq.com e.qq.com/ads'),
  advertising('Alimama', 'alimama.com tanx.com'),
];
