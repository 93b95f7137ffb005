/**
 * Generators shared by the property-based tests (issue #11, "bad input,
 * fuzzed"): JSON data with the keys that trip naive code (`__proto__`,
 * `constructor`, `toString`, …), and hostile values page code can put where
 * Consentry reads a config (getters that throw, cycles, BigInt, proxies,
 * frozen and null-prototype objects, `toJSON` and `toString` that lie).
 *
 * Every run is deterministic: `FUZZ` fixes the seed and the number of runs,
 * so a failure in CI is the same failure on a laptop (fast-check prints the
 * seed and path to replay it).
 */
import fc from 'fast-check';

/** Inputs per property (the issue asks for at least 10,000 per decoder). */
export const RUNS = 10_000;

/** fast-check parameters for every property: fixed seed, `RUNS` inputs. */
export const FUZZ = { seed: 20_260_111, numRuns: RUNS } as const;

/**
 * A property's time limit. Each takes 0.3–2 s of CPU on an idle core; the
 * limit is for a machine shared with other work (the default 5 s is for
 * tests that wait, not for ones that compute), not a speed assertion.
 */
export const FUZZ_TIMEOUT = 60_000;

/** Object keys, with the ones that reach `Object.prototype` when code indexes a plain object. */
export const keyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toJSON', '*', '!id', '') },
  { weight: 1, arbitrary: fc.constantFrom('id', 'en', 'zh-CN', 'name', 'policy', 'version', 'categories', 'rules', 'hosts', 'cookie', 'ui') },
);

/** Numbers with the edges: NaN, ±Infinity, -0, huge, fractional, outside the Date range. */
export const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 500 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 8.64e15 + 1, 1e300, Number.MAX_SAFE_INTEGER, 2 ** 31),
);

/** Strings, with the markup and separators that break parsers. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '<script>alert(1)</script>', 'javascript:alert(1)', '\u2028', '\0', '.', '~', '%', '1.2.3', 'https://x.test/', '/privacy', 'analytics') },
);

const scalarArb = fc.oneof(textArb, numberArb, fc.boolean(), fc.constant(null));

/** JSON data (what `JSON.parse` can give), with hostile keys and edge values. */
export const jsonArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArb,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keyArb, tie('value'), { maxKeys: 5 }).map(ownProtoKey),
  ),
})).value;

/**
 * `dictionary` writes `__proto__` with an assignment, which changes the
 * prototype instead of adding a key; JSON.parse makes it an own key. Redo it
 * the JSON way.
 */
function ownProtoKey(object: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(object, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))) as Record<string, unknown>;
}

/** A value that is not JSON data, or a container that fights being read. */
const exoticArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.bigInt(),
  fc.constant(Symbol('s')),
  fc.constant(() => 1),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Map([['a', 1]])),
  fc.constant(/re/g),
  fc.constant(new Uint8Array(2)),
);

/** Wraps a value in something page code could hand over instead of a plain object. */
function hostile(kind: number, inner: unknown): unknown {
  const object = (typeof inner === 'object' && inner !== null ? inner : { value: inner }) as Record<string, unknown>;
  switch (kind) {
    case 0: // a getter that throws
      return Object.defineProperty({ ...object }, 'policy', { enumerable: true, get: () => { throw new Error('getter says no'); } });
    case 1: { // a cycle
      const cyclic: Record<string, unknown> = { ...object };
      cyclic.self = { back: cyclic };
      return cyclic;
    }
    case 2: // a proxy whose traps throw
      return new Proxy(object, { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } });
    case 3: // a proxy that answers differently every time it is read
      { let n = 0; return new Proxy(object, { get: (t, k) => (k === 'version' ? String(n++) : Reflect.get(t, k)) }); }
    case 4: // frozen, deeply
      return deepFreeze(structuredCloneSafe(object));
    case 5: // a null prototype
      return Object.assign(Object.create(null) as object, object);
    case 6: // toJSON that throws
      return { ...object, toJSON: () => { throw new Error('toJSON says no'); } };
    case 7: // a value whose toString changes between calls
      { let n = 0; return { ...object, policy: { version: { toString: () => String(n++) } } }; }
    case 8: // a revoked proxy
      { const { proxy, revoke } = Proxy.revocable(object, {}); revoke(); return proxy; }
    case 9: // a getter on the prototype chain, and a throwing `message` on what it throws
      return Object.create({ get policy() { throw { get message() { throw new Error('message'); } }; } }, { own: { value: 1, enumerable: true } });
    case 10: // an array with a hole and a throwing index getter
      { const list: unknown[] = [1, , 3]; Object.defineProperty(list, 0, { get: () => { throw new Error('index'); }, enumerable: true }); return { categories: list }; }
    default: // nested deep
      return { rules: DEEP };
  }
}

/**
 * 5,000 arrays, one inside the other (built once, shared by every run). Deep
 * enough for a reader that walks it to show; the stack-overflow depth
 * (200,000) is one plain test in config.test.ts, too slow to repeat here.
 */
const DEEP: unknown = (() => {
  let deep: unknown = 'bottom';
  for (let i = 0; i < 5_000; i++) deep = [deep];
  return deep;
})();

function structuredCloneSafe(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(value);
  } catch {
    return { ...value };
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const HOSTILE = ['throwing getter', 'cycle', 'throwing proxy', 'shifting proxy', 'frozen', 'null prototype', 'throwing toJSON', 'shifting toString', 'revoked proxy', 'inherited getter', 'throwing index', 'deep'];

/**
 * What page code may put in `window.consentryConfig` (or hand to
 * `resolveConfig`): JSON data, exotic values, hostile containers. Each is a
 * recipe, made fresh by calling it in the property (fast-check itself cannot
 * hold a revoked proxy, and a shifting one must start afresh every run).
 */
export const hostileArb: fc.Arbitrary<() => unknown> = fc.oneof(
  { weight: 2, arbitrary: jsonArb.map((value) => recipe(() => value, JSON.stringify(value))) },
  { weight: 1, arbitrary: exoticArb.map((value) => recipe(() => value, String(typeof value))) },
  { weight: 1, arbitrary: fc.dictionary(keyArb, fc.oneof(jsonArb, exoticArb), { maxKeys: 4 }).map((value) => recipe(() => value, 'object with exotic values')) },
  { weight: 3, arbitrary: fc.tuple(fc.nat({ max: HOSTILE.length - 1 }), fc.oneof(jsonArb, exoticArb)).map(([kind, inner]) => recipe(() => hostile(kind, inner), HOSTILE[kind]!)) },
);

/** A maker that fast-check prints by its label in a counterexample. */
function recipe(make: () => unknown, label: string | undefined): () => unknown {
  return Object.assign(make, { toString: () => label ?? 'undefined', [fc.toStringMethod]: () => label ?? 'undefined' });
}

/**
 * Fails the property with `what` unless `ok`. Properties check with this, not
 * `expect`: at 10,000 runs each, an assertion library's cost is most of the time.
 */
export function must(ok: unknown, what: string | (() => string)): void {
  if (!ok) throw new Error(typeof what === 'string' ? what : what());
}

/** Whether `value` is plain JSON data: plain prototypes, finite numbers, a JSON round trip gives it back (never throws). */
export function isJsonData(value: unknown): boolean {
  const plain = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return Object.getPrototypeOf(v) === Array.prototype && v.every(plain);
    if (typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(plain);
    return false;
  };
  try {
    return plain(value) && JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value);
  } catch {
    return false; // a getter or trap that throws, a cycle: not data
  }
}
