// @vitest-environment node
/**
 * The URL readers, fuzzed (issue #11): the tracker-rule matcher (every URL
 * and cookie the page touches goes through it) and the URL-sink parsers
 * (`srcset`, CSS `url()`/`image-set()`/`@import`, space-separated lists).
 * Each is checked against a reference written from the specification in
 * this file, on generated input that a browser would load, and on arbitrary
 * strings: never a throw, never a URL the browser loads that the reader
 * misses.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/core/rules';
import type { TrackerRule } from '../../src/core/types';
import { globMatches, ruleForCookie, ruleForUrl } from '../../src/core/url-match';
import { cssUrls, urlsOf } from '../../src/core/css-urls';
import { srcsetUrls } from '../../src/core/url-sinks';
import { FUZZ, FUZZ_TIMEOUT, must, textArb } from './fuzz/arbitraries';

const label = fc.string({ unit: fc.constantFrom(...'abcxyz019-'), minLength: 1, maxLength: 6 }).filter((l) => !l.startsWith('-') && !l.endsWith('-'));
const hostArb = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const pathArb = fc.array(fc.string({ unit: fc.constantFrom(...'abc.js/_-%~'), maxLength: 6 }), { maxLength: 3 }).map((parts) => '/' + parts.join('/'));

describe('tracker-rule matcher, fuzzed', { timeout: FUZZ_TIMEOUT }, () => {
  /** The rule a URL belongs to, as docs/blocking.md says, written naively: every entry of every rule, in order. */
  function reference(rules: readonly TrackerRule[], url: URL): TrackerRule | undefined {
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return undefined;
    const host = url.hostname.toLowerCase().replace(/\.$/, '');
    return rules.find(
      (rule) =>
        (rule.hosts ?? []).some((entry) => {
          const slash = entry.indexOf('/');
          const ruleHost = (slash < 0 ? entry : entry.slice(0, slash)).toLowerCase().replace(/^\*\./, '');
          const prefix = slash < 0 ? '' : entry.slice(slash);
          const onHost = host === ruleHost || host.endsWith('.' + ruleHost);
          const underPrefix = !prefix || url.pathname === prefix || url.pathname.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
          return onHost && underPrefix;
        }) || (rule.paths ?? []).some((path) => url.pathname.endsWith(path)),
    );
  }

  const ruleArb: fc.Arbitrary<TrackerRule> = fc.record(
    {
      category: fc.constantFrom('analytics', 'advertising', 'necessary'),
      hosts: fc.array(fc.tuple(fc.boolean(), hostArb, fc.option(pathArb, { nil: '' })).map(([star, host, prefix]) => (star ? '*.' : '') + host + prefix), { maxLength: 3 }),
      paths: fc.array(pathArb, { maxLength: 2 }),
    },
    { requiredKeys: ['category'] },
  );

  /** URLs around the rules' hosts: the host itself, subdomains, look-alikes, a trailing dot, other schemes, case. */
  const urlArb = (hosts: string[]) =>
    fc
      .tuple(
        fc.constantFrom('https', 'http', 'wss', 'ftp', 'data', 'blob', 'javascript'),
        fc.oneof(hostArb, fc.constantFrom(...hosts, 'x'), fc.constantFrom(...hosts, 'x').chain((h) => fc.constantFrom(`www.${h}`, `${h}.evil.test`, `not${h}`, `${h}.`, h.toUpperCase(), `a.b.${h}`))),
        pathArb,
        fc.constantFrom('', '?q=1', '#f', ':8080'),
      )
      .map(([scheme, host, path, tail]) => {
        try {
          return new URL(tail === ':8080' ? `${scheme}://${host}:8080${path}` : `${scheme}://${host}${path}${tail}`);
        } catch {
          return new URL('https://first-party.test/');
        }
      });

  it('finds the same rule as the naive reading of every entry, for any rules and URL', () => {
    const input = fc.array(ruleArb, { maxLength: 5 }).chain((rules) => {
      const hosts = rules.flatMap((r) => (r.hosts ?? []).map((h) => h.replace(/^\*\./, '').split('/')[0]!));
      return fc.tuple(fc.constant(rules), fc.array(urlArb(hosts), { minLength: 1, maxLength: 8 }));
    });
    fc.assert(
      fc.property(input, ([rules, urls]) => {
        for (const url of urls) must(ruleForUrl(rules, url) === reference(rules, url), () => `${url.href}: index and naive reading disagree`);
      }),
      FUZZ, // 10,000 rule lists, each with 1–8 URLs
    );
  });

  it('on the built-in rules: any URL, any string as a URL, never a throw, the naive answer', () => {
    const builtInHosts = BUILTIN_RULES.flatMap((r) => (r.hosts ?? []).map((h) => h.split('/')[0]!));
    fc.assert(
      fc.property(fc.oneof(urlArb(builtInHosts), fc.webUrl({ withFragments: true, withQueryParameters: true }).map((u) => new URL(u))), (url) => {
        must(ruleForUrl(BUILTIN_RULES, url) === reference(BUILTIN_RULES, url), () => `${url.href}: index and naive reading disagree`);
      }),
      FUZZ,
    );
  });

  /** `*` as any run of characters, the rest literally: a backtracking reference. */
  function globReference(name: string, pattern: string): boolean {
    if (!pattern) return !name;
    if (pattern[0] === '*') return [...Array(name.length + 1).keys()].some((i) => globReference(name.slice(i), pattern.slice(1)));
    return name[0] === pattern[0] && globReference(name.slice(1), pattern.slice(1));
  }

  it('cookie patterns: any name against any pattern (regex metacharacters included), as the glob reference says', () => {
    const chars = fc.constantFrom(...'ab_*.+?^${}()|[]\\-');
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 8 }), fc.string({ unit: chars, maxLength: 6 }), textArb, (name, pattern, other) => {
        must(globMatches(name, pattern) === globReference(name, pattern), () => `${JSON.stringify(name)} vs ${JSON.stringify(pattern)}`);
        must(globMatches(pattern.replace(/\*/g, ''), pattern.replace(/\*/g, '')), 'a pattern without * does not match itself');
        // Built-in rules: never a throw on any name.
        ruleForCookie(BUILTIN_RULES, other);
      }),
      FUZZ,
    );
  });
});

