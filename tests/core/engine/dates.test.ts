// Numeric dates are read without a regex; the regex they were read with is the oracle here.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core';
import { findRuleEntities } from '../../../src/core/rules';

const RE_DATE = /(?:(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?|(\d{1,2})月(?:(\d{1,2})日)?)/y;

/** End of the date the regex reads at i, or -1. */
function oracle(text: string, i: number): number {
  RE_DATE.lastIndex = i;
  const m = RE_DATE.exec(text);
  if (!m || m[0].length === 0) return -1;
  const y = m[1] ? +m[1] : 2000;
  const mo = m[2] ? +m[2] : m[4] ? +m[4] : 1;
  const d = m[3] ? +m[3] : m[5] ? +m[5] : 1;
  return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? i + m[0].length : -1;
}

const dateEnds = (text: string): number[] =>
  findRuleEntities(text)
    .filter((c) => c.type === 'date' && c.start === 1)
    .map((c) => c.end);

describe('numeric dates', () => {
  const cases = ['2023年3月5日', '2023年12月31日起', '1899年', '2023年13月', '12月', '1月1日', '123月', '2023年1', '20231年', '3月32日', '00月', '2100年12月31日', '2023年3月', '07月08日', '2023年123月', '1月123日'];
  it('are what the regex read', () => {
    for (const c of cases) {
      // a space before: the scan starts a number only after a non-digit
      const text = ` ${c}`;
      const end = oracle(text, 1);
      expect(dateEnds(text), c).toEqual(end < 0 ? [] : [end]);
    }
  });

  it('are what the regex read on random digit strings', () => {
    let s = 7;
    const rand = (n: number): number => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s % n;
    };
    const alphabet = '0123456789年月日x';
    for (let t = 0; t < 5000; t++) {
      let c = String(rand(10));
      for (let j = rand(10); j > 0; j--) c += alphabet[rand(alphabet.length)];
      if (t % 3 === 0) c = `20${rand(10)}${rand(10)}年${c}`;
      const text = ` ${c}`;
      const end = oracle(text, 1);
      expect(dateEnds(text), c).toEqual(end < 0 ? [] : [end]);
    }
  });
});

// YYYY-M-D with - / . (or their full-width forms), the same separator twice. Not a date when the
// number goes on with a dot or that separator and a digit, unless a date in the same style follows; nor
// when that separator follows without a digit (a path: 2024/06/12/content.htm).
const RE_SEP_DATE = /(\d{4})([-/.－／．])(\d{1,2})\2(\d{1,2})(?!\d)(?!\2\d(?!\d{3}\2))(?!\2(?!\d))(?!(?!\2)[.．]\d)/y;

function sepOracle(text: string, i: number): number {
  RE_SEP_DATE.lastIndex = i;
  const m = RE_SEP_DATE.exec(text);
  if (!m) return -1;
  const [y, mo, d] = [+m[1], +m[3], +m[4]];
  return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? i + m[0].length : -1;
}

/** Date candidates as [start, end, text]. */
const dateSpans = (text: string): Array<[number, number, string]> =>
  findRuleEntities(text)
    .filter((c) => c.type === 'date')
    .map((c) => [c.start, c.end, text.slice(c.start, c.end)]);

