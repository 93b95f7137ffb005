/**
 * Chinese that reads as Chinese: between Chinese characters, punctuation is
 * full-width (，；：（）！？), never the half-width `, ; : ( ) ! ?` of English.
 * Every string of the product that contains Chinese is checked: the values of
 * every JSON file under src/ (the zh-CN texts, the presets) and every string
 * literal, template and JSX text in src/**\/*.ts(x) (category names and
 * descriptions, the guard's placeholder and settings button texts…), found
 * with TypeScript's parser, so comments are not texts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '../../src');

/** CJK ideographs and CJK/full-width punctuation: the context a half-width mark must not touch. */
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const HAS_CJK = new RegExp(`[${CJK}]`);
/** A half-width , ; : ( ) ! ? with a CJK character before or after it (spaces between count as touching). */
const HALF_WIDTH_BY_CJK = new RegExp(`[${CJK}][ \\t]*[,;:()!?]|[,;:()!?][ \\t]*[${CJK}]`, 'g');

/** The offending spots of `text`: each half-width mark with the Chinese character it touches. */
function halfWidthNextToChinese(text: string): string[] {
  return [...text.matchAll(HALF_WIDTH_BY_CJK)].map((m) => m[0]);
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(tsx?|json)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

function codeStrings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) out.push(node.text);
    else if (ts.isJsxText(node)) out.push(node.text);
    node.forEachChild(visit);
  };
  visit(source);
  return out;
}

/** Every string of the product that contains Chinese, with the file it is in. */
function chineseStrings(): { file: string; text: string }[] {
  return files(SRC).flatMap((file) => {
    const texts = file.endsWith('.json') ? jsonStrings(JSON.parse(readFileSync(file, 'utf8'))) : codeStrings(file);
    return texts.filter((text) => HAS_CJK.test(text)).map((text) => ({ file: relative(SRC, file), text }));
  });
}

describe('the check itself', () => {
  it.each<[string, string[]]>([
    ['数据:', ['据:']],
    ['统计(GPC)', ['计(']],
    ['您确定吗?', ['吗?']],
    ['是的, 我同意；好!', ['的,', '好!']],
    ['(GPC)，信号', [')，']],
    ['A (B) 丙', [') 丙']],
    ['统计（GPC）', []],
    ['Cookie 设置', []],
    ['{{name}} 隐私政策', []],
    ['Allowed: analytics, ads (2)', []],
  ])('%j -> %j', (text, found) => {
    expect(halfWidthNextToChinese(text)).toEqual(found);
  });
});

describe('Chinese strings of the product', () => {
  const strings = chineseStrings();

  it('are found in the texts, the presets, the category texts, the UI code, the guard and the ledger', () => {
    const where = new Set(strings.map((s) => s.file.split(/[\\/]/)[0] + (s.file.endsWith('.json') ? ' json' : ' code')));
    expect([...where].sort()).toEqual(['core code', 'guard code', 'presets json', 'server code', 'ui code', 'ui json']);
    expect(strings.length).toBeGreaterThan(120);
  });

  it('use full-width punctuation next to Chinese characters', () => {
    const found = strings.flatMap(({ file, text }) => halfWidthNextToChinese(text).map((spot) => `${file}: "${spot}" in ${JSON.stringify(text)}`));
    expect(found).toEqual([]);
  });
});
