import { describe, expect, it } from 'vitest';
import { NerModel, tagEntities } from '../../../src/core/ner/index';
import { evaluate } from '../../../src/core/ner/evaluate';
import { DEFAULT_DATA_FILES, loadDataset, toExample } from '../../../scripts/ner/data';
import { train } from '../../../scripts/ner/trainer';

describe('training on a small slice', () => {
  const { train: tr, dev } = loadDataset(DEFAULT_DATA_FILES, { devFraction: 0.1, seed: 7, limit: 400 });
  const lines: string[] = [];
  const result = train(tr, dev, { epochs: 2, hashBits: 16, seed: 3, log: (l) => lines.push(l) });

  it('splits deterministically and keeps files apart', () => {
    const again = loadDataset(DEFAULT_DATA_FILES, { devFraction: 0.1, seed: 7, limit: 400 });
    expect(again.dev.map((e) => e.id)).toEqual(dev.map((e) => e.id));
    expect(tr.length + dev.length).toBe(800);
    expect(dev.length).toBeGreaterThan(20);
    const trainIds = new Set(tr.map((e) => e.id));
    expect(dev.some((e) => trainIds.has(e.id))).toBe(false);
    // MSRA has no position labels, so its sentences never learn or predict position.
    const msra = tr.find((e) => e.source === 'msra_train.jsonl')!;
    const cluener = tr.find((e) => e.source === 'cluener_train.jsonl')!;
    expect(msra.typeMask).toBe(0b0111);
    expect(cluener.typeMask).toBe(0b1111);
  });

  it('logs per-epoch dev F1 and fits its own training data', () => {
    expect(lines.filter((l) => l.startsWith('epoch ')).length).toBe(2);
    const gold = tr.map((e) => e.spans);
    const pred = tr.map((e) => tagEntities(e.text, result.model));
    const ev = evaluate(gold, pred, ['person', 'place', 'organization']);
    // Two passes over 700 sentences should recall a good share of what it saw.
    expect(ev.micro.f1).toBeGreaterThan(0.5);
  });

  it('survives a binary round trip with identical output', () => {
    const bin = result.model.toBinary();
    const loaded = NerModel.fromBinary(bin);
    expect(loaded.hashBits).toBe(16);
    const text = tr.slice(0, 50).map((e) => e.text).join('\n');
    expect(tagEntities(text, loaded)).toEqual(tagEntities(text, result.model));
    const broken = bin.slice();
    broken[0] ^= 0xff;
    expect(() => NerModel.fromBinary(broken)).toThrow(/not a Bulletin Lens model/);
    expect(() => NerModel.fromBinary(bin.slice(0, bin.length - 3))).toThrow(/truncated/);
  });

  it('tags a seen sentence plausibly', () => {
    const ex = tr.find((e) => e.spans.some((s) => s.type === 'person'))!;
    const spans = tagEntities(ex.text, result.model);
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(ex.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('trains with latent types and per-file weights, and rejects an unknown file', () => {
    const logs: string[] = [];
    const res = train(tr, dev, {
      epochs: 2, hashBits: 16, seed: 3, latentTypes: true, sourceWeights: { 'cluener_train.jsonl': 0.5 }, log: (l) => logs.push(l),
    });
    expect(logs.some((l) => l.startsWith('latent types'))).toBe(true);
    const msra = tr.filter((e) => e.source === 'msra_train.jsonl');
    const ev = evaluate(msra.map((e) => e.spans), msra.map((e) => tagEntities(e.text, res.model)), ['person', 'place', 'organization']);
    expect(ev.micro.f1).toBeGreaterThan(0.5);
    expect(() => train(tr, dev, { epochs: 1, hashBits: 12, seed: 1, sourceWeights: { 'nope.jsonl': 2 } })).toThrow(/no training source/);
  });

  it('builds BIOES gold from UTF-16 spans over astral characters', () => {
    const ex = toExample('x', 'x.jsonl', '𠀀李鹏在北京', [{ start: 2, end: 4, type: 'person' }, { start: 5, end: 7, type: 'place' }], 0b1111);
    expect(ex.cps.length).toBe(6);
    expect(Array.from(ex.gold)).toEqual([0, 1, 3, 0, 5, 7]);
  });
});
