/**
 * The import rules that keep Consentry's parts apart (docs/architecture.md),
 * checked over the source with TypeScript's own parser: a value import that
 * crosses a forbidden boundary is a violation. `import type` is allowed (it is
 * erased: a type cannot put code in a bundle). test/unit/architecture.test.ts
 * runs this over src/ and over a tree that breaks a rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** `[from, to, why]`: no file under `from` may import a file under `to` (paths relative to the root, `/`-separated). */
export const IMPORT_RULES = [
  ['src/guard/runtime/', 'src/guard/head/', "the runtime never imports the head: it reaches the head's code through the kernel (src/guard/kernel.ts)"],
  ['src/guard/head/', 'src/guard/runtime/', 'the head must stay small and synchronous: the runtime plugs into it through the kernel'],
  ['src/core/', 'src/guard/', 'core is pure logic every part uses; it depends on no part'],
  ['src/core/', 'src/ui/', 'core is pure logic every part uses; it depends on no part'],
  ['src/guard/', 'src/ui/', 'the UI is loaded on demand; the guard talks to it through UiHost (src/core/types.ts)'],
  ['src/ui/', 'src/guard/', 'the UI talks to the guard through the UiHost it is given, not by importing it'],
  // The tagger, the CLI and the Vite plugin run in Node (parse5, acorn, the file system): never in a browser bundle.
  ...['src/tagger/', 'src/cli/', 'src/vite/'].flatMap((node) => [
    ['src/guard/', node, 'the guard runs in the browser; the tagger, the CLI and the Vite plugin are Node-side tools'],
    ['src/ui/', node, 'the UI runs in the browser; the tagger, the CLI and the Vite plugin are Node-side tools'],
    ['src/core/', node, 'core is pure logic every part uses; it depends on no part'],
  ]),
  ['src/sw/', 'src/guard/', 'the service worker runs in no page: it shares only core with the guard, and hears from it by messages (src/core/sw-decision.ts)'],
  ['src/sw/', 'src/ui/', 'the service worker runs in no page: it shares only core with the guard, and hears from it by messages (src/core/sw-decision.ts)'],
  ['src/guard/', 'src/sw/', 'the service worker is a script of its own: the runtime talks to it by messages (src/core/sw-decision.ts)'],
  ['src/ui/', 'src/sw/', 'the service worker is a script of its own'],
  ['src/core/', 'src/sw/', 'core is pure logic every part uses; it depends on no part'],
];

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative module specifiers a file imports for their values (static, re-exports and dynamic `import()`). */
export function valueImports(path, text = readFileSync(path, 'utf8')) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0] ?? {})) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.'));
}

/** Every rule broken under `root` (its `src/`), as `importer → imported: why`. */
export function importViolations(root) {
  const posix = (path) => relative(root, path).split(sep).join('/');
  const violations = [];
  for (const file of files(join(root, 'src'))) {
    const from = posix(file);
    for (const specifier of valueImports(file)) {
      const base = resolve(dirname(file), specifier);
      const to = posix(EXTENSIONS.map((ext) => base + ext).find((candidate) => { try { readFileSync(candidate); return true; } catch { return false; } }) ?? base);
      for (const [fromDir, toDir, why] of IMPORT_RULES) {
        if (from.startsWith(fromDir) && to.startsWith(toDir)) violations.push(`${from} → ${to}: ${why}`);
      }
    }
  }
  return violations;
}
