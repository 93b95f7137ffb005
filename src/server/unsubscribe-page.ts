/**
 * The bilingual (English / 简体中文) pages of the one-click URL: the
 * confirmation a GET shows (a button, never an unsubscribe by itself: link
 * scanners follow GETs), the answer after the button, and an invalid link.
 * No script at all; the one style block is allowed by its hash in the CSP.
 * Every text that comes from a token is escaped.
 */
import { createHash } from 'node:crypto';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#1a1a1a;background:#f6f7f9}
main{max-width:32rem;margin:0 auto;background:#fff;border:1px solid #d0d4da;border-radius:8px;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 .5rem}p{margin:.5rem 0}[lang=zh-CN]{margin-top:1.25rem;padding-top:1rem;border-top:1px solid #e3e6ea}
button{font:inherit;padding:.5rem 1.25rem;border:0;border-radius:6px;background:#0b57d0;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f9ab00;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}main{background:#1c1c1c;border-color:#444}[lang=zh-CN]{border-color:#333}button{background:#8ab4f8;color:#111}}`;

/** Response headers of every page: strict CSP, no referrer (the URL carries the token), never cached or indexed. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
  'x-content-type-options': 'nosniff',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>
`;
}

/** GET: what the link does, and one button that POSTs `List-Unsubscribe=One-Click` to the same URL. */
export function confirmPage(list: string): string {
  const name = escapeHtml(list);
  return page(
    'Unsubscribe · 退订',
    `<form method="post">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<section lang="en"><h1>Unsubscribe from “${name}”?</h1><p>You will no longer receive these emails. Service announcements are still sent.</p></section>
<section lang="zh-CN"><h1>退订“${name}”？</h1><p>您将不再收到此类邮件。服务公告仍会发送。</p></section>
<p><button type="submit">Unsubscribe · 退订</button></p>
</form>`,
  );
}

/** After the POST. */
export function donePage(list: string): string {
  const name = escapeHtml(list);
  return page(
    'Unsubscribed · 已退订',
    `<section lang="en"><h1>You are unsubscribed from “${name}”.</h1><p>It can take up to two days before the last emails already on their way stop.</p></section>
<section lang="zh-CN"><h1>您已退订“${name}”。</h1><p>已在发送途中的邮件最多可能在两天内停止。</p></section>`,
  );
}

/** A forged, truncated or retired link; or a ledger without token keys (`unavailable`). */
export function invalidPage(unavailable: boolean): string {
  return unavailable
    ? page(
        'Unsubscribe unavailable · 暂时无法退订',
        `<section lang="en"><h1>Unsubscribing is unavailable right now.</h1><p>Please try again later, or use the link in another email.</p></section>
<section lang="zh-CN"><h1>暂时无法退订。</h1><p>请稍后再试，或使用其他邮件中的链接。</p></section>`,
      )
    : page(
        'Invalid link · 链接无效',
        `<section lang="en"><h1>This unsubscribe link is not valid.</h1><p>It may have been cut short when it was copied. Please use the link in the email itself.</p></section>
<section lang="zh-CN"><h1>此退订链接无效。</h1><p>链接可能在复制时被截断。请使用邮件中的原始链接。</p></section>`,
      );
}
