// Two merge readings beyond "first come, first served": the model's longer reading of a name
// wins over a title rule's shorter one, and a person inside a policy term is kept beside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, registerModel } from '../../../src/core';
import { tagEntities } from '../../../src/core/ner';
import type { Entity } from '../../../src/core/types';

const of = (es: Entity[], type: string) => es.filter((e) => e.type === type).map((e) => e.text);

describe('merge of rules and model', () => {
  beforeAll(() => registerModel((t) => tagEntities(t)));
  afterAll(() => registerModel(null));

  it('keeps the person a policy term is named after, on a layer of its own, in text order', () => {
    const text = '会议要求，要深入学习邓小平理论，认真贯彻党的二十大精神。';
    const r = analyze(text);
    expect(of(r.entities, 'policy_term')).toContain('邓小平理论');
    expect(of(r.entities, 'person')).toContain('邓小平');
    const term = r.entities.find((e) => e.text === '邓小平理论')!;
    const person = r.entities.find((e) => e.text === '邓小平')!;
    expect(person.start).toBe(term.start);
    expect(r.entities.indexOf(term)).toBeLessThan(r.entities.indexOf(person));
    // without the model's names, the rules keep the term whole and find no person in it
    expect(of(analyze(text, { model: false }).entities, 'person')).not.toContain('邓小平');
  });

  it('reads a ·-joined foreign name whole even after a title', () => {
    const r = analyze('美国斯坦福大学校长盖哈尔·卡斯帕尔在接受记者采访时说，两校合作前景广阔。');
    expect(of(r.entities, 'person')).toContain('盖哈尔·卡斯帕尔');
    expect(of(r.entities, 'person')).not.toContain('盖哈尔');
  });

  it("keeps a rule's whole name where the model read only part of it", () => {
    const r = analyze('会议传达学习了习近平总书记近期重要讲话精神。');
    expect(of(r.entities, 'person')).toEqual(['习近平']);
  });

  it('with the model on, a word before a verb that the model did not call a name is not a person', () => {
    expect(of(analyze('许多人认为，这是目前的必然结果。').entities, 'person')).toEqual([]);
    expect(of(analyze('许多人认为，这是目前的必然结果。', { model: false }).entities, 'person')).toEqual(['许多人']);
  });

  it('does not read a title inside 大使馆', () => {
    const r = analyze('据美国驻华大使馆副领事史建邦介绍，签证有效期延长为一年。', { model: false });
    expect(of(r.entities, 'position')).not.toContain('大使');
  });
});
