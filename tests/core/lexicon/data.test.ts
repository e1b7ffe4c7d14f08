import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPILED_PATH, DATA_PATH, loadLexicon } from '../../../scripts/build-lexicon';
import { compileLexicon } from '../../../src/core/lexicon/compile';
import { getTerm, termCount } from '../../../src/core/lexicon/index';
import { GLOSS_MAX, glossLength, validateLexicon } from '../../../src/core/lexicon/schema';

const raw = JSON.parse(readFileSync(DATA_PATH, 'utf8')) as { entries: Record<string, unknown>[] };

describe('policy-terms.json', () => {
  const entries = loadLexicon();

  it('validates without errors', () => {
    expect(validateLexicon(raw).errors).toEqual([]);
  });

  it('has at least 300 national entries and some provincial and local ones', () => {
    expect(entries.filter((e) => e.level === 'national').length).toBeGreaterThanOrEqual(300);
    expect(entries.filter((e) => e.level === 'provincial').length).toBeGreaterThanOrEqual(10);
    expect(entries.filter((e) => e.level === 'local').length).toBeGreaterThanOrEqual(3);
  });

  it('gives every entry a gloss, level and category, and regions below national', () => {
    for (const e of entries) {
      expect(e.gloss.length, e.id).toBeGreaterThan(0);
      expect(glossLength(e.gloss), e.id).toBeLessThanOrEqual(GLOSS_MAX);
      expect(['national', 'provincial', 'local']).toContain(e.level);
      expect(['slogan', 'campaign', 'meeting', 'document', 'programme', 'concept']).toContain(e.category);
      if (e.level !== 'national') expect(e.region, e.id).toBeTruthy();
    }
  });

  it('covers the core formulations named in the brief', () => {
    const surfaces = new Set(entries.flatMap((e) => [e.term, ...e.variants]));
    for (const t of [
      '两个确立', '两个维护', '四个意识', '四个自信', '两个一百年', '五位一体', '四个全面', '三新一高', '三个代表',
      '八项规定', '中央八项规定精神', '四风', '三严三实', '两学一做', '不忘初心牢记使命', '五大发展理念', '全国两会',
      '党的二十大', '二十届二中全会', '中央经济工作会议', '政协全体会议', '主席会议', '常委会会议',
      '习近平新时代中国特色社会主义思想', '中国式现代化', '高质量发展', '新发展理念', '新发展格局', '共同富裕',
      '全过程人民民主', '人类命运共同体', '乡村振兴', '一带一路', '脱贫攻坚', '黄河流域生态保护和高质量发展', '南水北调',
      '西部大开发', '东数西算', '碳达峰碳中和', '双碳', '放管服', '协商民主', '专门协商机构', '有事好商量', '委员工作站',
      '界别', '建言资政', '凝聚共识', '双向发力', '提案办理', '主题教育', '党史学习教育', '扫黑除恶', '作风建设',
      '政府工作报告', '中央一号文件', '十四五规划', '三抓三促', '强省会', '四强行动',
    ]) {
      expect(surfaces.has(t), t).toBe(true);
    }
  });

  it('compiled.ts is up to date with the JSON', () => {
    expect(readFileSync(COMPILED_PATH, 'utf8')).toBe(compileLexicon(entries));
  });

  it('exposes entries through getTerm and termCount', () => {
    expect(termCount()).toBe(entries.length);
    const t = getTerm('san-zhua-san-cu');
    expect(t?.term).toBe('三抓三促');
    expect(t?.level).toBe('provincial');
    expect(t?.region).toBe('甘肃');
    expect(getTerm('no-such-term')).toBeUndefined();
  });
});

describe('validateLexicon', () => {
  const good = {
    id: 'a-b',
    term: '甲乙',
    variants: [],
    level: 'national',
    category: 'concept',
    gloss: '说明',
  };
  const errorsOf = (entries: unknown[]) =>
    validateLexicon({ version: 1, entries }).errors.filter((e) => !/national entries/.test(e));

  it('accepts a well-formed entry', () => {
    expect(errorsOf([good])).toEqual([]);
  });

  it('reports duplicate ids and duplicate surfaces', () => {
    expect(errorsOf([good, { ...good, term: '丙丁' }]).join()).toMatch(/duplicate id/);
    expect(errorsOf([good, { ...good, id: 'c', term: '丙丁', variants: ['甲乙'] }]).join()).toMatch(/already used/);
  });

  it('reports missing or bad fields', () => {
    expect(errorsOf([{ ...good, gloss: '' }]).join()).toMatch(/gloss required/);
    expect(errorsOf([{ ...good, gloss: '长'.repeat(GLOSS_MAX + 1) }]).join()).toMatch(/gloss longer/);
    expect(errorsOf([{ ...good, level: 'provincial' }]).join()).toMatch(/region required/);
    expect(errorsOf([{ ...good, category: 'idea' }]).join()).toMatch(/bad category/);
    expect(errorsOf([{ ...good, id: 'Bad Id' }]).join()).toMatch(/ascii slug/);
    expect(errorsOf([{ ...good, term: '甲 乙' }]).join()).toMatch(/whitespace/);
    expect(errorsOf([{ ...good, extra: 1 }]).join()).toMatch(/unknown field/);
  });

  it('checks blockers contain one of the entry surfaces', () => {
    expect(errorsOf([{ ...good, exclude: ['丙丁戊'] }]).join()).toMatch(/contains none/);
    expect(errorsOf([{ ...good, exclude: ['甲乙丙'] }])).toEqual([]);
  });

  it('requires 300 national entries', () => {
    expect(validateLexicon({ version: 1, entries: [good] }).errors.join()).toMatch(/need 300/);
    expect(validateLexicon({ version: 2, entries: [good] }).errors.join()).toMatch(/unsupported version/);
    expect(validateLexicon([]).errors.join()).toMatch(/entries/);
  });
});