describe('numeric dates with separators', () => {
  it('read 2024-06-12, 2024/06/12, 2024.6.12; a time after one stays outside', () => {
    expect(dateSpans('来源：河西新闻网 2024-06-12 10:05 编辑：宋婉清')).toEqual([[9, 19, '2024-06-12']]);
    expect(dateSpans('发布时间：2024/06/12，')).toEqual([[5, 15, '2024/06/12']]);
    expect(dateSpans('另见2024.6.12报道。')).toEqual([[2, 11, '2024.6.12']]);
    expect(dateSpans('2024-6-1')).toEqual([[0, 8, '2024-6-1']]);
    expect(dateSpans('1900/1/1和2100.12.31')).toEqual([
      [0, 8, '1900/1/1'],
      [9, 19, '2100.12.31'],
    ]);
    expect(dateSpans('时间：2024-06-12T10:05:00')).toEqual([[3, 13, '2024-06-12']]);
    expect(dateSpans('截至2024.06.12。')).toEqual([[2, 12, '2024.06.12']]);
  });

  it('read both ends of a range', () => {
    expect(dateSpans('2024.06.01-2024.06.30')).toEqual([
      [0, 10, '2024.06.01'],
      [11, 21, '2024.06.30'],
    ]);
    expect(dateSpans('2024-06-01-2024-06-30')).toEqual([
      [0, 10, '2024-06-01'],
      [11, 21, '2024-06-30'],
    ]);
    // a day range after a dotted date: the date stands, the other day is not read
    expect(dateSpans('2024.6.12-13')).toEqual([[0, 9, '2024.6.12']]);
  });

  it('leave version numbers, addresses, phone numbers and decimals alone', () => {
    for (const t of [
      '1.2.3.4',
      '版本1.2.3.4',
      '2024-13-01',
      '2024-1-32',
      '2024-00-12',
      '2024-06-00',
      '192.168.1.1',
      '10.2010.1.1',
      '2024-06-12-7',
      '2024.6.12.1',
      '2024/06/12/3',
      '2024-06-12.5',
      '2024-1234-5678',
      '电话2024-123-4567',
      '3.14',
      '2024.06',
      '2024-06',
      '2024.06元',
      '1899-12-31',
      '2101-01-01',
      '12024-06-12',
      '1.2024-06-12',
      '2024-06-123',
      '2024-006-12',
      '2024-06/12',
      '2024/06-12',
      // addresses and paths
      'http://www.gov.cn/xinwen/2024/06/12/content_123.htm',
      'https://example.cn/2024-06-12/a.html',
      '/2024.06.12',
      '2024/06/12/',
    ])
      expect(dateSpans(t), t).toEqual([]);
  });

  it('keep 2024年06月12日 and 2024年06月 with leading zeros', () => {
    expect(dateSpans('2024年06月12日')).toEqual([[0, 11, '2024年06月12日']]);
    expect(dateSpans('2024年06月')).toEqual([[0, 8, '2024年06月']]);
    expect(dateSpans('2024年6月')).toEqual([[0, 7, '2024年6月']]);
  });

  it('are what the regex reads on random strings of digits and separators', () => {
    let s = 11;
    const rand = (n: number): number => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s % n;
    };
    const seps = '-/.－／．';
    const alphabet = `0123456789${seps}年月x`;
    for (let t = 0; t < 8000; t++) {
      let c = String(rand(10));
      for (let j = rand(12); j > 0; j--) c += t % 2 ? alphabet[rand(alphabet.length)] : rand(3) ? String(rand(10)) : seps[rand(seps.length)];
      if (t % 3 === 0) c = `${rand(2) ? 20 : 19}${rand(10)}${rand(10)}${seps[rand(seps.length)]}${c}`;
      const text = ` ${c}`;
      let end = sepOracle(text, 1);
      if (end < 0) end = oracle(text, 1);
      expect(dateEnds(text), c).toEqual(end < 0 ? [] : [end]);
    }
  });

  it('come through the engine from full-width digits and separators', () => {
    const text = '发布时间：２０２４－０６－１２　１０：０５\n２０２４／６／１２；２０２４．０６．１２；２０２４年０６月１２日';
    const got = analyze(text, { model: false })
      .entities.filter((e) => e.type === 'date')
      .map((e) => [e.start, e.end, e.text]);
    expect(got).toEqual([
      [5, 15, '2024－06－12'],
      [22, 31, '2024／6／12'],
      [32, 42, '2024．06．12'],
      [43, 54, '2024年06月12日'],
    ]);
  });
});
