import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_UNITS, type NerSpan, tagEntities } from '../../../src/core/ner/index';

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Offsets are exact, sorted, non-overlapping and never cut a surrogate pair. */
function checkSpans(text: string, spans: NerSpan[]): void {
  let last = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(isLow(text.charCodeAt(s.start))).toBe(false);
    if (s.end < text.length) expect(isHigh(text.charCodeAt(s.end - 1)) && isLow(text.charCodeAt(s.end))).toBe(false);
    expect(s.text).not.toMatch(/[\n\r]/);
    last = s.end;
  }
}

describe('tagEntities offsets', () => {
  it('returns nothing for empty or blank input', () => {
    expect(tagEntities('')).toEqual([]);
    expect(tagEntities('\n\n  \n')).toEqual([]);
  });

  it('keeps exact UTF-16 offsets around astral characters, full-width text and line breaks', () => {
    const base = '国务院总理李鹏今天在北京会见了美国客人。';
    const plain = tagEntities(base);
    expect(plain.map((s) => s.text)).toEqual(expect.arrayContaining(['李鹏', '北京']));
    const prefix = '𠀀😀\r\nＡＢＣ１２３，\n';
    const text = prefix + base + '\n' + base;
    const spans = tagEntities(text);
    checkSpans(text, spans);
    // The same sentence after a line break tags the same way, shifted by the prefix.
    const first = spans.filter((s) => s.start >= prefix.length && s.end <= prefix.length + base.length);
    expect(first.map((s) => [s.type, s.start - prefix.length, s.end - prefix.length])).toEqual(
      plain.map((s) => [s.type, s.start, s.end]),
    );
    const second = spans.filter((s) => s.start > prefix.length + base.length);
    expect(second.map((s) => s.text)).toEqual(plain.map((s) => s.text));
  });

  it('counts a surrogate pair as one unit, so spans may contain but never split it', () => {
    const text = '记者𠀀𠀁𠀂报道，𩸽田中先生来到上海𠀀市。😀😀😀';
    checkSpans(text, tagEntities(text));
  });

  it('never splits a pair in random mixed text', () => {
    let seed = 12345;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pool = ['张', '王', '李', '明', '华', '北', '京', '市', '省', '委', '员', '会', '主', '席', '𠀀', '😀', '𩸽', '，', '。', '\n', 'Ａ', '1', ' '];
    for (let k = 0; k < 200; k++) {
      let text = '';
      const len = 1 + Math.floor(rand() * 80);
      for (let i = 0; i < len; i++) text += pool[Math.floor(rand() * pool.length)];
      checkSpans(text, tagEntities(text));
    }
  });

  it('does not crash on lone surrogates', () => {
    const text = '李鹏\ud800在北京\udc00会见';
    checkSpans(text, tagEntities(text));
  });

  it('handles runs longer than the sentence cap with exact offsets', () => {
    const clause = '北京市委书记和上海市长会见了张三，';
    const text = clause.repeat(Math.ceil((3 * MAX_SENTENCE_UNITS) / clause.length)) + '😀'.repeat(MAX_SENTENCE_UNITS + 5);
    const spans = tagEntities(text);
    checkSpans(text, spans);
    // Soft cuts fall on commas, so clauses tag alike wherever they land (context at a
    // cut differs, so allow a few clauses to differ).
    const perClause = new Map<number, string>();
    for (const s of spans) {
      const k = Math.floor(s.start / clause.length);
      perClause.set(k, (perClause.get(k) ?? '') + `${s.type}:${s.start % clause.length}-${s.end - k * clause.length};`);
    }
    const counts = new Map<string, number>();
    for (const v of perClause.values()) counts.set(v, (counts.get(v) ?? 0) + 1);
    const modal = Math.max(...counts.values());
    const clauses = Math.ceil((3 * MAX_SENTENCE_UNITS) / clause.length);
    expect(perClause.size).toBe(clauses);
    expect(modal / clauses).toBeGreaterThan(0.8);
  });
});
