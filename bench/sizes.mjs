/**
 * Compressed sizes (gzip level 9, brotli quality 11 — what a static host
 * serves with precompression) of the files a page downloaded, cached per file.
 */
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileForPath } from './server.mjs';

const cache = new Map();

/** `{ gzip, brotli }` for a text or buffer. */
export function compressedSize(data) {
  return {
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

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
