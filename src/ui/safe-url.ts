/**
 * Links from the config or translations are only rendered when they are
 * http(s), or relative and therefore same-site. Anything else (javascript:,
 * data:, protocol-relative `//other.site`, strings with control characters
 * a browser would strip into `javascript:`) is not turned into a link.
 */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Whitespace and control characters: browsers drop them from URLs, so
// "java\tscript:" would become "javascript:" after our scheme check.
const INVISIBLE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

/** The URL to put in `href`, or null when it must not become a link. */
export function safeHref(url: unknown, base: string): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed === '' || INVISIBLE.test(trimmed)) return null;
  if (/^[/\\]{2}/.test(trimmed) || trimmed.includes('\\')) return null;
  let resolved: URL;
  try {
    resolved = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null;
  if (!SCHEME.test(trimmed) && resolved.origin !== new URL(base).origin) return null;
  return resolved.href;
}
