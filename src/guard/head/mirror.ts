/**
 * Reading the mirror cookie (the codec is src/core/mirror-cookie.ts; the
 * runtime writes it). Where cookies are refused (`document.cookie` throws in
 * a sandboxed frame) there is no choice in it.
 */
import { decodeMirrorCookie, recordFromMirror } from '../../core/mirror-cookie';
import type { MirrorRead } from '../../core/reconcile';
import type { ConsentryConfig, Language } from '../../core/types';

/** The cookie's raw value, and the choice it holds for `config`'s categories (`null`: none, or not a valid one). */
export function readMirror(config: ConsentryConfig, language: Language): MirrorRead {
  let raw: string | undefined;
  try {
    for (const pair of document.cookie.split('; ')) {
      const at = pair.indexOf('=');
      if (pair.slice(0, at) === config.cookie.name) {
        raw = decodeURIComponent(pair.slice(at + 1));
        break;
      }
    }
  } catch {
    // Cookies refused, or a malformed value: no choice.
  }
  const decision = decodeMirrorCookie(raw, config.categories.map((c) => c.id));
  return { raw, record: decision && recordFromMirror(decision, config, language) };
}
