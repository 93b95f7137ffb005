// @vitest-environment node
/**
 * The `consentry` command line, run in-process over real files in a
 * temporary folder: what it writes, what it prints and its exit code, for
 * tag (in place, --check, --dry-run, globs, folders, errors), check-config
 * and init. (test/e2e/tagger.test.ts runs the built bin as a process.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function files(tree: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}
const read = (path: string) => readFileSync(join(dir, path), 'utf8');

/** Runs the CLI in `dir`; `answers` are typed at a terminal (interactive when given). */
async function cli(args: string[], answers?: string[]) {
  let stdout = '';
  let stderr = '';
  const questions: string[] = [];
  const io: Io = {
    cwd: dir,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    interactive: answers !== undefined,
    ask: async (question) => {
      questions.push(question);
      return answers!.shift() ?? '';
    },
  };
  const code = await run(args, io);
  return { code, stdout, stderr, questions };
}

const GUARD = '<script src="/consentry/consentry.js"></script>';
const PASTED = `<!doctype html>
<html>
<head>
${GUARD}
<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
</head>
<body><img src="https://www.facebook.com/tr?id=1" alt=""></body>
</html>
`;
const TAGGED = `<!doctype html>
<html>
<head>
<script type="application/json" id="consentry-config">{ "observeMarkup": false }</script>
${GUARD}
<script type="text/plain" data-consent="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
</head>
<body><img data-consent="advertising" alt="" data-src="https://www.facebook.com/tr?id=1"></body>
</html>
`.replace('<img data-consent="advertising" alt="" data-src', '<img data-consent="advertising" data-src').replace('tr?id=1">', 'tr?id=1" alt="">');

