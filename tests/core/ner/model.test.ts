import { describe, expect, it } from 'vitest';
import { evaluate, loadModel, NER_TYPES, tagEntities } from '../../../src/core/ner/index';
import { DEFAULT_DATA_FILES, DEFAULT_SPLIT, loadDataset } from '../../../scripts/ner/data';

// The shipped model never saw these sentences: the seeded split is recomputed here.
describe('shipped model on the held-out dev split', () => {
  const { dev } = loadDataset(DEFAULT_DATA_FILES, DEFAULT_SPLIT);
  const model = loadModel();

  function score(source: string, types: readonly string[]) {
    const docs = dev.filter((e) => e.source === source).slice(0, 1000);
    // CLUENER's 5 % is about 600 sentences; MSRA's is capped at 1000 to keep this quick.
    expect(docs.length).toBeGreaterThan(500);
    return evaluate(
      docs.map((e) => e.spans),
      docs.map((e) => tagEntities(e.text, model)),
      types,
    );
  }

  it('loads once and is cached', () => {
    expect(loadModel()).toBe(model);
    expect(model.weights.length).toBe((1 << model.hashBits) * 17);
  });

  it('scores above the floor on MSRA-style dev (person, place, organization)', () => {
    const ev = score('msra_train.jsonl', ['person', 'place', 'organization']);
    // measured 0.8898 (person 0.9376) on this slice with the O-penalty-calibrated model
    expect(ev.micro.f1).toBeGreaterThan(0.885);
    expect(ev.byType.person.f1).toBeGreaterThan(0.93);
  });

  it('does not let positions swallow MSRA places, organizations and people (上海|市长)', () => {
    // MSRA has no position labels; a predicted position that overlaps a gold entity is an error
    // the training must avoid (the v1 model overlapped 1.4 % of MSRA dev entities).
    const docs = dev.filter((e) => e.source === 'msra_train.jsonl').slice(0, 1000);
    let gold = 0;
    let cut = 0;
    for (const e of docs) {
      const positions = tagEntities(e.text, model).filter((s) => s.type === 'position');
      for (const g of e.spans) {
        gold++;
        if (positions.some((p) => p.start < g.end && g.start < p.end)) cut++;
      }
    }
    expect(gold).toBeGreaterThan(1000);
    expect(cut / gold).toBeLessThan(0.005);
  });

  it('scores above the floor on CLUENER-style dev (all four types)', () => {
    const ev = score('cluener_train.jsonl', NER_TYPES);
    // measured 0.7088 (position 0.7342)
    expect(ev.micro.f1).toBeGreaterThan(0.70);
    expect(ev.byType.position.f1).toBeGreaterThan(0.72);
  });
});
