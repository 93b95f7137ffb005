/**
 * Which files a command works on, and reading and writing them without
 * changing a byte the tagger did not change: UTF-8 files as UTF-8, files
 * that declare a legacy encoding (`<meta charset="gbk">`…) byte for byte
 * (each byte one character: the tagger's edits are ASCII, everything else is
 * written back as it was read).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CliError } from './io';

const HTML_FILES = '**/*.{html,htm}';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** The files named by `targets` (paths, folders, globs), relative to `cwd`, in order, each once. */
export async function expandTargets(targets: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const target of targets) {
    let found: string[];
    if (isDynamicPattern(target)) {
      found = await glob(target, { cwd, onlyFiles: true, ignore: IGNORED, expandDirectories: false });
      if (!found.length) throw new CliError(`no file matches ${JSON.stringify(target)}`);
    } else {
      const info = await stat(resolve(cwd, target)).catch((error: NodeJS.ErrnoException) => {
        throw new CliError(`cannot read ${target}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`);
      });
      if (info.isDirectory()) {
        found = (await glob(HTML_FILES, { cwd: resolve(cwd, target), onlyFiles: true, ignore: IGNORED })).map((file) => relative(cwd, join(resolve(cwd, target), file)));
        if (!found.length) throw new CliError(`no .html or .htm file in the folder ${target}`);
      } else {
        found = [target];
      }
    }
    for (const file of found.sort()) if (!files.includes(file)) files.push(file);
  }
  return files;
}

/** A file's text and how to write it back. */
export interface TextFile {
  text: string;
  encoding: 'utf8' | 'latin1';
}

/** Reads an HTML file as text; a file that is not text, or not UTF-8 without declaring another encoding, is an error. */
export async function readHtml(path: string, cwd: string): Promise<TextFile> {
  const bytes = await readFile(resolve(cwd, path)).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'it is a folder' : error.message}`);
  });
  if (bytes.includes(0)) throw new CliError(`${path} is not an HTML file: it holds binary data (a NUL byte)`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    const text = bytes.toString('latin1');
    const declared = declaredCharset(text);
    if (declared && !/^utf-?8$/i.test(declared)) return { text, encoding: 'latin1' };
    throw new CliError(`${path} is not valid UTF-8 and declares no other encoding in a <meta charset>; save it as UTF-8 or declare its encoding`);
  }
}

export async function writeHtml(path: string, cwd: string, file: TextFile): Promise<void> {
  await writeFile(resolve(cwd, path), Buffer.from(file.text, file.encoding)).catch((error: Error) => {
    throw new CliError(`cannot write ${path}: ${error.message}`);
  });
}

/** The encoding a document declares in `<meta charset>` or `<meta http-equiv="content-type" content="…; charset=…">`, read by parsing it. */
export function declaredCharset(html: string): string | undefined {
  const metas: DefaultTreeAdapterMap['element'][] = [];
  const walk = (node: DefaultTreeAdapterMap['parentNode']) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      if (child.tagName === 'meta') metas.push(child);
      walk(child);
    }
  };
  walk(parse(html));
  for (const meta of metas) {
    const value = (name: string) => meta.attrs.find((a) => a.name === name)?.value;
    const charset = value('charset') ?? (/^content-type$/i.test(value('http-equiv') ?? '') ? value('content')?.split(/charset\s*=\s*/i)[1] : undefined);
    if (charset?.trim()) return charset.trim();
  }
  return undefined;
}
