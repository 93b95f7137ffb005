/**
 * Vendor snippets exactly as the vendors publish them (ids replaced with demo
 * ids), pasted untouched. The server sends every page through Consentry's
 * Vite plugin (demo/tag-pages.mjs), which writes them in the tagged form:
 * Google's `<script async src>`, which the browser's preload scanner would
 * otherwise fetch before any script runs, and the loaders that insert a
 * library with JavaScript, as the README's "Embed" section recommends.
 */

export const GA4_ID = 'G-DEMO0F2F01';

/** Google tag (gtag.js), from Google Analytics > Admin > Data streams > View tag instructions. */
export const GOOGLE_TAG = `<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id=${GA4_ID}"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());

  gtag('config', '${GA4_ID}');
</script>`;

/** Meta Pixel base code, from Events Manager. */
export const META_PIXEL = `<!-- Meta Pixel Code -->
<script>
!function(f,b,e,v,n,t,s)
{if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';
n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];
s.parentNode.insertBefore(t,s)}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '520000000000001');
fbq('track', 'PageView');
</script>
<noscript><img height="1" width="1" style="display:none"
src="https://www.facebook.com/tr?id=520000000000001&ev=PageView&noscript=1"
/></noscript>
<!-- End Meta Pixel Code -->`;

/** Baidu Tongji (百度统计) code, from 管理 > 代码获取. */
export const BAIDU_TONGJI = `<script>
var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "https://hm.baidu.com/hm.js?f2f0000000000000000000000000f2f0";
  var s = document.getElementsByTagName("script")[0]; 
  s.parentNode.insertBefore(hm, s);
})();
</script>`;

/** Microsoft Clarity tracking code, from Settings > Setup. */
export const CLARITY = `<script type="text/javascript">
    (function(c,l,a,r,i,t,y){
        c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};
        t=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;
        y=l.getElementsByTagName(r)[0];y.parentNode.insertBefore(t,y);
    })(window, document, "clarity", "script", "f2fdemo01");
</script>`;

/** Hotjar tracking code, from Sites & Organizations > Tracking code. */
export const HOTJAR = `<!-- Hotjar Tracking Code for Webex Meet -->
<script>
    (function(h,o,t,j,a,r){
        h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
        h._hjSettings={hjid:3200001,hjsv:6};
        a=o.getElementsByTagName('head')[0];
        r=o.createElement('script');r.async=1;
        r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
        a.appendChild(r);
    })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>`;

/** LinkedIn Insight Tag, from Campaign Manager > Analyze > Insight Tag (placed before </body>). */
export const LINKEDIN_INSIGHT = `<script type="text/javascript">
_linkedin_partner_id = "6200001";
window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];
window._linkedin_data_partner_ids.push(_linkedin_partner_id);
</script><script type="text/javascript">
(function(l) {
if (!l){window.lintrk = function(a,b){window.lintrk.q.push([a,b])};
window.lintrk.q=[]}
var s = document.getElementsByTagName("script")[0];
var b = document.createElement("script");
b.type = "text/javascript";b.async = true;
b.src = "https://snap.licdn.com/li.lms-analytics/insight.min.js";
s.parentNode.insertBefore(b, s);})(window.lintrk);
</script>
<noscript>
<img height="1" width="1" style="display:none;" alt="" src="https://px.ads.linkedin.com/collect/?pid=6200001&fmt=gif" />
</noscript>`;

/** Snippets for <head>, in the order a marketing team typically pastes them. */
export const HEAD_SNIPPETS = [GOOGLE_TAG, META_PIXEL, BAIDU_TONGJI, CLARITY, HOTJAR].join('\n');
/** Snippets placed before </body>. */
export const BODY_END_SNIPPETS = LINKEDIN_INSIGHT;

/**
 * A tagged video embed: the iframe keeps its source in `data-src` until the
 * visitor allows advertising; Consentry shows a placeholder of the same size.
 * The player page is same-origin because a page's service worker cannot answer
 * a cross-origin iframe's navigation — on a real site this would be
 * `https://www.youtube-nocookie.com/embed/<id>`.
 */
export const VIDEO_EMBED = `<iframe data-consent="advertising" data-src="/embed/webinar?v=f2f-product-tour" width="560" height="315" title="Webex Meet product tour (video)" allow="encrypted-media; picture-in-picture" allowfullscreen></iframe>`;
