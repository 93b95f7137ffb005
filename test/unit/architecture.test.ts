/**
 * The parts stay apart (docs/architecture.md): the runtime never imports the
 * head, the head never imports the runtime, core depends on no part, and the
 * guard and the UI meet only through the UiHost contract.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script, shared with nothing else
import { importViolations, valueImports } from '../../scripts/import-rules.mjs';

const ROOT = process.cwd();
let fixture: string | undefined;

/** A throwaway source tree with these files. */
function tree(files: Record<string, string>): string {
  fixture = mkdtempSync(join(tmpdir(), 'consentry-arch-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(fixture, path)), { recursive: true });
    writeFileSync(join(fixture, path), text);
  }
  return fixture;
}

afterEach(() => {
  if (fixture) rmSync(fixture, { recursive: true, force: true });
  fixture = undefined;
});

describe('import rules', () => {
  it('hold over the source', () => {
    expect(importViolations(ROOT)).toEqual([]);
  });

  it('catch a runtime file that imports the head', () => {
    const root = tree({
      'src/guard/head/gate.ts': 'export const allows = () => true;\n',
      'src/guard/kernel.ts': 'export type Kernel = {};\n',
      'src/guard/runtime/release.ts': "import type { Kernel } from '../kernel';\nimport { allows } from '../head/gate';\nexport const x = (k: Kernel) => allows();\n",
    });
    expect(importViolations(root)).toEqual([
      "src/guard/runtime/release.ts → src/guard/head/gate.ts: the runtime never imports the head: it reaches the head's code through the kernel (src/guard/kernel.ts)",
    ]);
  });

  it('catch a guard or UI file that imports the Node-side tagger', () => {
    const root = tree({
      'src/tagger/index.ts': "export const tagHtml = (html: string) => html;\n",
      'src/guard/runtime/release.ts': "import { tagHtml } from '../../tagger';\nexport const x = tagHtml('');\n",
      'src/ui/App.tsx': "import { tagHtml } from '../tagger/index';\nexport const y = tagHtml('');\n",
      'src/core/a.ts': "export { tagHtml } from '../tagger';\n",
    });
    expect(importViolations(root)).toEqual([
      'src/core/a.ts → src/tagger/index.ts: core is pure logic every part uses; it depends on no part',
      'src/guard/runtime/release.ts → src/tagger/index.ts: the guard runs in the browser; the tagger, the CLI and the Vite plugin are Node-side tools',
      'src/ui/App.tsx → src/tagger/index.ts: the UI runs in the browser; the tagger, the CLI and the Vite plugin are Node-side tools',
    ]);
  });

  it('catch a dynamic import and a re-export, but not a type-only import', () => {
    const root = tree({
      'src/guard/head/index.ts': 'export const head = 1;\n',
      'src/guard/runtime/a.ts': "export { head } from '../head/index';\n",
      'src/guard/runtime/b.ts': "export const later = () => import('../head');\n",
      'src/guard/runtime/c.ts': "import type { head } from '../head/index';\nexport type H = typeof head;\n",
    });
    expect(importViolations(root).map((v: string) => v.split(':')[0])).toEqual([
      'src/guard/runtime/a.ts → src/guard/head/index.ts',
      'src/guard/runtime/b.ts → src/guard/head/index.ts',
    ]);
  });

  it('reads value imports only', () => {
    expect(valueImports('x.ts', "import a from './a';\nimport type { B } from './b';\nimport { type C } from './c';\nimport 'pkg';\nexport * from './d';")).toEqual(['./a', './c', './d']);
  });
});
