import { describe, expect, it } from 'vitest';
import { anchorSelectors, describeRange, isMostlyCjk } from '../../../src/core/anchor';

const text =
  '本报临川讯（通讯员林晓岚）5月8日，临川县政协召开主席会议，县政协主席周明远主持会议。' +
  '会议听取了关于推进乡村振兴工作的情况汇报，要求各委员深入基层开展调查研究。' +
  '会议强调，要持续推进乡村振兴，巩固拓展脱贫攻坚成果。';

function sel(exact: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(exact, at + 1);
  return describeRange(text, at, at + exact.length);
}

describe('describeRange', () => {
  it('stores the quote with up to 32 characters of context and the position', () => {
    const [q, p] = sel('要求各委员');
    expect(q.exact).toBe('要求各委员');
    expect(q.prefix.length).toBe(32);
    expect(q.suffix.length).toBe(32);
    expect(text).toContain(q.prefix + q.exact + q.suffix);
    expect(text.slice(p.start, p.end)).toBe(q.exact);
  });
  it('rejects empty or out-of-range ranges', () => {
    expect(() => describeRange(text, 5, 5)).toThrow(RangeError);
    expect(() => describeRange(text, 0, text.length + 1)).toThrow(RangeError);
  });
});

describe('anchorSelectors', () => {
  it('uses the position when it still holds the quote', () => {
    const s = sel('调查研究');
    expect(anchorSelectors(text, s)).toMatchObject({ start: s[1].start, method: 'position' });
  });

  it('falls back to an exact quote search when text was inserted before', () => {
    const s = sel('调查研究');
    const edited = '【新增导语】' + text;
    const m = anchorSelectors(edited, s);
    expect(m).toMatchObject({ method: 'quote', start: s[1].start + 6 });
    expect(edited.slice(m!.start, m!.end)).toBe('调查研究');
  });

  it('picks the occurrence whose context matches among duplicates', () => {
    const s = sel('乡村振兴', 1);
    const shifted = 'X' + text;
    const m = anchorSelectors(shifted, s)!;
    expect(m.method).toBe('quote');
    expect(m.start).toBe(s[1].start + 1);
  });

  it('re-anchors a longer quote fuzzily after a small edit inside it', () => {
    const s = sel('会议听取了关于推进乡村振兴工作的情况汇报');
    const edited = text.replace('情况汇报', '情况通报');
    const m = anchorSelectors(edited, s)!;
    expect(m.method).toBe('fuzzy');
    expect(m.score).toBeGreaterThanOrEqual(0.75);
    expect(edited.slice(m.start, m.end)).toContain('会议听取了关于推进乡村振兴工作的情况');
  });

  it('requires an exact match for short CJK quotes', () => {
    const s = sel('周明远');
    const edited = text.replace('周明远', '周明达');
    expect(anchorSelectors(edited, s)).toBeNull();
  });

  it('returns null when the quote is gone', () => {
    const s = sel('会议听取了关于推进乡村振兴工作的情况汇报');
    expect(anchorSelectors('完全不同的一段文字，与原文没有任何关系。'.repeat(3), s)).toBeNull();
  });

  it('honours the minimum score', () => {
    const s = sel('会议听取了关于推进乡村振兴工作的情况汇报');
    const edited = text.replace('关于推进乡村振兴工作', '有关农业农村发展事项');
    expect(anchorSelectors(edited, s)).toBeNull();
  });
});

describe('isMostlyCjk', () => {
  it('tells CJK from Latin text', () => {
    expect(isMostlyCjk('周明远')).toBe(true);
    expect(isMostlyCjk('hello world')).toBe(false);
  });
});
