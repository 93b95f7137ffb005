/**
 * The seam between the UI's two bundles (src/ui/kernel.ts): the centre's
 * bundle is built with Preact's hooks, its JSX runtime and the kernel as
 * externals read from `consentryUI.kernel` (scripts/ui-build.ts), which the
 * banner's bundle fills (`KERNEL` in src/ui/index.tsx). A member missing there
 * would be `undefined` in the centre at run time, so these must agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CENTRE_EXTERNALS } from '../../scripts/ui-build';
import { KERNEL } from '../../src/ui/index';

const CENTRE = join(__dirname, '../../src/ui/centre');

/** Value imports of the centre's sources: module specifier -> imported names. */
function centreImports(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const name of readdirSync(CENTRE)) {
    const file = join(CENTRE, name);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      const bindings = statement.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) : [];
      if (!found.has(from)) found.set(from, new Set());
      for (const n of names) found.get(from)!.add(n);
    }
  }
  return found;
}

describe('the UI kernel', () => {
  it('names each external of the centre after a member of KERNEL', () => {
    const globals = Object.values(CENTRE_EXTERNALS).map((global) => global.replace(/^consentryUI\.kernel\./, ''));
    expect(globals.sort()).toEqual(Object.keys(KERNEL).sort());
    expect(Object.keys(CENTRE_EXTERNALS).filter((id) => !id.includes('/src/'))).toEqual(['preact/hooks', 'preact/jsx-runtime']);
  });

  it('has every hook the centre imports, and the JSX runtime its compiled markup calls', () => {
    const imports = centreImports();
    expect([...(imports.get('preact/hooks') ?? [])].filter((hook) => !(hook in KERNEL.hooks))).toEqual([]);
    expect(Object.keys(KERNEL.jsxRuntime).sort()).toEqual(['Fragment', 'jsx', 'jsxs']);
  });

  it('is the only way out of src/ui/centre/ into the rest of the UI (core modules are pure and may be bundled)', () => {
    const outside = [...centreImports().keys()].filter((from) => from.startsWith('../') && from !== '../kernel' && !from.startsWith('../../core/'));
    expect(outside).toEqual([]);
    expect([...centreImports().keys()].filter((from) => from === 'preact' || from.startsWith('i18next'))).toEqual([]);
  });
});
