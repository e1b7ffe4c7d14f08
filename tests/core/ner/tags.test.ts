import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../src/core/ner/base64';
import { evaluate, evaluateSpans } from '../../../src/core/ner/evaluate';
import {
  allowedTransition,
  NUM_TAGS,
  spansToTags,
  tagName,
  TAG_O,
  tagsToSpans,
} from '../../../src/core/ner/tags';
import { TRANS_SIZE, Viterbi } from '../../../src/core/ner/viterbi';

const tagId = (name: string): number => {
  for (let t = 0; t < NUM_TAGS; t++) if (tagName(t) === name) return t;
  throw new Error(name);
};

describe('BIOES tags', () => {
  it('round-trips spans through tags', () => {
    const spans = [
      { type: 0, start: 0, end: 3 },
      { type: 1, start: 3, end: 4 },
      { type: 3, start: 6, end: 8 },
    ];
    const tags = spansToTags(spans, 9, new Uint8Array(9));
    expect(Array.from(tags, tagName)).toEqual([
      'B-person', 'I-person', 'E-person', 'S-place', 'O', 'O', 'B-position', 'E-position', 'O',
    ]);
    expect(tagsToSpans(tags, 9)).toEqual(spans);
  });

  it('forbids invalid transitions', () => {
    expect(allowedTransition(TAG_O, tagId('I-person'))).toBe(false);
    expect(allowedTransition(tagId('B-person'), tagId('E-place'))).toBe(false);
    expect(allowedTransition(tagId('E-person'), tagId('B-person'))).toBe(true);
    expect(allowedTransition(tagId('B-place'), tagId('I-place'))).toBe(true);
    expect(allowedTransition(tagId('S-organization'), tagId('I-organization'))).toBe(false);
  });

  it('Viterbi never outputs an invalid sequence even when emissions prefer one', () => {
    const n = 4;
    const emit = new Float64Array(n * NUM_TAGS);
    // Each position alone prefers I-person: invalid at the start and after O.
    for (let i = 0; i < n; i++) emit[i * NUM_TAGS + tagId('I-person')] = 10;
    const out = new Uint8Array(n);
    new Viterbi().decode(emit, n, new Float64Array(TRANS_SIZE), new Uint8Array(NUM_TAGS).fill(1), out);
    expect(Array.from(out, tagName)).toEqual(['B-person', 'I-person', 'I-person', 'E-person']);
  });

  it('respects the allowed-tag mask', () => {
    const emit = new Float64Array(2 * NUM_TAGS);
    emit[tagId('S-position')] = 5;
    emit[NUM_TAGS + tagId('S-position')] = 5;
    const allowed = new Uint8Array(NUM_TAGS).fill(1);
    for (const p of ['B', 'I', 'E', 'S']) allowed[tagId(`${p}-position`)] = 0;
    const out = new Uint8Array(2);
    new Viterbi().decode(emit, 2, new Float64Array(TRANS_SIZE), allowed, out);
    expect(Array.from(out)).toEqual([TAG_O, TAG_O]);
  });
});

describe('base64', () => {
  it('round-trips every length remainder', () => {
    for (const len of [0, 1, 2, 3, 4, 5, 1000, 70000]) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 131 + 7) & 0xff);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }
  });

  it('rejects bad input', () => {
    expect(() => decodeBase64('ab$d')).toThrow(/invalid base64/);
  });
});

describe('evaluate', () => {
  it('counts exact span and type matches only', () => {
    const gold = [
      [
        { type: 'person', start: 0, end: 2 },
        { type: 'place', start: 4, end: 6 },
      ],
      [{ type: 'organization', start: 1, end: 5 }],
    ];
    const pred = [
      [
        { type: 'person', start: 0, end: 2 }, // tp
        { type: 'organization', start: 4, end: 6 }, // wrong type: fp + fn
      ],
      [{ type: 'organization', start: 1, end: 4 }], // wrong end: fp + fn
    ];
    const ev = evaluate(gold, pred);
    expect(ev.micro).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(ev.micro.f1).toBeCloseTo(1 / 3, 10);
    expect(ev.byType.person.f1).toBe(1);
    expect(ev.byType.place).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
  });

  it('filters by type and rejects mismatched document counts', () => {
    const ev = evaluateSpans(
      [{ type: 'person', start: 0, end: 2 }],
      [
        { type: 'person', start: 0, end: 2 },
        { type: 'position', start: 3, end: 5 },
      ],
      ['person', 'place', 'organization'],
    );
    expect(ev.micro).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(() => evaluate([[]], [])).toThrow(/documents/);
  });
});