/** HTML's ASCII whitespace (not JavaScript's \s, which also has U+00A0, U+2028…). */
const HTML_SPACE = /[\t\n\f\r ]/;

/**
 * The URLs of a `srcset`, as "parse a srcset attribute" (HTML Living
 * Standard) collects them, written from the algorithm's states. Candidates
 * whose descriptors are invalid are kept: the reader may report more than the
 * browser loads, never less.
 */
function srcsetReference(input: string): string[] {
  const urls: string[] = [];
  let position = 0;
  for (;;) {
    while (position < input.length && (HTML_SPACE.test(input[position]!) || input[position] === ',')) position++;
    if (position >= input.length) return urls;
    const start = position;
    while (position < input.length && !HTML_SPACE.test(input[position]!)) position++;
    let url = input.slice(start, position);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      // The descriptor tokenizer: only where a candidate ends matters here.
      let state: 'in' | 'parens' | 'after' = 'in';
      while (position < input.length) {
        const c = input[position]!;
        if (state === 'parens') {
          if (c === ')') state = 'in';
        } else if (HTML_SPACE.test(c)) {
          state = 'after';
        } else if (c === ',') {
          position++;
          break;
        } else if (state === 'after') {
          state = 'in';
          continue; // reconsume in "in descriptor"
        } else if (c === '(') state = 'parens';
        position++;
      }
    }
    if (url) urls.push(url);
  }
}

describe('srcset reader, fuzzed', { timeout: FUZZ_TIMEOUT }, () => {
  const urlPart = fc.string({ unit: fc.constantFrom(...'ab/.:,()x\u00a0\u2028'), minLength: 1, maxLength: 10 });
  const candidateUrl = fc.tuple(fc.constantFrom('https://t.test/', 'a', 'data:image/png;base64,', '/'), urlPart).map(([a, b]) => a + b).filter((u) => !u.startsWith(',') && !u.endsWith(','));
  const descriptor = fc.constantFrom('', '1x', '2x', '100w', '(min-width: 1,2)', '((1)', '(a', 'x)', '1x 2x', ')');
  const space = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\f', '\r', ','), maxLength: 3 });

  it('collects the URLs the HTML algorithm collects, on srcsets built from candidates and on any string', () => {
    const built = fc.array(fc.tuple(space, candidateUrl, fc.constantFrom(' ', '\t', '\n'), descriptor), { maxLength: 5 }).map((parts) =>
      parts.map(([before, url, gap, d]) => `${before}${url}${d ? gap + d : ''}`).join(', '),
    );
    fc.assert(
      fc.property(fc.oneof(built, textArb, fc.string({ unit: fc.constantFrom(...'a ,()\t\u00a0x'), maxLength: 20 })), (value) => {
        const got = srcsetUrls(value);
        const expected = srcsetReference(value);
        must(JSON.stringify(got) === JSON.stringify(expected), () => `${JSON.stringify(value)}: ${JSON.stringify(got)}, the HTML algorithm ${JSON.stringify(expected)}`);
      }),
      FUZZ,
    );
  });
});

