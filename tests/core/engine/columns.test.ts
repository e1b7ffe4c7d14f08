// The candidate columns the engine merges without the model, and the shared entity texts.
import { describe, expect, it } from 'vitest';
import { CandStore, B_RULE, F_LOOSE, F_WEAK, T_DATE, T_PLACE } from '../../../src/core/cands';
import { analyze, prepare, recognise } from '../../../src/core/engine';
import { segment } from '../../../src/core/segment';
import { findRuleEntities } from '../../../src/core/rules';

describe('CandStore', () => {
  it('keeps every field across growth', () => {
    const st = new CandStore(1);
    const info = { id: 'x' };
    for (let k = 0; k < 1000; k++) st.push(k % 2 ? T_PLACE : T_DATE, k, k + 2, B_RULE, k % 4, k === 999 ? info : undefined, k % 3 === 0 ? F_WEAK | F_LOOSE : 0);
    expect(st.n).toBe(1000);
    for (const k of [0, 1, 17, 512, 999]) {
      expect([st.typeName(k), st.start[k], st.end[k], st.by[k], st.prio[k], st.flags[k]]).toEqual([
        k % 2 ? 'place' : 'date',
        k,
        k + 2,
        B_RULE,
        k % 4,
        k % 3 === 0 ? F_WEAK | F_LOOSE : 0,
      ]);
    }
    expect(st.info[999]).toBe(info);
    expect(st.info[998]).toBeUndefined();
  });

  it('come out of recognise() as the spans analyze() reports, with their fields', () => {
    const text = '市政协主席王毅、副主席李强出席。2023年3月5日，省科技厅厅长张伟主持会议。学习邓小平理论。';
    const p = prepare(text);
    const r = recognise(p, segment(p.norm, p.text), { model: false });
    const a = analyze(text, { model: false });
    expect(r.map((c) => [c.type, p.norm.map[c.start], p.norm.map[c.end - 1] + 1, c.by, c.info])).toEqual(
      a.entities.map((e) => [e.type, e.start, e.end, e.by, e.info]),
    );
    const rules = findRuleEntities(p.text);
    for (const c of r.filter((x) => x.by === 'rule')) expect(rules).toContainEqual(c);
  });
});

describe('entity texts', () => {
  it('are the analysis text of each span, shared between mentions', () => {
    // many mentions of few texts, and enough distinct ones to grow the table
    const names: string[] = [];
    for (let k = 0; k < 3000; k++) names.push(`${2000 + (k % 100)}年${(k % 12) + 1}月${(k % 28) + 1}日`);
    const text = `${names.join('，')}。甘肃省兰州市、甘肃省兰州市、白银市。lone \ud800 2020年1月1日`;
    const p = prepare(text);
    const r = analyze(text, { model: false });
    expect(r.entities.length).toBeGreaterThan(3000);
    for (const e of r.entities) expect(e.text).toBe(p.text.slice(p.norm.map.indexOf(e.start), p.norm.map.indexOf(e.end - 1) + 1));
    const dates = r.entities.filter((e) => e.type === 'date').map((e) => e.text);
    expect(new Set(dates).size).toBeGreaterThan(1024);
  });
});
