/**
 * Vendor snippets in the form each vendor publishes them (ids replaced with
 * test ids), written for these tests from the vendors' instructions, and what
 * the tagger must make of each: `tagged` lists, in document order, each start
 * tag that changes and what it becomes; everything else must stay byte for
 * byte. The demo's snippets (demo/snippets.mjs) and the guard's pasted page
 * (test/e2e/pages/guard-pasted.html) are tested beside these.
 */

export interface VendorSnippet {
  vendor: string;
  html: string;
  /** `[start tag as written, start tag tagged]`, in document order. */
  tagged: [string, string][];
}

const SCRIPT = '<script>';
const TEXT_JS = '<script type="text/javascript">';
/** A script's start tag, tagged, up to where its own attributes begin. */
const plain = (category: string, rest = '') => `<script type="text/plain" data-consent="${category}"${rest}`;
const plainJs = (category: string) => `<script type="text/plain" data-consent="${category}" data-type="text/javascript">`;

export const VENDOR_SNIPPETS: VendorSnippet[] = [
  {
    vendor: 'Google Tag Manager (head part)',
    html: `<!-- Google Tag Manager -->
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-T3ST001');</script>
<!-- End Google Tag Manager -->`,
    tagged: [[SCRIPT, plain('analytics') + '>']],
  },
  {
    vendor: 'Google Tag Manager (noscript part, after <body>)',
    html: `<!-- Google Tag Manager (noscript) -->
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-T3ST001"
height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>
<!-- End Google Tag Manager (noscript) -->`,
    tagged: [],
  },
  {
    vendor: 'Google Ads (gtag.js with an AW- id)',
    html: `<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id=AW-123456789"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());

  gtag('config', 'AW-123456789');
</script>`,
    tagged: [['<script async src="https://www.googletagmanager.com/gtag/js?id=AW-123456789">', plain('analytics', ' async src="https://www.googletagmanager.com/gtag/js?id=AW-123456789"') + '>']],
  },
  {
    vendor: 'Google AdSense',
    html: `<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1234567890123456"
     crossorigin="anonymous"></script>
<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-1234567890123456" data-ad-slot="1234567890" data-ad-format="auto"></ins>
<script>
     (adsbygoogle = window.adsbygoogle || []).push({});
</script>`,
    tagged: [
      [
        '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1234567890123456"',
        '<script type="text/plain" data-consent="advertising" async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1234567890123456"',
      ],
    ],
  },
  {
    vendor: 'TikTok Pixel',
    html: `<script>
!function (w, d, t) {
  w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie","holdConsent","revokeConsent","grantConsent"],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);ttq.instance=function(t){for(
var e=ttq._i[t]||[],n=0;n<ttq.methods.length;n++)ttq.setAndDefer(e,ttq.methods[n]);return e},ttq.load=function(e,n){var r="https://analytics.tiktok.com/i18n/pixel/events.js",o=n&&n.partner;ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u=r,ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};n=document.createElement("script")
;n.type="text/javascript",n.async=!0,n.src=r+"?sdkid="+e+"&lib="+t;e=document.getElementsByTagName("script")[0];e.parentNode.insertBefore(n,e)};

  ttq.load('CTEST0000000000000001');
  ttq.page();
}(window, document, 'ttq');
</script>`,
    tagged: [[SCRIPT, plain('advertising') + '>']],
  },
  {
    vendor: 'Yandex Metrica',
    html: `<!-- Yandex.Metrika counter -->
<script type="text/javascript" >
   (function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};
   m[i].l=1*new Date();
   for (var j = 0; j < document.scripts.length; j++) {if (document.scripts[j].src === r) { return; }}
   k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})
   (window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym");

   ym(12345678, "init", {
        clickmap:true,
        trackLinks:true,
        accurateTrackBounce:true
   });
</script>
<noscript><div><img src="https://mc.yandex.ru/watch/12345678" style="position:absolute; left:-9999px;" alt="" /></div></noscript>
<!-- /Yandex.Metrika counter -->`,
    tagged: [['<script type="text/javascript" >', '<script type="text/plain" data-consent="analytics" data-type="text/javascript" >']],
  },
  {
    vendor: 'Microsoft Advertising UET',
    html: `<script>(function(w,d,t,r,u){var f,n,i;w[u]=w[u]||[],f=function(){var o={ti:"12345678"};o.q=w[u],w[u]=new UET(o),w[u].push("pageLoad")},n=d.createElement(t),n.src=r,n.async=1,n.onload=n.onreadystatechange=function(){var s=this.readyState;s&&s!=="loaded"&&s!=="complete"||(f(),n.onload=n.onreadystatechange=null)},i=d.getElementsByTagName(t)[0],i.parentNode.insertBefore(n,i)})(window,document,"script","//bat.bing.com/bat.js","uetq");</script><noscript><img src="//bat.bing.com/action/0?ti=12345678&Ver=2" height="0" width="0" style="display:none; visibility: hidden;" /></noscript>`,
    tagged: [[SCRIPT, plain('advertising') + '>']],
  },
  {
    vendor: 'Snap Pixel',
    html: `<!-- Snap Pixel Code -->
<script type='text/javascript'>
(function(e,t,n){if(e.snaptr)return;var a=e.snaptr=function()
{a.handleRequest?a.handleRequest.apply(a,arguments):a.queue.push(arguments)};
a.queue=[];var s='script';r=t.createElement(s);r.async=!0;
r.src=n;var u=t.getElementsByTagName(s)[0];
u.parentNode.insertBefore(r,u);})(window,document,
'https://sc-static.net/scevent.min.js');

snaptr('init', 'a1b2c3d4-0000-4000-8000-000000000001', {});
snaptr('track', 'PAGE_VIEW');
</script>
<!-- End Snap Pixel Code -->`,
    tagged: [["<script type='text/javascript'>", `<script type="text/plain" data-consent="advertising" data-type='text/javascript'>`]],
  },
  {
    vendor: 'Reddit Pixel',
    html: `<!-- Reddit Pixel -->
<script>
!function(w,d){if(!w.rdt){var p=w.rdt=function(){p.sendEvent?p.sendEvent.apply(p,arguments):p.callQueue.push(arguments)};p.callQueue=[];var t=d.createElement("script");t.src="https://www.redditstatic.com/ads/pixel.js",t.async=!0;var s=d.getElementsByTagName("script")[0];s.parentNode.insertBefore(t,s)}}(window,document);rdt('init','a2_test0000001');rdt('track', 'PageVisit');
</script>
<!-- DO NOT MODIFY UNLESS TO REPLACE A USER IDENTIFIER -->
<!-- End Reddit Pixel -->`,
    tagged: [[SCRIPT, plain('advertising') + '>']],
  },
  {
    vendor: 'X (Twitter) Pixel',
    html: `<!-- Twitter conversion tracking base code -->
<script>
!function(e,t,n,s,u,a){e.twq||(s=e.twq=function(){s.exe?s.exe.apply(s,arguments):s.queue.push(arguments);
},s.version='1.1',s.queue=[],u=t.createElement(n),u.async=!0,u.src='https://static.ads-twitter.com/uwt.js',
a=t.getElementsByTagName(n)[0],a.parentNode.insertBefore(u,a))}(window,document,'script');
twq('config','o0t3st');
</script>
<!-- End Twitter conversion tracking base code -->`,
    tagged: [[SCRIPT, plain('advertising') + '>']],
  },
  {
    vendor: 'Pinterest Tag',
    html: `<!-- Pinterest Tag -->
<script>
!function(e){if(!window.pintrk){window.pintrk = function () {
window.pintrk.queue.push(Array.prototype.slice.call(arguments))};var
  n=window.pintrk;n.queue=[],n.version="3.0";var
  t=document.createElement("script");t.async=!0,t.src=e;var
  r=document.getElementsByTagName("script")[0];
  r.parentNode.insertBefore(t,r)}}("https://s.pinimg.com/ct/core.js");
pintrk('load', '2612345678901', {em: '<user_email_address>'});
pintrk('page');
</script>
<noscript>
<img height="1" width="1" style="display:none;" alt=""
  src="https://ct.pinterest.com/v3/?event=init&tid=2612345678901&pd[em]=<hashed_email_address>&noscript=1" />
</noscript>
<!-- end Pinterest Tag -->`,
    tagged: [[SCRIPT, plain('advertising') + '>']],
  },
  {
    vendor: 'Segment (analytics.js 4.1 snippet)',
    html: `<script>
  !function(){var analytics=window.analytics=window.analytics||[];if(!analytics.initialize)if(analytics.invoked)window.console&&console.error&&console.error("Segment snippet included twice.");else{analytics.invoked=!0;analytics.methods=["trackSubmit","trackClick","trackLink","trackForm","pageview","identify","reset","group","track","ready","alias","debug","page","once","off","on"];analytics.factory=function(t){return function(){var e=Array.prototype.slice.call(arguments);e.unshift(t);analytics.push(e);return analytics}};for(var t=0;t<analytics.methods.length;t++){var e=analytics.methods[t];analytics[e]=analytics.factory(e)}analytics.load=function(t,e){var n=document.createElement("script");n.type="text/javascript";n.async=!0;n.src="https://cdn.segment.com/analytics.js/v1/"+t+"/analytics.min.js";var a=document.getElementsByTagName("script")[0];a.parentNode.insertBefore(n,a);analytics._loadOptions=e};analytics.SNIPPET_VERSION="4.1.0";
  analytics.load("TESTWRITEKEY0001");
  analytics.page();
  }}();
</script>`,
    tagged: [[SCRIPT, plain('analytics') + '>']],
  },
  {
    vendor: 'Segment (older snippet: the protocol chosen at run time, then "cdn.segment.com/…")',
    html: `<script type="text/javascript">
!function(){var analytics=window.analytics=window.analytics||[];if(analytics.invoked)window.console&&console.error&&console.error("Segment snippet included twice.");else{analytics.invoked=!0;analytics.methods=["trackSubmit","trackClick","trackLink","trackForm","pageview","identify","group","track","ready","alias","page","once","off","on"];analytics.factory=function(t){return function(){var e=Array.prototype.slice.call(arguments);e.unshift(t);analytics.push(e);return analytics}};for(var t=0;t<analytics.methods.length;t++){var e=analytics.methods[t];analytics[e]=analytics.factory(e)}analytics.load=function(t){var e=document.createElement("script");e.type="text/javascript";e.async=!0;e.src=("https:"===document.location.protocol?"https://":"http://")+"cdn.segment.com/analytics.js/v1/"+t+"/analytics.min.js";var n=document.getElementsByTagName("script")[0];n.parentNode.insertBefore(e,n)};analytics.SNIPPET_VERSION="3.0.0";
window.analytics.load("TESTWRITEKEY0002");
window.analytics.page();
}}();
</script>`,
    tagged: [[TEXT_JS, plainJs('analytics')]],
  },
  {
    vendor: 'Plausible',
    html: `<script defer data-domain="example.com" src="https://plausible.io/js/script.js"></script>`,
    tagged: [['<script defer', plain('analytics', ' defer')]],
  },
  {
    vendor: 'Cloudflare Web Analytics',
    html: `<!-- Cloudflare Web Analytics --><script defer src='https://static.cloudflareinsights.com/beacon.min.js' data-cf-beacon='{"token": "0123456789abcdef0123456789abcdef"}'></script><!-- End Cloudflare Web Analytics -->`,
    tagged: [['<script defer', plain('analytics', ' defer')]],
  },
  {
    vendor: 'CNZZ / Umeng (older snippet: protocol in a variable, document.write of an escaped <script>)',
    html: `<script type="text/javascript">var cnzz_protocol = (("https:" == document.location.protocol) ? "https://" : "http://");document.write(unescape("%3Cspan id='cnzz_stat_icon_1261234567'%3E%3C/span%3E%3Cscript src='" + cnzz_protocol + "s4.cnzz.com/z_stat.php%3Fid%3D1261234567%26show%3Dpic' type='text/javascript'%3E%3C/script%3E"));</script>`,
    tagged: [[TEXT_JS, plainJs('analytics')]],
  },
  {
    vendor: 'Umeng (current snippet: a <script src>)',
    html: `<script type="text/javascript" src="https://v1.cnzz.com/z_stat.php?id=1281234567&web_id=1281234567"></script>`,
    tagged: [['<script type="text/javascript"', '<script type="text/plain" data-consent="analytics" data-type="text/javascript"']],
  },
  {
    vendor: 'Baidu Tongji (older snippet: document.write of an escaped <script>)',
    html: `<script type="text/javascript">
var _bdhmProtocol = (("https:" == document.location.protocol) ? " https://" : " http://");
document.write(unescape("%3Cscript src='" + _bdhmProtocol + "hm.baidu.com/h.js%3F0123456789abcdef0123456789abcdef' type='text/javascript'%3E%3C/script%3E"));
</script>`,
    tagged: [[TEXT_JS, plainJs('analytics')]],
  },
  {
    vendor: '51.LA (SDK pro: a protocol-relative <script src> and an init call)',
    html: `<script charset="UTF-8" id="LA_COLLECT" src="//sdk.51.la/js-sdk-pro.min.js"></script>
<script>LA.init({id:"3Ftest0001",ck:"3Ftest0001"})</script>`,
    tagged: [['<script charset="UTF-8"', plain('analytics', ' charset="UTF-8"')]],
  },
  {
    vendor: 'Tencent MTA H5 (腾讯移动分析)',
    html: `<script>
var _mtac = {};
(function() {
    var mta = document.createElement("script");
    mta.src = "//pingjs.qq.com/h5/stats.js?v2.0.4";
    mta.setAttribute("name", "MTAH5");
    mta.setAttribute("sid", "500000001");
    var s = document.getElementsByTagName("script")[0];
    s.parentNode.insertBefore(mta, s);
})();
</script>`,
    tagged: [[SCRIPT, plain('analytics') + '>']],
  },
  {
    vendor: 'Matomo (self-hosted: the tracker known by its path only)',
    html: `<!-- Matomo -->
<script>
  var _paq = window._paq = window._paq || [];
  _paq.push(['trackPageView']);
  _paq.push(['enableLinkTracking']);
  (function() {
    var u="//stats.example.org/";
    _paq.push(['setTrackerUrl', u+'matomo.php']);
    _paq.push(['setSiteId', '3']);
    var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];
    g.async=true; g.src=u+'matomo.js'; s.parentNode.insertBefore(g,s);
  })();
</script>
<!-- End Matomo Code -->`,
    tagged: [[SCRIPT, plain('analytics') + '>']],
  },
  {
    vendor: 'Meta Pixel, image-only version (no JavaScript)',
    html: `<img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=520000000000003&ev=PageView&noscript=1"/>`,
    tagged: [['<img height="1"', '<img data-consent="advertising" height="1"'], [' src="https://www.facebook.com', ' data-src="https://www.facebook.com']],
  },
  {
    vendor: 'Facebook JavaScript SDK (social plugins, from connect.facebook.net)',
    html: `<div id="fb-root"></div>
<script async defer crossorigin="anonymous" src="https://connect.facebook.net/en_US/sdk.js#xfbml=1&version=v19.0"></script>`,
    tagged: [['<script async defer', plain('advertising', ' async defer')]],
  },
];
