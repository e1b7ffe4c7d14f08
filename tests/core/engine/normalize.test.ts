import { describe, expect, it, vi } from 'vitest';
import { BREAK_BLANK, BREAK_LINE, lines, normalize, printed, toOriginal } from '../../../src/core/normalize';

describe('normalize', () => {
  it('removes spaces and line breaks between CJK characters and keeps the offset map', () => {
    const src = '主席王\n\n燕主持，通讯员高 磊）3 月 22\n日，';
    const n = normalize(src);
    expect(n.text).toBe('主席王燕主持，通讯员高磊）3月22日，');
    for (let i = 0; i < n.text.length; i++) expect(src[n.map[i]]).toBe(n.text[i]);
    expect(n.map[n.text.length]).toBe(src.length);
  });

  it('maps a span that crosses a line break back to the whole original range', () => {
    const src = '会议传达学习了习\n\n近平总书记讲话';
    const n = normalize(src);
    const s = n.text.indexOf('习近平');
    const [a, b] = toOriginal(n, s, s + 3);
    expect(src.slice(a, b)).toBe('习\n\n近平');
  });

  it('records break strength: line vs blank line', () => {
    const n = normalize('第一行\n第二行\n\n第三行');
    expect(n.breaks[n.text.indexOf('第二')]).toBe(BREAK_LINE);
    expect(n.breaks[n.text.indexOf('第三')]).toBe(BREAK_BLANK);
    expect(lines(n).map((l) => n.text.slice(l.start, l.end))).toEqual(['第一行', '第二行', '第三行']);
  });

  it('keeps one space between Latin words and folds full-width digits', () => {
    const n = normalize('Hello   world\nagain ２０２３年３月');
    expect(n.text).toBe('Hello world again2023年3月');
    expect(n.text.length).toBe(n.map.length - 1);
  });

  it('drops leading and trailing whitespace and zero-width characters', () => {
    const n = normalize('  \u200b标\u200b题 \n');
    expect(n.text).toBe('标题');
    expect(n.map[0]).toBe(3);
  });

  it('printed() keeps the spaces of a headline but not its line breaks', () => {
    const src = '强化作风建设 不断提高\n工作质量';
    const n = normalize(src);
    expect(printed(n, 0, n.text.length)).toBe('强化作风建设 不断提高工作质量');
  });

  it('is linear: a 2 MB input normalises without blowing up', () => {
    const src = '本报讯（通讯员高 磊）3 月\n\n22 日，'.repeat(60000);
    const n = normalize(src);
    expect(n.text.length).toBeLessThan(src.length);
    expect(n.map.length).toBe(n.text.length + 1);
  });
});

describe('normalize: the analysis string built in pieces', () => {
  /** The analysis string as the definition says it: each kept unit, in order. */
  function expected(src: string, n: ReturnType<typeof normalize>): string {
    let s = '';
    for (let i = 0; i < n.text.length; i++) {
      const c = src.charCodeAt(n.map[i]);
      // kept as is, folded (full-width ASCII), or the one space kept between narrow chars
      s += c >= 0xff01 && c <= 0xff5e && n.text.charCodeAt(i) === c - 0xfee0 ? String.fromCharCode(c - 0xfee0) : /\s/.test(src[n.map[i]]) ? ' ' : src[n.map[i]];
    }
    return s;
  }

  it('keeps surrogate pairs and lone surrogates unit for unit', () => {
    const src = '会议😀召开\n\n\ud800孤\udc00独 ab\ud83d';
    const n = normalize(src);
    expect(n.text).toBe('会议😀召开\ud800孤\udc00独ab\ud83d');
    for (let i = 0; i < n.text.length; i++) expect(n.text.charCodeAt(i)).toBe(src.charCodeAt(n.map[i]));
  });

  it('is the same across piece boundaries in a long text, pairs and lone surrogates included', () => {
    const parts: string[] = [];
    for (let k = 0; k < 4000; k++) parts.push(k % 7 === 0 ? `第${k}行 😀\n` : k % 11 === 0 ? `孤\ud800单 ab  cd\n\n` : `政协委员${k}３月\r\n`);
    const src = parts.join('');
    const n = normalize(src);
    expect(n.text.length).toBeGreaterThan(2 * 16384);
    expect(n.text).toBe(expected(src, n));
    expect(n.text.includes('\ufffd')).toBe(false);
  });

  it('returns the original string when nothing is dropped or folded', () => {
    const src = '政协委员'.repeat(10000);
    expect(normalize(src).text).toBe(src);
  });
});

describe('normalize without TextDecoder', () => {
  it('builds the same analysis string and map where the runtime has no decoder', async () => {
    const text = '习\n\n近平 总书记 ３ 月 ２２ 日\n' + '政协𠮷'.repeat(9000) + '\ud800 孤 立';
    const withDecoder = (await import('../../../src/core/normalize')).normalize(text);
    vi.resetModules();
    vi.stubGlobal('TextDecoder', undefined);
    try {
      const fresh = await import('../../../src/core/normalize');
      const without = fresh.normalize(text);
      expect(without.text).toBe(withDecoder.text);
      expect([...without.map]).toEqual([...withDecoder.map]);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
