/**
 * The runtime's script (dist/consentry-runtime.js), injected by the head:
 * it takes over the kernel the head published and starts (./start.ts). A
 * second copy of it on the page finds the kernel claimed and does nothing;
 * without a head (it failed, or is missing) there is nothing to complete.
 */
import { GUARDED, type Kernel } from '../kernel';
import { start } from './start';

const kernel = (window as unknown as Record<symbol, Kernel | undefined>)[GUARDED];
if (kernel?.claim?.()) start(kernel);
