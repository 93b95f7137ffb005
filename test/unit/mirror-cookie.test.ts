import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATEGORY_IDS, defaultConfig } from '../../src/core/defaults';
import { decodeMirrorCookie, encodeMirrorCookie, parseMirrorCookie, recordFromMirror } from '../../src/core/mirror-cookie';
import type { ConsentRecord } from '../../src/core/types';

const IDS = BUILT_IN_CATEGORY_IDS;
const AT = Date.UTC(2026, 10, 29, 12, 0, 0);
const ID = '6f1c2b9e-3d4a-4b8c-9e7f-0a1b2c3d4e5f';

const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  schema: 1,
  id: ID,
  policyVersion: '2021-10-24',
  language: 'en',
  categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
  optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
  method: 'custom',
  gpc: false,
  createdAt: AT,
  updatedAt: AT,
  expiresAt: AT + 1,
  ...over,
});

describe('mirror cookie: encoding', () => {
  it.each<[string, Partial<ConsentRecord>, string]>([
    ['analytics only, custom', {}, `1.2021-10-24.5.80.${(AT / 1000).toString(36)}.${ID}`],
    [
      'everything allowed',
      { categories: { necessary: true, preferences: true, analytics: true, advertising: true, email: true }, method: 'accept-all' },
      `1.2021-10-24.1f.0.${(AT / 1000).toString(36)}.${ID}`,
    ],
    [
      'rejected with both ad opt-outs and GPC',
      { categories: { necessary: true, preferences: false, analytics: false, advertising: false, email: false }, optOuts: { promotionalEmail: false, personalisedAds: true, adSharing: true }, gpc: true, method: 'reject-all' },
      `1.2021-10-24.1.4e.${(AT / 1000).toString(36)}.${ID}`,
    ],
    ['unsubscribed by link', { optOuts: { promotionalEmail: true, personalisedAds: false, adSharing: false }, method: 'unsubscribe-link' }, `1.2021-10-24.5.141.${(AT / 1000).toString(36)}.${ID}`],
    ['a minor with a guardian', { minor: { under: true, guardianConfirmed: true } }, `1.2021-10-24.5.b0.${(AT / 1000).toString(36)}.${ID}`],
    ['a policy version with dots, spaces and Chinese', { policyVersion: 'v2.1 修订' }, `1.v2~2E1~20~E4~BF~AE~E8~AE~A2.5.80.${(AT / 1000).toString(36)}.${ID}`],
  ])('%s', (_name, over, expected) => {
    const value = encodeMirrorCookie(record(over), IDS);
    expect(value).toBe(expected);
    // Cookie-safe as is: js-cookie and servers need no percent-decoding.
    expect(value).toMatch(/^[\w.~!'()*-]+$/);
  });

  it('round-trips every field a decision has', () => {
    const cases: Partial<ConsentRecord>[] = [
      {},
      { method: 'withdraw', gpc: true, optOuts: { promotionalEmail: true, personalisedAds: true, adSharing: false } },
      { minor: { under: true, guardianConfirmed: false }, method: 'gpc', policyVersion: "2022.01 (draft*) ~'!" },
      { categories: { necessary: true, preferences: true, analytics: false, advertising: true, email: true, video: true, chat: false, maps: true }, method: 'api' },
    ];
    const ids = [...IDS, 'video', 'chat', 'maps'];
    for (const over of cases) {
      const r = record(over);
      const decided = decodeMirrorCookie(encodeMirrorCookie(r, ids), ids);
      const expectedCategories = Object.fromEntries(ids.map((id) => [id, !!r.categories[id] || id === 'necessary']));
      expect(decided).toEqual({
        policyVersion: r.policyVersion,
        categories: expectedCategories,
        optOuts: r.optOuts,
        method: r.method,
        gpc: r.gpc,
        updatedAt: AT,
        id: ID,
        ...(r.minor ? { minor: r.minor } : {}),
      });
    }
  });

  it('parseMirrorCookie reads the built-in order for servers', () => {
    expect(parseMirrorCookie(`1.2021-10-24.d.6.${(AT / 1000).toString(36)}.abc`)).toMatchObject({
      categories: { necessary: true, preferences: false, analytics: true, advertising: true, email: false },
      optOuts: { promotionalEmail: false, personalisedAds: true, adSharing: true },
      method: 'accept-all',
    });
  });

  it('rebuilds a full record from a decision, expiring by the config', () => {
    const config = defaultConfig();
    const decided = decodeMirrorCookie(encodeMirrorCookie(record({ updatedAt: AT + 999 }), IDS), IDS)!;
    const rebuilt = recordFromMirror(decided, config, 'zh-CN');
    expect(rebuilt).toEqual({ ...record(), language: 'zh-CN', expiresAt: Date.UTC(2027, 10, 29, 12, 0, 0) });
  });
});

describe('mirror cookie: anything malformed is "no decision", never an exception', () => {
  const good = `1.2021-10-24.5.80.${(AT / 1000).toString(36)}.${ID}`;
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { v: good }],
    ['empty', ''],
    ['whitespace', ' '],
    ['an unknown format version', good.replace(/^1\./, '2.')],
    ['format version 0', good.replace(/^1\./, '0.')],
    ['a field missing', good.split('.').slice(0, 5).join('.')],
    ['a field too many', good + '.x'],
    ['an empty policy', good.replace('2021-10-24', '')],
    ['a policy with a raw %', good.replace('2021-10-24', '50%25')],
    ['a policy with a broken escape', good.replace('2021-10-24', '~E4~BF')],
    ['uppercase hex categories', good.replace('.5.80.', '.F.80.')],
    ['non-hex categories', good.replace('.5.80.', '.g.80.')],
    ['too many category digits', good.replace('.5.80.', '.11111111111111111.80.')],
    ['flags too long', good.replace('.5.80.', '.5.1000.')],
    ['an unknown method index', good.replace('.5.80.', '.5.1c0.')],
    ['a zero timestamp', good.replace(/\.[0-9a-z]+\.([^.]+)$/, '.0.$1')],
    ['a timestamp with a dash', good.replace(/\.[0-9a-z]+\.([^.]+)$/, '.-5.$1')],
    ['an id with a slash', good.replace(ID, 'a/b')],
    ['an id too long', good.replace(ID, 'a'.repeat(65))],
    ['an empty id', good.replace(ID, '')],
    ['percent-encoded by a careless writer', encodeURIComponent(good.replace('2021-10-24', 'v 1'))],
    ['a JSON value', JSON.stringify({ analytics: true })],
    ['surrounding spaces', ` ${good} `],
    ['a unicode digit', good.replace('.5.80.', '.٥.80.')],
  ])('%s', (_name, value) => {
    expect(decodeMirrorCookie(value, IDS)).toBeNull();
  });

  it('accepts the good value the malformed ones were made from', () => {
    expect(decodeMirrorCookie(good, IDS)).not.toBeNull();
  });
});

