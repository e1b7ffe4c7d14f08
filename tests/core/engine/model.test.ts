import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, modelLoaded, registerModel } from '../../../src/core';
import { tagEntities } from '../../../src/core/ner';

const SAMPLE = resolve(__dirname, '../../../../shared/fixtures/sample-bulletin.txt');

describe('with the learned model', () => {
  afterAll(() => registerModel(null));

  it('keeps every rule/dictionary entity and only adds non-overlapping model spans', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const plain = analyze(text, { model: false });
    registerModel((t) => tagEntities(t));
    expect(modelLoaded()).toBe(true);
    const withModel = analyze(text); // defaults to the model once it is loaded
    const key = (e: { type: string; start: number; end: number }) => `${e.type}:${e.start}:${e.end}`;
    const kept = new Set(withModel.entities.map(key));
    for (const e of plain.entities) expect(kept.has(key(e))).toBe(true);
    const added = withModel.entities.filter((e) => e.by === 'model');
    expect(withModel.entities.length).toBe(plain.entities.length + added.length);
    const sorted = [...withModel.entities].sort((a, b) => a.start - b.start);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k].start).toBeGreaterThanOrEqual(sorted[k - 1].end);
    for (const e of added) expect(text.slice(e.start, e.end).replace(/\s+/g, '')).toBe(e.text);
  });
});