describe('CSS reader, fuzzed', { timeout: FUZZ_TIMEOUT }, () => {
  /**
   * `url` written in CSS, character by character, each as `escapes` says
   * (CSS Syntax 3, "consume an escaped code point"): 0 as it is where the
   * syntax allows, 1 a hex escape ended by a space, 2 a backslash before the
   * character, 3 a continued line before it (strings only), 4 a six-digit hex
   * escape (a whitespace after one is still part of it). A character the syntax does not allow as it is is always escaped.
   */
  function writeCss(url: string, quote: '"' | "'" | '', escapes: number[]): string {
    const hex = (c: string) => '\\' + c.codePointAt(0)!.toString(16) + ' ';
    const literalOk = (c: string) => (quote ? c !== quote && c !== '\\' && c !== '\n' : !/[\t\n\f\r "'()\\]/.test(c));
    let out = '';
    [...url].forEach((c, i) => {
      const how = escapes[i % escapes.length]!;
      if (how === 1) out += hex(c);
      else if (how === 2 && !/[0-9a-f\n\r\f]/i.test(c)) out += '\\' + c;
      else if (how === 3 && quote && literalOk(c)) out += '\\\n' + c;
      else if (how === 4) out += '\\' + c.codePointAt(0)!.toString(16).padStart(6, '0') + ' ';
      else out += literalOk(c) ? c : hex(c);
    });
    return quote + out + quote;
  }

  const cssUrlArb = fc
    .tuple(fc.constantFrom('https://t.test/', 'https://www.google-analytics.com/', '/', ''), fc.string({ unit: fc.constantFrom(...'ab/.?=&"\'() \\é😀\n0f'), minLength: 1, maxLength: 10 }))
    .map(([a, b]) => a + b);
  // What stands between the URLs: declarations, comments with quotes in them, strings, a string broken by a newline.
  const junk = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'abc :;{}-,0 1x\n'), maxLength: 8 }),
    fc.constantFrom("/* don't */", '/* "a */', '/* url(https://t.test/no) */', 'content:"x"', "font-family:'a', \"b\"", 'content:"bad\n', "content:'bad\n"),
  );
  const written = fc.tuple(cssUrlArb, fc.constantFrom<'"' | "'" | ''>('"', "'", ''), fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 4 }));
  const token = fc.tuple(fc.constantFrom('url', 'URL', '@import', 'image-set'), written, written, junk);

  it('reads every URL written with quotes, escapes and continued lines, in url(), @import and image-set()', () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 4 }), (tokens) => {
        const expected: string[] = [];
        const css = tokens
          .map(([how, [url, quote, escapes], [url2, quote2, escapes2], between]) => {
            expected.push(url);
            if (how === 'url' || how === 'URL') return `${between};${how}( ${writeCss(url, quote, escapes)} )`;
            if (how === '@import') return `${between};@import ${writeCss(url, quote || '"', escapes)}`;
            // image-set(): a string, or url(), per candidate.
            expected.push(url2);
            const candidate = (u: string, q: '"' | "'" | '', e: number[]) => (q ? writeCss(u, q, e) : `url(${writeCss(u, '', e)})`);
            return `${between};image-set(${candidate(url, quote, escapes)} 1x, ${candidate(url2, quote2, escapes2)} 2x)`;
          })
          .join('');
        const got = cssUrls(css);
        must(JSON.stringify(got) === JSON.stringify(expected), () => `${JSON.stringify(css)}: ${JSON.stringify(got)}, written ${JSON.stringify(expected)}`);
      }),
      FUZZ,
    );
  });

  it('never throws on any string, and every kind of sink answers a list of non-empty strings', () => {
    const cssish = fc.string({ unit: fc.constantFrom(...'url(image-set@import"\'\\) \n,;x'), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(textArb, cssish, fc.string({ maxLength: 60 })), (value) => {
        for (const kind of ['u', 's', 'l', 'c', 'h'] as const) {
          const urls = urlsOf(kind, value);
          must(Array.isArray(urls) && urls.every((u) => typeof u === 'string' && u !== ''), () => `kind ${kind} of ${JSON.stringify(value)}: ${JSON.stringify(urls)}`);
        }
      }),
      FUZZ,
    );
  });
});
