/** Small helpers for config objects that come from JSON or site code. */

/** A plain object (not null, not an array). */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `over` merged onto `base`, recursively for plain objects; arrays and other
 * values in `over` replace those in `base`; `undefined` in `over` is ignored.
 * Neither argument is modified.
 */
export function deepMerge<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over === undefined ? base : over) as T;
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) merged[key] = deepMerge(merged[key], over[key]);
  return merged as T;
}

/**
 * `over` merged onto `base` like `deepMerge`, except that a value of another
 * kind than the one it replaces (an object for a string, `null` for an
 * object, …) is ignored: the result always has `base`'s shape, so code that
 * runs before validation (the guard's synchronous part) can read it without
 * throwing. Keys `base` does not have take any value.
 */
export function mergeShaped<T>(base: T, over: unknown): T {
  if (over === undefined) return base;
  if (isPlainObject(base)) {
    if (!isPlainObject(over)) return base;
    const merged: Record<string, unknown> = { ...base };
    for (const key of Object.keys(over)) merged[key] = mergeShaped(merged[key], over[key]);
    return merged as T;
  }
  const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
  return (base === undefined || kind(base) === kind(over) ? over : base) as T;
}

/**
 * `value` as JSON data: a deep copy, read once, that page code can no longer
 * change (getters, proxies, a `toString` that answers differently each time).
 * Throws a TypeError naming the key (`name` for the value itself) of a value
 * that is not JSON data (a function, symbol or BigInt), or the engine's own
 * error for a cycle or a getter or proxy trap that throws.
 */
export function jsonCopy(value: unknown, name: string): unknown {
  const text = JSON.stringify(value, (key, data: unknown) => {
    if (typeof data == 'function' || typeof data == 'symbol' || typeof data == 'bigint') throw new TypeError(`${key || name} is a ${typeof data}, not JSON data`);
    return data;
  });
  return text === undefined ? undefined : JSON.parse(text);
}