describe('the README server example', () => {
  it('reads every cookie the guard writes the same way parseMirrorCookie does', () => {
    const readme = readFileSync(join(process.cwd(), 'docs/mirror-cookie.md'), 'utf8');
    const code = /Node \(or use `parseMirrorCookie`[^\n]*\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeTruthy();
    const parseConsentry = new Function(`${code}; return parseConsentry;`)() as (value: string) => Record<string, unknown> | null;
    const samples = [
      record(),
      record({ method: 'reject-all', optOuts: { promotionalEmail: true, personalisedAds: true, adSharing: true }, gpc: true }),
      record({ policyVersion: 'v2.1 修订', categories: { necessary: true, preferences: true, analytics: false, advertising: true, email: true } }),
    ];
    for (const r of samples) {
      const value = encodeMirrorCookie(r, IDS);
      const ours = parseMirrorCookie(value)!;
      expect(parseConsentry(value)).toEqual({
        policyVersion: ours.policyVersion,
        chosen: IDS.filter((id) => ours.categories[id]),
        optedOut: (['promotionalEmail', 'personalisedAds', 'adSharing'] as const).filter((k) => ours.optOuts[k]),
        gpc: ours.gpc,
        updatedAt: new Date(ours.updatedAt),
        id: ours.id,
      });
    }
    expect(parseConsentry('2.x.1.0.1.a')).toBeNull();
  });
});
