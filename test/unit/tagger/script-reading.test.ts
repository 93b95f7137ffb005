/** How the tagger reads an inline script: the URLs its literals name, and whether it loads anything. */
import { describe, expect, it } from 'vitest';
import { readScript, urlsInLiteral } from '../../../src/tagger';

describe('urlsInLiteral', () => {
  it.each([
    ['an absolute URL', 'https://hm.baidu.com/hm.js?x', ['https://hm.baidu.com/hm.js?x']],
    ['a protocol-relative URL', '//bat.bing.com/bat.js', ['//bat.bing.com/bat.js']],
    ['a URL inside HTML', "<script src='https://s9.cnzz.com/z_stat.php?id=1'></script>", ['https://s9.cnzz.com/z_stat.php?id=1']],
    ['a URL inside escaped HTML (unescape)', "%3Cimg src='https://x.example/a%3Fb'%3E", ['https://x.example/a%3Fb', 'https://x.example/a?b']],
    ['a host and path after a protocol chosen at run time', "s4.cnzz.com/z_stat.php%3Fid%3D1' type='text/javascript'%3E", ['https://s4.cnzz.com/z_stat.php%3Fid%3D1', 'https://s4.cnzz.com/z_stat.php?id=1']],
    ['a file path (judged by path rules)', 'matomo.js', ['matomo.js']],
    ['a protocol alone', 'https://', []],
    ['a word', 'script', []],
    ['a MIME type', 'text/javascript', []],
    ['a sentence naming a domain', 'see google-analytics.com for details', []],
  ])('%s', (_, literal, urls) => {
    expect(urlsInLiteral(literal)).toEqual(urls);
  });
});

describe('readScript', () => {
  it.each([
    ['a .src assignment', 's.src = x;', true],
    ['setAttribute("src")', 'n.setAttribute("src", x)', true],
    ['setAttribute("charset") only', 'n.setAttribute("charset", "UTF-8")', false],
    ['document.write', 'document.write(x)', true],
    ['new Image', 'var i = new Image()', true],
    ['fetch', 'fetch(u)', true],
    ['sendBeacon', 'navigator.sendBeacon(u)', true],
    ['dynamic import', 'import(u)', true],
    ['innerHTML assignment', 'el.innerHTML = html', true],
    ['a comparison with .src is not an assignment', 'if (s.src === r) return;', false],
    ['a src property read', 'var u = s.src;', false],
    ['a name in a comment', '// s.src = x; document.write(y)', false],
    ['a name in a string', 'var t = "document.write(x)";', false],
  ])('%s', (_, code, loads) => {
    expect(readScript(code).loads).toBe(loads);
  });

  it('takes URLs from strings and templates, never from comments or regular expressions', () => {
    const reading = readScript('// https://comment.example/x\nvar r = /https:\\/\\/regex.example/; var a = "https://string.example/a", b = `https://template.example/${id}/b`;');
    expect(reading.urls).toEqual(['https://string.example/a', 'https://template.example/']);
  });

  it('reads modules, and says when a text is not JavaScript', () => {
    expect(readScript("import 'https://cdn.example/m.js';", true)).toEqual({ urls: ['https://cdn.example/m.js'], loads: true });
    expect(readScript('var s = "unterminated').unreadable).toBe('Unterminated string constant (1:8)');
  });
});
