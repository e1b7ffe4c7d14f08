import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, analyzeBlocks, registerModel, toSimplified } from '../../../src/core';

const FIX = resolve(__dirname, '../../fixtures/core');
const SAMPLE = resolve(__dirname, '../../../../shared/fixtures/sample-bulletin.txt');
const fold = (s: string): string => s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

function checkOffsets(text: string): void {
  const r = analyze(text);
  expect(r.text).toBe(text);
  expect(r.entities.length).toBeGreaterThan(0);
  for (const e of r.entities) {
    const raw = text.slice(e.start, e.end);
    expect(toSimplified(fold(raw.replace(/[\s\u200b\ufeff]+/g, '')))).toBe(e.text);
  }
  for (const a of r.articles) {
    expect(a.start).toBeLessThan(a.end);
    if (a.dateline) expect(toSimplified(text.slice(a.dateline.start, a.dateline.end).replace(/\s+/g, ''))).toBe(a.dateline.text);
  }
}

describe('analyze', () => {
  afterEach(() => registerModel(null));

  it('every entity maps back to the original text (sample, composed, traditional)', () => {
    checkOffsets(readFileSync(SAMPLE, 'utf8'));
    checkOffsets(readFileSync(resolve(FIX, 'composed-bulletin.txt'), 'utf8'));
    checkOffsets(readFileSync(resolve(FIX, 'traditional.txt'), 'utf8'));
  });

  it('the sample: people from context, organisations over the places inside them', () => {
    const r = analyze(readFileSync(SAMPLE, 'utf8'));
    const of = (t: string) => new Set(r.entities.filter((e) => e.type === t).map((e) => e.text));
    for (const p of ['王毅', '宋全科', '王燕', '齐永刚', '梁英', '刘树武', '高磊', '马彦龙', '蒲陇鹏', '习近平']) expect(of('person')).toContain(p);
    for (const o of ['嘉峪关市政协', '通渭县政协', '县人民检察院', '政协天水市委员会', '民革省委会', '国家发改委', '水利部']) expect(of('organization')).toContain(o);
    // 嘉峪关市 inside 嘉峪关市政协 is not reported as a place
    const org = r.entities.find((e) => e.text === '嘉峪关市政协')!;
    expect(r.entities.some((e) => e.type === 'place' && e.start >= org.start && e.end <= org.end)).toBe(false);
    // one entity per span
    const sorted = [...r.entities].sort((a, b) => a.start - b.start);
    for (let k = 1; k < sorted.length; k++) expect(sorted[k].start).toBeGreaterThanOrEqual(sorted[k - 1].end);
    // article index: the dateline reporter belongs to its report, the trailing label to none
    const wang = r.entities.find((e) => e.text === '王毅')!;
    expect(r.articles[wang.article!].dateline?.place).toBe('嘉峪关');
    expect(r.entities.every((e) => e.article === null || (e.article >= 0 && e.article < r.articles.length))).toBe(true);
  });

  it('traditional input gives the same entities as simplified', () => {
    const trad = readFileSync(resolve(FIX, 'traditional.txt'), 'utf8');
    const simp = toSimplified(trad);
    const a = analyze(trad);
    const b = analyze(simp);
    const key = (r: ReturnType<typeof analyze>) => r.entities.map((e) => `${e.type}:${e.text}:${e.start}:${e.end}`);
    expect(key(a)).toEqual(key(b));
    expect(a.entities.map((e) => e.text)).toEqual(expect.arrayContaining(['市政协', '党组书记', '主席']));
    expect(a.articles[0].title).toBe(b.articles[0].title);
  });

  it('types filter and analyzeBlocks', () => {
    const r = analyzeBlocks(['市政协主席梁英出席', '本报讯（记者 赵强 刘鹰）1月13日，会议召开。'], { types: ['person'] });
    expect(r.text).toBe('市政协主席梁英出席\n本报讯（记者 赵强 刘鹰）1月13日，会议召开。');
    expect(r.entities.map((e) => e.text)).toEqual(['梁英', '赵强', '刘鹰']);
    expect(new Set(r.entities.map((e) => e.type))).toEqual(new Set(['person']));
  });

  it('model spans only fill gaps the rules leave; rules win where they overlap', () => {
    const text = '嘉峪关市政协主席王毅主持会议，会后张小北参观了展览。';
    registerModel((t) => {
      const out: Array<{ type: 'person' | 'place' | 'organization' | 'position'; start: number; end: number }> = [];
      const a = t.indexOf('嘉峪关');
      out.push({ type: 'place', start: a, end: a + 3 }); // inside a rule org: dropped
      const w = t.indexOf('王毅主');
      out.push({ type: 'person', start: w, end: w + 3 }); // crosses a rule person: dropped
      const z = t.indexOf('张小北');
      out.push({ type: 'person', start: z, end: z + 3 }); // free text: kept
      return out;
    });
    const withModel = analyze(text);
    expect(withModel.entities.filter((e) => e.by === 'model').map((e) => e.text)).toEqual(['张小北']);
    expect(withModel.entities.find((e) => e.text === '王毅')?.by).toBe('rule');
    const without = analyze(text, { model: false });
    expect(without.entities.some((e) => e.by === 'model')).toBe(false);
  });

  it('model spans that are not word-shaped are dropped', () => {
    const text = '会议强调，“连心桥”搭起来了，和文史工作者座谈。';
    registerModel((t) => [
      { type: 'place', start: t.indexOf('“'), end: t.indexOf('桥') + 1 }, // starts with a quote
      { type: 'person', start: t.indexOf('和文'), end: t.indexOf('和文') + 2 }, // 和 here is a conjunction
      { type: 'organization', start: t.indexOf('工作'), end: t.indexOf('工作') + 2 }, // not an organisation's ending
      { type: 'position', start: t.indexOf('工作者'), end: t.indexOf('工作者') + 3 },
    ]);
    expect(analyze(text).entities.filter((e) => e.by === 'model').map((e) => e.text)).toEqual(['工作者']);
  });

  it('model junk typical of bulletin prose is filtered on linguistic grounds', () => {
    const text = '立足政协职能，推动全市政协工作，培训班上委员们发言，发挥委员作用。张明华出席。';
    const span = (type: 'person' | 'place' | 'organization' | 'position', s: string) => ({ type, start: text.indexOf(s), end: text.indexOf(s) + s.length });
    registerModel(() => [
      span('organization', '立足政协'), // a verb before a bare body
      span('organization', '全市政协'), // a determiner + level: no particular body
      span('person', '培训班'), // a collective noun, no surname
      span('position', '委员们'.slice(0, 2)), // 委员们: plural, a role in general
      span('position', '挥委员'), // 发挥 split
      span('person', '张明华'),
    ]);
    expect(analyze(text).entities.filter((e) => e.by === 'model').map((e) => e.text)).toEqual(['张明华']);
  });

  it('the model overrules weak rule spans; an outer model organisation wins over a rule org inside it', () => {
    const text = '兰州大学和省政协文化文史和学习委员会联合举办。';
    registerModel((t) => [
      { type: 'organization', start: 0, end: 4 }, // 兰州大学 over the bare gazetteer name 兰州
      { type: 'organization', start: t.indexOf('省政协'), end: t.indexOf('委员会') + 3 },
    ]);
    const r = analyze(text);
    expect(r.entities.map((e) => `${e.type}:${e.text}`)).toEqual(['organization:兰州大学', 'organization:省政协文化文史和学习委员会']);
    // without the model the rules' own reading stands
    expect(analyze(text, { model: false }).entities.map((e) => `${e.type}:${e.text}`)).toEqual(
      expect.arrayContaining(['place:兰州', 'organization:省政协']),
    );
  });

  it('no title is proposed inside a dateline; the reporters come from the dateline rules', () => {
    const text = '本报平凉讯（通讯员孙立平）3月23日，会议召开。';
    registerModel((t) => [
      { type: 'position', start: t.indexOf('通讯员'), end: t.indexOf('通讯员') + 3 },
      { type: 'person', start: t.indexOf('孙立平'), end: t.indexOf('孙立平') + 2 },
    ]);
    const r = analyze(text);
    expect(r.entities.filter((e) => e.type === 'person').map((e) => [e.text, e.by])).toEqual([['孙立平', 'rule']]);
    expect(r.entities.some((e) => e.by === 'model')).toBe(false);
  });

  it('a model that throws leaves the rule results intact', () => {
    const text = '市政协主席梁英出席会议。';
    const before = analyze(text, { model: false }).entities;
    registerModel(() => {
      throw new Error('incompatible weights');
    });
    expect(analyze(text).entities).toEqual(before);
  });

  it('empty and whitespace-only input', () => {
    expect(analyze('')).toEqual({ text: '', articles: [], entities: [] });
    expect(analyze(' \n\n ').articles).toEqual([]);
  });
});
