/**
 * Bad config input, fuzzed (issue #11): what the head reads from the page
 * (`readUserConfig`: `#consentry-config` text, `window.consentryConfig`), the
 * unvalidated merge the head runs on it (`mergeConfig`), and the validator
 * and `resolveConfig` site owners and build steps call. None may throw, the
 * merge must keep the defaults' shape, and every bad field must get a
 * message that starts with its path.
 */
import fc from 'fast-check';
import { afterEach, describe, it } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { defaultConfig } from '../../src/core/defaults';
import { mergeConfig } from '../../src/core/merge-config';
import { validate } from '../../src/core/validate';
import { readUserConfig } from '../../src/guard/head/config-source';
import { FUZZ, FUZZ_TIMEOUT, hostileArb, isJsonData, jsonArb, keyArb, must, textArb } from './fuzz/arbitraries';

afterEach(() => {
  delete window.consentryConfig;
  document.getElementById('consentry-config')?.remove();
});

/** A JSON value's kind, as the validator and the shaped merge tell them apart. */
const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** Every path of `value` (containers and leaves), as key lists. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const below =
    Array.isArray(value) ? value.flatMap((item, i) => paths(item, [...at, i])) : kind(value) === 'object' ? Object.entries(value as object).flatMap(([k, v]) => paths(v, [...at, k])) : [];
  return at.length ? [at, ...below] : below;
}

/** A path as the validator writes it: `categories[2].name["zh-CN"]`. */
const pathText = (keys: (string | number)[]) =>
  keys.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : /^[\w-]+$/.test(key) ? (text ? `${text}.${key}` : key) : `${text}[${JSON.stringify(key)}]`),
    '',
  );

