// Hand-labelled bulletin sentences (invented names): rules + the shipped model, per-type F1 floors.
// Floors are the measured numbers (npx tsx scripts/eval-ner.ts) minus a small margin.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, loadShippedModel, registerModel } from '../../../src/core';
import { evaluate, type SpanLike } from '../../../src/core/ner';

const GOLD = resolve(__dirname, '../../fixtures/core/bulletin-gold.jsonl');
const docs = readFileSync(GOLD, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string; entities: Array<SpanLike & { text: string }> });

describe('bulletin-gold.jsonl', () => {
  beforeAll(() => loadShippedModel());
  afterAll(() => registerModel(null));

  it('is well-formed: ~40 sentences, every span matches its text', () => {
    expect(docs.length).toBeGreaterThanOrEqual(40);
    for (const d of docs) for (const e of d.entities) expect(d.text.slice(e.start, e.end)).toBe(e.text);
  });

  it('rules + model reach the per-type floors', () => {
    const pred = docs.map((d) => analyze(d.text).entities);
    const ev = evaluate(
      docs.map((d) => d.entities),
      pred,
      ['person', 'place', 'organization', 'position', 'policy_term'],
    );
    const f1 = (t: string) => ev.byType[t]?.f1 ?? 0;
    // measured: person 1.00, place 0.923, organization 0.933, position 0.952, policy terms 0.951, micro 0.958
    expect(f1('person')).toBeGreaterThanOrEqual(0.97);
    expect(f1('place')).toBeGreaterThanOrEqual(0.9);
    expect(f1('organization')).toBeGreaterThanOrEqual(0.9);
    expect(f1('position')).toBeGreaterThanOrEqual(0.92);
    expect(f1('policy_term')).toBeGreaterThanOrEqual(0.9);
    expect(ev.micro.f1).toBeGreaterThanOrEqual(0.94);
    // and the model adds to the rules rather than replacing them
    const rulesOnly = evaluate(
      docs.map((d) => d.entities),
      docs.map((d) => analyze(d.text, { model: false }).entities),
      ['person', 'place', 'organization', 'position', 'policy_term'],
    );
    expect(ev.micro.f1).toBeGreaterThan(rulesOnly.micro.f1);
    expect(ev.byType.person.recall).toBeGreaterThan(rulesOnly.byType.person.recall);
  });
});
