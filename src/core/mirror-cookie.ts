/**
 * The mirror cookie codec (pure). The cookie lets the guard decide
 * synchronously, before IndexedDB answers, and lets a server honour the
 * choice. Format (documented in README "Mirror cookie"):
 *
 *   1.<policy>.<categories>.<flags>.<updated>.<id>
 *
 * - `1`: format version.
 * - `<policy>`: the policy version, URL-encoded with `~` written for `%`, and
 *   `.`, `~`, `!`, `'`, `(`, `)`, `*` encoded too, so it holds no `.` and is cookie-safe.
 * - `<categories>`: lowercase hex (at most 8 digits); bit i is the i-th
 *   configured category (built-in order: necessary, preferences, analytics,
 *   advertising, email; site categories follow in config order; at most 31).
 * - `<flags>`: lowercase hex; bit 0 promotional-email opt-out, 1 personalised-ads
 *   opt-out, 2 ad-sharing opt-out, 3 GPC was on, 4 visitor said they are a
 *   minor, 5 guardian confirmed, bits 6–8 the method (index in `MIRROR_METHODS`).
 * - `<updated>`: when the choice was made, seconds since 1970, base 36.
 * - `<id>`: the record id (letters, digits, `-`, `_`).
 */
import { BUILT_IN_CATEGORY_IDS } from './defaults';
import { escapePolicy } from './policy-version';
import { addMonths, CLOCK_SKEW, RECORD_SCHEMA } from './record';
import type { CategoryId, ConsentMethod, ConsentRecord, ConsentryConfig, Language, OptOuts } from './types';

/** Methods in the order of their 3-bit index in `<flags>` (bits 6–8). */
export const MIRROR_METHODS: readonly ConsentMethod[] = ['accept-all', 'reject-all', 'custom', 'gpc', 'api', 'unsubscribe-link', 'withdraw'];

/** Categories the cookie has bits for (a 32-bit integer, sign bit unused); later ones read as denied. */
export const MAX_CATEGORIES = 31;

/** What a mirror cookie says. */
export interface MirrorDecision {
  policyVersion: string;
  categories: Record<CategoryId, boolean>;
  optOuts: OptOuts;
  method: ConsentMethod;
  gpc: boolean;
  minor?: { under: boolean; guardianConfirmed: boolean };
  /** Epoch milliseconds, to the second. */
  updatedAt: number;
  id: string;
}

/** The cookie value for `record`; `categoryIds` is the configured category order. */
export function encodeMirrorCookie(record: ConsentRecord, categoryIds: readonly CategoryId[]): string {
  let bits = 0;
  categoryIds.forEach((id, i) => {
    if (i < MAX_CATEGORIES && (record.categories[id] || id == 'necessary')) bits |= 1 << i;
  });
  const { optOuts, minor } = record;
  const flags =
    +optOuts.promotionalEmail |
    (+optOuts.personalisedAds << 1) |
    (+optOuts.adSharing << 2) |
    (+record.gpc << 3) |
    (+!!minor?.under << 4) |
    (+!!minor?.guardianConfirmed << 5) |
    (Math.max(0, MIRROR_METHODS.indexOf(record.method)) << 6);
  const updated = Math.floor(record.updatedAt / 1000).toString(36);
  return ['1', escapePolicy(record.policyVersion), bits.toString(16), flags.toString(16), updated, record.id].join('.');
}

// The policy field's 200 is POLICY_FIELD_MAX (./policy-version.ts), written out so the head's bundle carries no escaping code.
const FORMAT = /^1\.([\w~!'()*-]{1,200})\.([0-9a-f]{1,8})\.([0-9a-f]{1,3})\.([0-9a-z]{1,8})\.([\w-]{1,64})$/;

/**
 * The decision in a mirror cookie value, or `null` for anything that is not
 * exactly the documented format, or dated later than `now` allows (never
 * throws). `categoryIds` is the configured category order; bits beyond it are
 * ignored.
 */
export function decodeMirrorCookie(value: unknown, categoryIds: readonly CategoryId[], now = Date.now()): MirrorDecision | null {
  const match = typeof value === 'string' ? FORMAT.exec(value) : null;
  if (!match) return null;
  const [, policy, hex, flagsHex, updated, id] = match as unknown as string[];
  let policyVersion: string;
  try {
    policyVersion = decodeURIComponent(policy!.replace(/~/g, '%'));
  } catch {
    return null;
  }
  const flags = parseInt(flagsHex!, 16);
  const method = MIRROR_METHODS[flags >> 6];
  const seconds = parseInt(updated!, 36);
  if (!method || !policyVersion || !(seconds > 0) || seconds * 1000 > now + CLOCK_SKEW) return null;
  const bits = parseInt(hex!, 16);
  const categories = {} as Record<CategoryId, boolean>;
  categoryIds.forEach((id, i) => (categories[id] = i < MAX_CATEGORIES && ((bits >> i) & 1) == 1));
  const decision: MirrorDecision = {
    policyVersion,
    categories,
    optOuts: { promotionalEmail: (flags & 1) > 0, personalisedAds: (flags & 2) > 0, adSharing: (flags & 4) > 0 },
    method,
    gpc: (flags & 8) > 0,
    updatedAt: seconds * 1000,
    id: id!,
  };
  if (flags & 48) decision.minor = { under: (flags & 16) > 0, guardianConfirmed: (flags & 32) > 0 };
  return decision;
}

/**
 * For servers and bundler users: parse a `consentry` cookie value (as the
 * browser sent it) with the built-in category order, or with the site's own
 * order when it added categories. `null` means "no decision".
 */
export function parseMirrorCookie(value: unknown, categoryIds: readonly CategoryId[] = BUILT_IN_CATEGORY_IDS): MirrorDecision | null {
  return decodeMirrorCookie(value, categoryIds);
}

/**
 * A full record rebuilt from a cookie decision: used when the cookie is all
 * that is left (IndexedDB cleared or unavailable, or a choice made on another
 * subdomain sharing the cookie). The expiry counts from the decision's time.
 */
export function recordFromMirror(decision: MirrorDecision, config: ConsentryConfig, language: Language): ConsentRecord {
  // `minor` comes along only when the cookie has it (decodeMirrorCookie sets it only then).
  return {
    schema: RECORD_SCHEMA,
    ...decision,
    categories: { ...decision.categories, necessary: true },
    language,
    createdAt: decision.updatedAt,
    expiresAt: addMonths(decision.updatedAt, config.expiryMonths),
  };
}