describe('consentry tag', () => {
  it('tags files in place and reports each element with its place, category and host', async () => {
    files({ 'site/index.html': PASTED });
    const { code, stdout, stderr } = await cli(['tag', 'site/index.html']);
    expect(read('site/index.html')).toBe(TAGGED);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'site/index.html: tagged',
        '  5:1  tagged  <script src>  data-consent="analytics"  (www.googletagmanager.com)',
        '  7:7  tagged  <img src>  data-consent="advertising"  (www.facebook.com)',
        '  observeMarkup: false written into #consentry-config (every tracker element is tagged: the guard needs no markup observer)',
        '1 file: 2 elements tagged, 0 that cannot be tagged, 1 file written',
        '',
      ].join('\n'),
    );
    // Again: nothing to do, nothing written.
    const again = await cli(['tag', 'site/index.html']);
    expect(again.stdout).toBe('site/index.html: nothing to tag\n1 file: 0 elements tagged, 0 that cannot be tagged, 0 files written\n');
    expect(read('site/index.html')).toBe(TAGGED);
  });

  it('--check writes nothing and exits 1 while something is untagged, 0 once it is tagged', async () => {
    files({ 'a.html': PASTED });
    const check = await cli(['tag', '--check', 'a.html']);
    expect(check.code).toBe(1);
    expect(read('a.html')).toBe(PASTED);
    expect(check.stdout).toContain('a.html: would change\n  5:1  to tag  <script src>');
    expect(check.stdout).toContain('1 file: 2 elements to tag, 0 that cannot be tagged (--check: nothing written)\n');
    await cli(['tag', 'a.html']);
    expect((await cli(['tag', '--check', 'a.html'])).code).toBe(0);
  });

  it('--dry-run prints a unified diff on stdout, the report on stderr, and writes nothing', async () => {
    files({ 'a.html': PASTED });
    const { code, stdout, stderr } = await cli(['tag', '--dry-run', 'a.html']);
    expect(code).toBe(0);
    expect(read('a.html')).toBe(PASTED);
    expect(stdout).toBe(
      [
        '===================================================================',
        '--- a/a.html',
        '+++ b/a.html',
        '@@ -2,7 +2,8 @@',
        ' <html>',
        ' <head>',
        '+<script type="application/json" id="consentry-config">{ "observeMarkup": false }</script>',
        ` ${GUARD}`,
        '-<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
        '+<script type="text/plain" data-consent="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
        ' </head>',
        '-<body><img src="https://www.facebook.com/tr?id=1" alt=""></body>',
        '+<body><img data-consent="advertising" data-src="https://www.facebook.com/tr?id=1" alt=""></body>',
        ' </html>',
        '',
      ].join('\n'),
    );
    expect(stderr).toContain('(--dry-run: nothing written)');
  });

  it('takes globs and folders, each file once, skipping node_modules', async () => {
    files({ 'dist/index.html': PASTED, 'dist/blog/post.htm': PASTED, 'dist/app.js': 'x', 'dist/node_modules/pkg/x.html': PASTED, 'other.html': PASTED });
    const { code, stdout } = await cli(['tag', 'dist/**/*.html', 'dist', 'other.html']);
    expect(code).toBe(0);
    expect(stdout.match(/^\S+: tagged$/gm)).toEqual(['dist/index.html: tagged', 'dist/blog/post.htm: tagged', 'other.html: tagged']);
    expect(read('dist/node_modules/pkg/x.html')).toBe(PASTED);
  });

  it('exits 1 and says why when something cannot be tagged, tagging the rest', async () => {
    files({ 'a.html': `${GUARD}<img src="https://www.facebook.com/tr?id=1" data-src="/lazy.jpg"><script src="https://hm.baidu.com/hm.js?1"></script>` });
    const { code, stdout } = await cli(['tag', 'a.html']);
    expect(code).toBe(1);
    expect(read('a.html')).toBe(`${GUARD}<img src="https://www.facebook.com/tr?id=1" data-src="/lazy.jpg"><script type="text/plain" data-consent="analytics" src="https://hm.baidu.com/hm.js?1"></script>`);
    expect(stdout).toContain('  1:48  cannot tag  <img src> (www.facebook.com, advertising) not tagged: it already has data-src, where the tagged form keeps src\n');
    expect(stdout).toContain('  observeMarkup left as it is: something could not be tagged: the guard must keep watching the markup\n');
  });

  it('says when a page has no guard, and shows parse errors as warnings', async () => {
    files({ 'a.html': '<img src="https://www.facebook.com/tr?id=1"alt="">' });
    const { code, stdout } = await cli(['tag', 'a.html']);
    expect(code).toBe(0);
    expect(stdout).toContain('  1:1  warning  HTML parse error: missing-doctype\n');
    expect(stdout).toContain('  1:44  warning  HTML parse error: missing-whitespace-between-attributes\n');
    expect(stdout).toContain('  note  this page does not load the Consentry guard (consentry.js): tagged elements wait for it; add it first in <head>\n');
  });

  it('keeps a legacy encoding byte for byte (a GBK page)', async () => {
    const gbk = Buffer.concat([
      Buffer.from('<!doctype html><meta charset="gbk"><title>'),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), // 中文 in GBK
      Buffer.from('</title><script src="https://hm.baidu.com/hm.js?1"></script>'),
    ]);
    files({ 'gbk.html': gbk });
    expect((await cli(['tag', 'gbk.html'])).code).toBe(0);
    expect(readFileSync(join(dir, 'gbk.html'))).toEqual(
      Buffer.concat([gbk.subarray(0, gbk.indexOf('<script') + 7), Buffer.from(' type="text/plain" data-consent="analytics"'), gbk.subarray(gbk.indexOf('<script') + 7)]),
    );
  });

  it.each([
    [['tag'], 'consentry: consentry tag: name the HTML files, folders or globs to tag (e.g. consentry tag "dist/**/*.html")\n'],
    [['tag', 'missing.html'], 'consentry: cannot read missing.html: no such file or folder\n'],
    [['tag', 'pages/*.html'], 'consentry: no file matches "pages/*.html"\n'],
    [['tag', 'empty'], 'consentry: no .html or .htm file in the folder empty\n'],
    [['tag', 'binary.html'], 'consentry: binary.html is not an HTML file: it holds binary data (a NUL byte)\n'],
    [['tag', 'latin.html'], 'consentry: latin.html is not valid UTF-8 and declares no other encoding in a <meta charset>; save it as UTF-8 or declare its encoding\n'],
    [['tag', '--fix', 'a.html'], "consentry: consentry tag: Unknown option '--fix'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--fix\"\n"],
    [['publish'], 'consentry: unknown command "publish"; run consentry --help\n'],
  ])('exits 2 with a clear message: %j', async (args, message) => {
    files({ 'a.html': PASTED, 'empty/readme.txt': 'x', 'binary.html': Buffer.from([0x3c, 0x00, 0x3e]), 'latin.html': Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0xff]) });
    const { code, stderr, stdout } = await cli(args);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
    expect(stdout).toBe('');
    expect(read('a.html')).toBe(PASTED);
  });

  it('prints its usage on --help (exit 0) and with no command (exit 2)', async () => {
    expect(await cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: consentry <command>') });
    expect(await cli([])).toMatchObject({ code: 2, stdout: expect.stringContaining('tag <files|folders|globs…>') });
  });
});

