// Numeric dates are read without a regex; the regex they were read with is the oracle here.
import { describe, expect, it } from 'vitest';
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
