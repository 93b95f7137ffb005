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
