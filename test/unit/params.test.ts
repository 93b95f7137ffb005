import { describe, expect, it } from 'vitest';
import { isTrackingParam, readUnsubscribe, stripQuery } from '../../src/core/params';

const tracking = ['utm_*', 'mc_eid', 'mc_cid', '_hsenc', '_hsmi', 'mkt_tok', 'vero_id'];

describe('isTrackingParam', () => {
  it.each([
    ['utm_source', true],
    ['utm_', true],
    ['UTM_Campaign', true],
    ['utm', false],
    ['xutm_source', false],
    ['mc_eid', true],
    ['mc_eidx', false],
    ['_hsenc', true],
    ['q', false],
    ['page', false],
  ])('%s -> %s', (name, expected) => {
    expect(isTrackingParam(name, tracking)).toBe(expected);
  });

  it('treats regular-expression characters in patterns literally', () => {
    const m = (name: string) => isTrackingParam(name, ['a.b', 'x+*']);
    expect([m('a.b'), m('axb'), m('x+1'), m('xx')]).toEqual([true, false, true, false]);
  });

  it('matches nothing for an empty list', () => {
    expect(isTrackingParam('utm_source', [])).toBe(false);
  });
});

describe('stripQuery', () => {
  const remove = (name: string) => isTrackingParam(name, [...tracking, 'list', 'token']);
  it.each([
    ['', null],
    ['?', null],
    ['?q=shoes', null],
    ['?utm_source=news', ''],
    ['?q=red%20shoes&utm_source=news&page=2', '?q=red%20shoes&page=2'],
    ['?q=a+b&mc_eid=abc&mc_cid=def', '?q=a+b'],
    ['?utm_source=a&utm_source=b&x', '?x'],
    ['?utm%5Fsource=encoded-name', ''],
    ['?bad=%E0%A4%A&utm_medium=email', '?bad=%E0%A4%A'],
    ['?list=weekly&token=abcdefgh12&ref=mail', '?ref=mail'],
    ['?&&q=1&&', null],
  ])('%s -> %s', (search, expected) => {
    expect(stripQuery(search, remove)).toBe(expected);
  });
});

describe('readUnsubscribe', () => {
  const names = { list: 'unsubscribe', token: 'token' };
  it.each([
    ['not a landing', '?q=1', null],
    ['empty query', '', null],
    ['valid', '?unsubscribe=weekly&token=Ab3_9-x.yz', { list: 'weekly', token: 'Ab3_9-x.yz', valid: true }],
    ['list with spaces (decoded)', '?unsubscribe=Weekly%20news&token=abcdefgh', { list: 'Weekly news', token: 'abcdefgh', valid: true }],
    ['token too short', '?unsubscribe=weekly&token=short', { list: 'weekly', token: 'short', valid: false }],
    ['token with bad characters', '?unsubscribe=weekly&token=abc%3Cdefgh', { list: 'weekly', token: 'abc<defgh', valid: false }],
    ['token missing', '?unsubscribe=weekly', { list: 'weekly', token: '', valid: false }],
    ['a token alone is not a landing (e.g. a password-reset link)', '?token=abcdefgh', null],
    ['empty list', '?unsubscribe&token=abcdefgh', { list: '', token: 'abcdefgh', valid: false }],
    ['list with a control character', '?unsubscribe=a%0Ab&token=abcdefgh', { list: 'a\nb', token: 'abcdefgh', valid: false }],
    ['first occurrence wins', '?token=abcdefgh1&unsubscribe=a&token=zzzzzzzz2', { list: 'a', token: 'abcdefgh1', valid: true }],
  ])('%s', (_name, search, expected) => {
    expect(readUnsubscribe(search, names)).toEqual(expected);
  });

  it('uses the configured parameter names', () => {
    expect(readUnsubscribe('?l=news&t=abcdefgh&unsubscribe=x&token=zzzzzzzzzz', { list: 'l', token: 't' })).toEqual({
      list: 'news',
      token: 'abcdefgh',
      valid: true,
    });
  });

  it.each([
    ['abcdefgh', true],
    ['abc-DEF_123.xyz', true],
    ['a'.repeat(256), true],
    ['a'.repeat(257), false],
    ['abcdefg', false],
    ['abc defgh', false],
    ['abcdefgh<script>', false],
    ['abcd/efgh', false],
    ['abcd+efgh=', false],
    ['abcdéfgh', false],
  ])('token %s -> valid %s', (token, expected) => {
    expect(readUnsubscribe(`?unsubscribe=news&token=${encodeURIComponent(token)}`, names)?.valid).toBe(expected);
  });
});