/** `value` with `keys` set to `replacement`, written as data (so `__proto__` is a key), copying only the objects on the way. */
function withValue(value: unknown, keys: (string | number)[], replacement: unknown): unknown {
  if (!keys.length) return replacement;
  const [key, ...rest] = keys;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const own = Object.prototype.hasOwnProperty.call(copy, key!) ? copy[key!] : undefined;
  Object.defineProperty(copy, key!, { value: withValue(own, rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
}

const DEFAULTS = defaultConfig();
const DEFAULTS_JSON = JSON.stringify(DEFAULTS);
const at = (value: unknown, keys: (string | number)[]) => keys.reduce<any>((v, k) => v?.[k], value);
/** Paths of the defaults whose kind must survive the shaped merge (lists' items may be replaced by the owner's own). */
const SHAPED_PATHS = paths(DEFAULTS)
  .filter((keys) => keys[0] !== 'categories' && keys[0] !== 'rules' && !(keys[0] === 'email' && keys[1] === 'trackingParams' && keys.length > 2))
  .map((keys) => [keys, kind(at(DEFAULTS, keys))] as const);
/** Whether every path of the defaults holds a value of the same kind in `config`. */
const hasDefaultShape = (config: unknown) => SHAPED_PATHS.every(([keys, expected]) => kind(at(config, keys)) === expected);

/** Paths the validator reads as dictionaries (any key, string values): an extra key there is allowed. */
const isDictionary = (keys: (string | number)[]) => ['name', 'description', 'purpose', 'duration'].includes(String(keys.at(-1))) || keys[0] === 'translations';
const DEFAULT_PATHS = paths(DEFAULTS);
const OBJECT_PATHS = [[], ...DEFAULT_PATHS.filter((keys) => kind(at(DEFAULTS, keys)) === 'object' && !isDictionary(keys))];

/** Plain prototypes all the way down. */
const plain = (v: unknown): boolean =>
  typeof v !== 'object' || v === null || ([Object.prototype, Array.prototype].includes(Object.getPrototypeOf(v)) && Object.values(v).every(plain));

/** The validator's promise for any problem: its message starts with the path it names, and says more. */
function mustName(problems: { path: string; message: string }[]) {
  for (const p of problems) must(typeof p.path === 'string' && p.message.startsWith(p.path) && p.message.length > p.path.length + 3, () => `unnamed problem: ${JSON.stringify(p)}`);
}

describe('config input, fuzzed', { timeout: FUZZ_TIMEOUT }, () => {
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = 'consentry-config';

  it('whatever page code hands over (window.consentryConfig, #consentry-config, resolveConfig, validate), nothing throws and the result is data or a named problem', () => {
    fc.assert(
      fc.property(hostileArb, fc.option(fc.oneof(textArb, jsonArb.map((v) => JSON.stringify(v) ?? ''))), (make, text) => {
        const value = make();
        window.consentryConfig = value;
        if (text !== null) {
          element.textContent = text;
          document.head.append(element);
        }
        const { user, problems } = readUserConfig(null);
        element.remove();
        must(isJsonData(user), 'user config is not JSON data');
        let textIsObject = false;
        try {
          textIsObject = kind(JSON.parse(text || '{}')) === 'object';
        } catch {
          // not JSON: a problem
        }
        const fromText = problems.filter((p) => p.path === '#consentry-config').length;
        must(fromText === (text === null || textIsObject ? 0 : 1), `${fromText} problems for #consentry-config ${JSON.stringify(text)}`);
        for (const p of problems)
          must(['window.consentryConfig', '#consentry-config'].includes(p.path) && p.message.startsWith(p.path + ' '), () => `problem not naming its source: ${p.message}`);
        // Plain JSON data is taken as it is; anything else is copied as data or named as a problem.
        if (isJsonData(value) && kind(value) === 'object') must(!problems.some((p) => p.path === 'window.consentryConfig'), 'JSON data refused');

        // The exports build steps call: never throw, name what they report, and fail closed.
        mustName(validate(make()));
        const resolved = resolveConfig(make());
        mustName(resolved.problems);
        if (resolved.invalid) must(JSON.stringify(resolved.config) === DEFAULTS_JSON, 'an invalid config did not resolve to the defaults');
        must(hasDefaultShape(resolved.config) && plain(resolved.config), 'resolved config lost the defaults\' shape');
      }),
      FUZZ,
    );
  });

  it('on any JSON data, the head\'s unvalidated merge keeps the defaults\' shape and the validator names every problem\'s path', () => {
    fc.assert(
      fc.property(fc.oneof(jsonArb, fc.dictionary(keyArb, jsonArb, { maxKeys: 6 }).map((o) => JSON.parse(JSON.stringify(o)) as unknown)), (user) => {
        const config = mergeConfig(user);
        must(hasDefaultShape(config), 'merged config lost the defaults\' shape');
        // Plain prototypes everywhere: "__proto__" is a key like any other.
        must(plain(config), 'merged config has an object with another prototype');
        must(config.categories.every((c) => typeof c.id === 'string'), 'a category without a string id');
        must(config.categories.find((c) => c.id === 'necessary')?.required === true, 'necessary is not required');
        mustName(validate(user));
      }),
      FUZZ,
    );
  });

  it('a field given a value of the wrong kind, and an unknown key anywhere, each get a message naming them', () => {
    const wrongFor = (keys: (string | number)[]) => {
      const expected = kind(at(DEFAULTS, keys));
      return jsonArb.filter((v) => kind(v) !== expected);
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_PATHS).chain((keys) => fc.tuple(fc.constant(keys), wrongFor(keys))),
        fc.constantFrom(...OBJECT_PATHS),
        keyArb,
        jsonArb,
        ([keys, bad], parent, key, extra) => {
          const unknown = !Object.prototype.hasOwnProperty.call(at(DEFAULTS, parent), key) && !pathText([...parent, key]).startsWith(pathText(keys));
          const user = withValue(unknown ? withValue(DEFAULTS, [...parent, key], extra) : DEFAULTS, keys, bad);
          const problems = validate(user);
          must(problems.some((p) => !p.warning && p.path === pathText(keys)), () => `no problem at ${pathText(keys)}: ${JSON.stringify(problems)}`);
          if (unknown) {
            const expected = `${pathText([...parent, key])} is not a known option`;
            must(problems.some((p) => p.message === expected), () => `no "${expected}": ${JSON.stringify(problems)}`);
          }
          must(resolveConfig(user).invalid, 'resolveConfig took a bad config');
        },
      ),
      FUZZ,
    );
  });
});
