/**
 * Compressed sizes (gzip level 9, brotli quality 11 — what a static host
 * serves with precompression) of the files a page downloaded, cached per file.
 */
import { readFileSync } from 'node:fs';
import { compressedSize } from '../scripts/budgets.mjs';
import { fileForPath } from './server.mjs';

export { compressedSize };

const cache = new Map();

/** `{ gzip, brotli }` of the file served at `pathname`. */
export function servedSize(pathname) {
  if (!cache.has(pathname)) {
    const file = fileForPath(pathname);
    cache.set(pathname, file ? compressedSize(readFileSync(file)) : { gzip: 0, brotli: 0 });
  }
  return cache.get(pathname);
}

/** Sums sizes of several paths plus inline texts. */
export function totalSize(paths, inlineTexts = []) {
  let gzip = 0;
  let brotli = 0;
  for (const size of [...paths.map(servedSize), ...inlineTexts.filter(Boolean).map(compressedSize)]) {
    gzip += size.gzip;
    brotli += size.brotli;
  }
  return { gzip, brotli };
}
