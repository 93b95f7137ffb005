/**
 * What the runtime plugs into the blockers (the kernel's `Plugins`), through
 * `kernel.plug`. Until it does, every part does nothing: held and tagged
 * elements simply stay held (fail closed); the runtime then catches up.
 */
import type { Plugins } from '../kernel';

export const plugins: Plugins = {
  release() {},
  reblock() {},
  placeholder() {},
  purge() {},
  write() {},
};

/** Plug in the parts named (later calls replace what they name). */
export function plug(parts: Partial<Plugins>): void {
  Object.assign(plugins, parts);
}
