import { describe, expect, it } from 'vitest';
import { AhoCorasick, buildAho, decodeInts, encodeInts, type AhoMatch } from '../../../src/core/lexicon/aho';

function naiveAll(patterns: string[], text: string): AhoMatch[] {
  const res: AhoMatch[] = [];
  const firstIndex = new Map<string, number>();
  patterns.forEach((p, i) => {
    if (!firstIndex.has(p)) firstIndex.set(p, i);
  });
  for (const [p, idx] of firstIndex) {
    for (let s = text.indexOf(p); s >= 0; s = text.indexOf(p, s + 1)) res.push({ start: s, end: s + p.length, pattern: idx });
  }
  return res;
}

function naiveLeftmostLongest(patterns: string[], text: string): AhoMatch[] {
  const all = naiveAll(patterns, text);
  const res: AhoMatch[] = [];
  let pos = 0;
  for (;;) {
    const cands = all.filter((m) => m.start >= pos);
    if (cands.length === 0) return res;
    const s = Math.min(...cands.map((m) => m.start));
    const best = cands.filter((m) => m.start === s).sort((a, b) => b.end - a.end || a.pattern - b.pattern)[0];
    res.push(best);
    pos = best.end;
  }
}

const key = (m: AhoMatch) => `${m.start}-${m.end}-${m.pattern}`;

describe('AhoCorasick', () => {
  it('finds every overlapping occurrence with scanAll', () => {
    const ac = AhoCorasick.fromPatterns(['he', 'she', 'his', 'hers']);
    const got = ac.scanAll('ushers').map(key).sort();
    expect(got).toEqual(['1-4-1', '2-4-0', '2-6-3'].sort());
  });

  it('returns leftmost-longest non-overlapping matches', () => {
    const ac = AhoCorasick.fromPatterns(['两会', '全国两会', '两会精神', '精神']);
    expect(ac.scan('学习全国两会精神')).toEqual([
      { start: 2, end: 6, pattern: 1 },
      { start: 6, end: 8, pattern: 3 },
    ]);
  });

  it('keeps a short match that follows a longer one which failed to extend', () => {
    // AB is pending while ABCDX is still possible; C must survive once ABCDX dies.
    const ac = AhoCorasick.fromPatterns(['AB', 'ABCDX', 'C']);
    expect(ac.scan('ABCDY')).toEqual([
      { start: 0, end: 2, pattern: 0 },
      { start: 2, end: 3, pattern: 2 },
    ]);
  });

  it('prefers the earlier start over a longer later match', () => {
    const ac = AhoCorasick.fromPatterns(['abc', 'bcdef']);
    expect(ac.scan('abcdef')).toEqual([{ start: 0, end: 3, pattern: 0 }]);
  });

  it('handles surrogate pairs with UTF-16 offsets', () => {
    const ac = AhoCorasick.fromPatterns(['𠮷野', '野家', '😀']);
    const text = 'a𠮷野家😀b';
    expect(ac.scan(text)).toEqual([
      { start: 1, end: 4, pattern: 0 },
      { start: 5, end: 7, pattern: 2 },
    ]);
    expect(text.slice(1, 4)).toBe('𠮷野');
    // A lone high surrogate in the text must not produce a match for 😀.
    expect(ac.scan('\ud83d' + 'x')).toEqual([]);
  });

  it('finds one-unit patterns anywhere, including the last position', () => {
    const ac = AhoCorasick.fromPatterns(['中', '中国人', '国']);
    expect(ac.scan('中国')).toEqual([
      { start: 0, end: 1, pattern: 0 },
      { start: 1, end: 2, pattern: 2 },
    ]);
    expect(ac.scan('x中')).toEqual([{ start: 1, end: 2, pattern: 0 }]);
    expect(ac.scan('中国人')).toEqual([{ start: 0, end: 3, pattern: 1 }]);
  });

  it('finds a two-unit pattern that is also the prefix of a longer one', () => {
    const ac = AhoCorasick.fromPatterns(['中国', '中国梦', '国人']);
    expect(ac.scan('中国人')).toEqual([{ start: 0, end: 2, pattern: 0 }]);
    expect(ac.scan('说中国梦')).toEqual([{ start: 1, end: 4, pattern: 1 }]);
    expect(ac.scanAll('中国人').map((m) => m.pattern).sort()).toEqual([0, 2]);
  });

  it('re-enters the trie right after a false start', () => {
    const ac = AhoCorasick.fromPatterns(['ab', '全国两会']);
    expect(ac.scan('aab全全国两会')).toEqual([
      { start: 1, end: 3, pattern: 0 },
      { start: 4, end: 8, pattern: 1 },
    ]);
  });

  it('handles empty input and empty pattern lists', () => {
    expect(AhoCorasick.fromPatterns(['a']).scan('')).toEqual([]);
    expect(AhoCorasick.fromPatterns([]).scan('abc')).toEqual([]);
    expect(() => buildAho(['a', ''])).toThrow(/empty pattern/);
  });

  it('keeps the first index for duplicate patterns', () => {
    expect(AhoCorasick.fromPatterns(['ab', 'ab']).scan('xab')).toEqual([{ start: 1, end: 3, pattern: 0 }]);
  });

  it('survives a JSON round trip of the serialized form', () => {
    const pats = ['三抓三促', '三抓', '促进', '全国两会', '两会'];
    const data = JSON.parse(JSON.stringify(buildAho(pats)));
    const text = '以三抓三促进行动为契机学习全国两会';
    expect(new AhoCorasick(data).scan(text)).toEqual(AhoCorasick.fromPatterns(pats).scan(text));
  });

  it('rejects an unknown format', () => {
    const data = { ...buildAho(['a']), v: 2 } as unknown as ReturnType<typeof buildAho>;
    expect(() => new AhoCorasick(data)).toThrow(/format/);
  });

  it('agrees with a naive matcher on random inputs', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alpha = 'ab两会c';
    const word = (min: number, max: number) => {
      let s = '';
      const len = min + rnd(max - min + 1);
      for (let i = 0; i < len; i++) s += alpha[rnd(alpha.length)];
      return s;
    };
    for (let round = 0; round < 200; round++) {
      const pats = Array.from({ length: 1 + rnd(8) }, () => word(1, 4));
      const text = word(0, 30);
      const ac = AhoCorasick.fromPatterns(pats);
      expect(ac.scanAll(text).map(key).sort()).toEqual(naiveAll(pats, text).map(key).sort());
      expect(ac.scan(text)).toEqual(naiveLeftmostLongest(pats, text));
    }
  });
});

describe('int encoding', () => {
  it('round-trips small and large values', () => {
    const vals = [0, 1, 31, 32, 1023, 65535, 2 ** 31 - 1, 7];
    expect([...decodeInts(encodeInts(vals), vals.length)]).toEqual(vals);
  });

  it('rejects bad input', () => {
    expect(() => encodeInts([-1])).toThrow();
    expect(() => decodeInts('A', 2)).toThrow(/expected 2/);
    expect(() => decodeInts('*', 1)).toThrow(/bad character/);
  });
});
