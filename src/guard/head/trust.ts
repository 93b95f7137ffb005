/**
 * Whether the head may open the gate from the mirror cookie: only for a config
 * text the runtime validated on an earlier page view (an invalid config must
 * never release anything, not even for a moment). The runtime remembers the
 * hash of each valid config text (runtime/config-check.ts).
 */
import { VALIDATED_CONFIGS_KEY } from '../../core/storage-keys';

/** FNV-1a over the raw config text, base 36, with its length: short, and enough to notice an edit. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36) + text.length.toString(36);
}

/** Whether the runtime validated the config with this hash before (localStorage may be blocked: then it did not). */
export function validatedBefore(hash: string): boolean {
  try {
    return (localStorage.getItem(VALIDATED_CONFIGS_KEY) || '').split(' ').includes(hash);
  } catch {
    return false;
  }
}
