import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, modelLoaded, registerModel } from '../../../src/core';
import { tagEntities } from '../../../src/core/ner';

const SAMPLE = resolve(__dirname, '../../../../shared/fixtures/sample-bulletin.txt');

describe('with the learned model', () => {
  afterAll(() => registerModel(null));

  it('keeps the certain rule entities, adds model spans, and drops the model junk of bulletin prose', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const plain = analyze(text, { model: false });
    registerModel((t) => tagEntities(t));
    expect(modelLoaded()).toBe(true);
    const withModel = analyze(text); // defaults to the model once it is loaded
    const key = (e: { type: string; start: number; end: number }) => `${e.type}:${e.start}:${e.end}`;
    const kept = new Set(withModel.entities.map(key));
    // structure and dictionaries stay: organisations, policy terms, dates, datelines' reporters
    // (or lie inside a longer organisation name the model read: 市政协党组 around 市政协)
    const outer = withModel.entities.filter((e) => e.by === 'model' && e.type === 'organization');
    for (const e of plain.entities) {
      if (e.type !== 'organization' && e.type !== 'policy_term' && e.type !== 'date') continue;
      expect(kept.has(key(e)) || outer.some((o) => o.start <= e.start && e.end <= o.end)).toBe(true);
    }
    for (const a of plain.articles) for (const name of a.dateline?.reporters ?? []) expect(withModel.entities.some((e) => e.type === 'person' && e.text === name)).toBe(true);
    const added = withModel.entities.filter((e) => e.by === 'model');
    expect(added.length).toBeGreaterThan(0);
    const sorted = [...withModel.entities].sort((a, b) => a.start - b.start);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k].start).toBeGreaterThanOrEqual(sorted[k - 1].end);
    for (const e of added) expect(text.slice(e.start, e.end).replace(/\s+/g, '')).toBe(e.text);
    for (const e of added) {
      if (e.type === 'person') expect(e.text).not.toMatch(/政协|委员|[班会局部]$/);
      if (e.type === 'organization') expect(e.text).not.toMatch(/^[全各本该每由在][省市县区]|^.{0,2}政协$/);
      if (e.type === 'position') expect(text.slice(e.end, e.end + 1)).not.toBe('们');
    }
  });
});
