/**
 * Replacing a DOM method or setter with a judging one, keeping its property
 * descriptor (enumerability, configurability) as the browser defined it.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each wrapper names its own receiver
type Method = (this: any, ...args: any[]) => unknown;

/** Replace each of `names` (space-separated) on `owner` with what `wrap` makes of the native one; missing ones are skipped. */
export function patchMethods(owner: object | undefined, names: string, wrap: (native: Method, name: string) => Method): void {
  for (const name of names.split(' ')) {
    const native = (owner as Record<string, unknown> | undefined)?.[name];
    if (typeof native == 'function') (owner as Record<string, unknown>)[name] = wrap(native as Method, name);
  }
}

/**
 * Replace the setter of `name` on `owner` (where the accessor is defined) with
 * `set`, which gets the value as assigned and the native setter bound to the
 * receiver. Returns false when there is no such setter.
 */
export function patchSetter<T = Element>(owner: object | undefined, name: string, set: (this: T, value: unknown, native: (value: unknown) => void) => void): boolean {
  const descriptor = owner && Object.getOwnPropertyDescriptor(owner, name);
  if (!descriptor?.set) return false;
  const nativeSet = descriptor.set;
  Object.defineProperty(owner, name, {
    ...descriptor,
    set(this: T, value: unknown) {
      set.call(this, value, (v) => nativeSet.call(this, v));
    },
  });
  return true;
}