describe('consentry check-config', () => {
  it('a valid config: exit 0, warnings shown', async () => {
    files({ 'c.json': '{ "policy": { "url": "/privacy", "version": "2026-01-01" }, "expiryMonths": 3 }' });
    expect(await cli(['check-config', 'c.json'])).toMatchObject({
      code: 0,
      stdout:
        '  warning  expiryMonths is 3; regulators expect 6 to 13 months\n' +
        '  warning  contact is not set; every site sets contact.email, contact.hotline or both (until then the preference centre has no contact section)\n' +
        'c.json: valid (2 warnings)\n',
    });
  });

  it('an invalid config: exit 1, every problem with its path', async () => {
    files({ 'c.json': '{ "policy": { "url": "javascript:x" }, "cookie": { "days": 9999 }, "colour": "red" }' });
    expect(await cli(['check-config', 'c.json'])).toMatchObject({
      code: 1,
      stdout:
        '  error  policy.url must be an http(s) URL or a same-site path, got "javascript:x"\n' +
        '  error  cookie.days must be a whole number from 1 to 400, got 9999\n' +
        '  error  colour is not a known option\n' +
        '  warning  policy.version is not set; every site sets it (until then choices are stored under the version "unversioned")\n' +
        '  warning  contact is not set; every site sets contact.email, contact.hotline or both (until then the preference centre has no contact section)\n' +
        'c.json: invalid (3 errors, 2 warnings): the guard would deny every optional category until it is fixed\n',
    });
  });

  it("reads a page's #consentry-config, and says when JSON is broken or the page has none", async () => {
    files({ 'p.html': '<script type="application/json" id="consentry-config">{"consentMode": "yes"}</script>', 'bad.json': '{ "policy": ', 'none.html': '<p>hi' });
    expect(await cli(['check-config', 'p.html'])).toMatchObject({ code: 1, stdout: expect.stringContaining('  error  consentMode must be true or false, got "yes"\n') });
    expect(await cli(['check-config', 'bad.json'])).toMatchObject({ code: 1, stdout: expect.stringMatching(/^bad\.json: not valid JSON: /) });
    expect(await cli(['check-config', 'none.html'])).toMatchObject({ code: 2, stderr: 'consentry: none.html has no <script type="application/json" id="consentry-config">\n' });
    expect(await cli(['check-config'])).toMatchObject({ code: 2 });
  });
});

describe('consentry init', () => {
  it('asks nothing when not on a terminal, and writes the flags as a valid config', async () => {
    const { code, stdout, questions } = await cli(['init', '--policy-url', '/legal/privacy', '--policy-version', '2026-03-01', '--contact-email', 'privacy@example.com', '--languages', 'en,zh-CN']);
    expect(code).toBe(0);
    expect(questions).toEqual([]);
    expect(JSON.parse(read('consentry.config.json'))).toEqual({ policy: { url: '/legal/privacy', version: '2026-03-01' }, contact: { email: 'privacy@example.com' } });
    expect(stdout).toMatch(/^wrote consentry\.config\.json\n/);
  });

  it('on a terminal, asks for what the flags did not give', async () => {
    const { code, questions } = await cli(['init', '--policy-url', '/privacy'], ['2026-04-01', 'dpo@example.com', '400-000-0000', 'zh-CN']);
    expect(code).toBe(0);
    expect(questions.map((q) => q.split(' [')[0])).toEqual([
      'Policy version (change it when the policy changes: visitors are asked again)',
      'Privacy contact email (empty for none)',
      'Privacy hotline (empty for none)',
      'Languages of the site, comma-separated (shipped: en, zh-CN)',
    ]);
    expect(JSON.parse(read('consentry.config.json'))).toEqual({
      policy: { url: '/privacy', version: '2026-04-01' },
      contact: { email: 'dpo@example.com', hotline: '400-000-0000' },
      language: 'zh-CN',
    });
  });

  it('adds a language Consentry does not ship as English texts to translate', async () => {
    const { stdout } = await cli(['init', '--out', '-', '--policy-url', '/privacy', '--policy-version', '1', '--languages', 'en,fr']);
    const config = JSON.parse(stdout);
    expect(Object.keys(config.translations)).toEqual(['fr']);
    expect(config.translations.fr['actions.acceptAll']).toBe('Accept all');
    expect(config.translations.fr['language.name']).toBe('fr');
  });

  it('refuses invalid values (exit 1) and an existing file without --force (exit 2)', async () => {
    expect(await cli(['init', '--contact-email', 'not-an-email'])).toMatchObject({
      code: 1,
      stderr:
        '  error  contact.email must be an email address, got "not-an-email"\n' +
        '  warning  policy.url is not set; every site sets it (until then the banner and the preference centre show no policy link)\n' +
        '  warning  policy.version is not set; every site sets it (until then choices are stored under the version "unversioned")\n' +
        'consentry init: nothing written; fix the values above\n',
    });
    files({ 'consentry.config.json': '{}' });
    expect(await cli(['init', '--policy-url', '/p'])).toMatchObject({
      code: 2,
      stderr:
        '  warning  contact is not set; every site sets contact.email, contact.hotline or both (until then the preference centre has no contact section)\n' +
        'consentry: consentry.config.json already exists; use --force to replace it, or --out to write elsewhere\n',
    });
    expect(read('consentry.config.json')).toBe('{}');
    expect((await cli(['init', '--policy-url', '/p', '--force'])).code).toBe(0);
  });
});
