import type { ComponentChildren } from 'preact';
import { safeHref } from '../safe-url';

/** A link only when `href` is http(s) or same-site relative; otherwise the text alone. */
export function SafeLink({ href, children, class: className }: { href: unknown; children: ComponentChildren; class?: string }) {
  const safe = safeHref(href, location.href);
  if (!safe) return <span class={className}>{children}</span>;
  const external = new URL(safe).origin !== location.origin;
  return (
    <a class={className} href={safe} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {children}
    </a>
  );
}
