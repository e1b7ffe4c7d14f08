import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPolicyTerms, PATTERN_GLOSS, type TermMatch } from '../../../src/core/lexicon/index';
import { findPatternTerms } from '../../../src/core/lexicon/patterns';

const texts = (ms: TermMatch[]) => ms.map((m) => m.text);
const byText = (ms: TermMatch[], t: string) => ms.find((m) => m.text === t);

describe('findPolicyTerms on composed sentences', () => {
  it('finds lexicon terms with glosses, ids and offsets', () => {
    const s = '会议强调，要深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。';
    const ms = findPolicyTerms(s);
    expect(texts(ms)).toEqual(['两个确立', '四个意识', '四个自信', '两个维护']);
    for (const m of ms) {
      expect(m.by).toBe('lexicon');
      expect(s.slice(m.start, m.end)).toBe(m.text);
      expect(m.info.gloss).toBeTruthy();
    }
    expect(ms[0].info).toMatchObject({ id: 'liang-ge-queli', level: 'national', category: 'concept', source: '党的十九届六中全会' });
  });

  it('prefers the longest term and reports the canonical form of a variant', () => {
    const s = '深入学习贯彻党的二十大精神和全国两会精神，贯彻落实中央八项规定精神。';
    const ms = findPolicyTerms(s);
    expect(texts(ms)).toEqual(['党的二十大', '全国两会', '中央八项规定精神']);
    const v = findPolicyTerms('二十大以来，各地推进“双碳”工作。');
    expect(v[0]).toMatchObject({ text: '二十大', info: { canonical: '党的二十大', id: 'dang-ershi-da' } });
    expect(v[1]).toMatchObject({ text: '双碳', info: { canonical: '碳达峰碳中和' } });
    // Matched by the canonical term itself: no canonical field.
    expect(byText(ms, '全国两会')?.info.canonical).toBeUndefined();
  });

  it('marks provincial terms with their region', () => {
    const ms = findPolicyTerms('县政协以“三抓三促”行动为抓手，服务强省会战略。');
    expect(texts(ms)).toEqual(['三抓三促', '强省会战略']);
    expect(ms[0].info).toMatchObject({ level: 'provincial', region: '甘肃', category: 'campaign' });
    expect(ms[1].info.canonical).toBe('强省会');
  });

  it('does not match inside longer numbers or excluded words', () => {
    // 十三个代表团: not 三个代表; 加强省会: not 强省会; 第二十大类: not 二十大.
    expect(findPolicyTerms('共有十三个代表团参加审议。')).toEqual([]);
    expect(findPolicyTerms('三个代表团分组讨论。')).toEqual([]);
    expect(findPolicyTerms('加强省会城市规划管理。')).toEqual([]);
    expect(findPolicyTerms('该商品属于第二十大类。')).toEqual([]);
    expect(texts(findPolicyTerms('践行“三个代表”重要思想。'))).toEqual(['三个代表']);
    expect(texts(findPolicyTerms('践行三个代表重要思想。'))).toEqual(['三个代表重要思想']);
  });

  it('returns sorted, non-overlapping matches', () => {
    const s = '围绕建设“三城五地”和推进“十大行动”，牢固树立“四个一线”意识，助推黄河流域生态保护和高质量发展。';
    const ms = findPolicyTerms(s);
    for (let i = 1; i < ms.length; i++) expect(ms[i].start).toBeGreaterThanOrEqual(ms[i - 1].end);
    expect(texts(ms)).toEqual(['三城五地', '十大行动', '四个一线', '黄河流域生态保护和高质量发展']);
    expect(byText(ms, '三城五地')).toMatchObject({ by: 'pattern', info: { gloss: PATTERN_GLOSS } });
    expect(byText(ms, '十大行动')?.info.category).toBe('programme');
  });

  it('includes a session number written before a meeting name', () => {
    const ms = findPolicyTerms('市政协召开八届十七次主席会议，筹备十三届九次常委会会议和常委会会议。');
    expect(texts(ms)).toEqual(['八届十七次主席会议', '十三届九次常委会会议', '常委会会议']);
    expect(ms[0].info.id).toBe('zhuxi-huiyi');
  });

  it('keeps a quoted campaign name whole when it contains a lexicon term', () => {
    const ms = findPolicyTerms('以“能力作风建设提升年”活动为载体，加强作风建设。');
    expect(ms.map((m) => [m.text, m.by])).toEqual([
      ['能力作风建设提升年', 'pattern'],
      ['作风建设', 'lexicon'],
    ]);
  });

  it('lets the lexicon win over a pattern on the same span', () => {
    const ms = findPolicyTerms('认真落实“三严三实”要求。');
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ text: '三严三实', by: 'lexicon' });
  });

  it('handles empty text and text without terms', () => {
    expect(findPolicyTerms('')).toEqual([]);
    expect(findPolicyTerms('今天天气晴朗，市民纷纷外出踏青。')).toEqual([]);
  });
});

describe('numbered-slogan patterns', () => {
  const pat = (s: string) => findPatternTerms(s).map((m) => s.slice(m.start, m.end));

  it('rejects ordinary quantities', () => {
    expect(pat('项目建设用了两个月，三个人轮流值守。')).toEqual([]);
    expect(pat('报告分为四个方面，涉及五个部门和六个项目。')).toEqual([]);
    expect(pat('他在两个小时内走访了三个村。')).toEqual([]);
    expect(findPolicyTerms('历时两个月，三个人参与。')).toEqual([]);
  });

  it('rejects session numbers, dates, idioms and place names of the NXMY shape', () => {
    expect(pat('市政协召开八届六次主席会议和十三届九次常委会会议。')).toEqual([]);
    expect(pat('大家一心一意谋发展，四面八方来支援，不能三心二意。')).toEqual([]);
    expect(pat('一年一度的活动在三月五日举行。')).toEqual([]);
    expect(pat('四川三台县的代表发言。')).toEqual([]);
  });

  it('accepts paired numeral coinages, quoted or not', () => {
    expect(pat('全面开展三抓三促行动。')).toEqual(['三抓三促']);
    expect(pat('加快建设“三城五地”。')).toEqual(['三城五地']);
    expect(pat('深入推进双招双引工作。')).toEqual(['双招双引']);
  });

  it('accepts N大 programmes only with a programme-like head', () => {
    expect(pat('实施六大工程，打好三大攻坚战，培育四大产业集群。')).toEqual(['六大工程', '三大攻坚战', '四大产业集群']);
    expect(pat('他读完了四大名著，游遍五大洲。')).toEqual([]);
    expect(pat('实施十大项目，西直门是三大交通枢纽之一，设三大比赛项目。')).toEqual(['十大项目']);
    expect(pat('党的一大会址和党的十三大报告。')).toEqual([]);
  });

  it('accepts N个X only in quotes, with a formulation frame or as N个一X', () => {
    expect(pat('牢固树立“四个一线”意识。')).toEqual(['四个一线']);
    expect(pat('牢固树立四个一线意识。')).toEqual(['四个一线']);
    expect(pat('强化三个导向意识。')).toEqual(['三个导向']);
    expect(pat('提出了三个问题。')).toEqual([]);
    expect(pat('传达两个会议精神，部署四个专项行动。')).toEqual([]);
    expect(pat('“两个月”以后再说。')).toEqual([]);
  });

  it('recognises numbered plenary sessions but not other session numbers', () => {
    expect(pat('省委十四届三次全会和市委七届九中全会召开。')).toEqual(['十四届三次全会', '七届九中全会']);
    expect(pat('市政协八届七次常委会会议')).toEqual([]);
    const ms = findPolicyTerms('党的十九届六中全会和省委十四届三次全会');
    expect(ms.map((m) => [m.text, m.by])).toEqual([
      ['党的十九届六中全会', 'lexicon'],
      ['十四届三次全会', 'pattern'],
    ]);
    expect(ms[1].info.category).toBe('meeting');
  });

  it('accepts quoted chains of numbered groups', () => {
    expect(pat('推进“一园两区三基地”建设。')).toEqual(['一园两区三基地']);
    expect(pat('他总是“一心一意”。')).toEqual([]);
    expect(pat('活动“一年一度”。')).toEqual([]);
    expect(pat('正是“十年磨一剑”。')).toEqual([]);
  });

  it('accepts quoted campaign names and parallel slogans', () => {
    expect(pat('以开展“能力作风建设提升年”活动为载体。')).toEqual(['能力作风建设提升年']);
    expect(pat('聚焦“工业强市、产业兴市”的思路举措。')).toEqual(['工业强市、产业兴市']);
    // A quoted name without a programme frame, a title with 的, a comma couplet: no.
    expect(pat('他说“风雨同舟路”很长。')).toEqual([]);
    expect(pat('举办“献给母亲的一句话”活动。')).toEqual([]);
    expect(pat('正所谓“不以物喜，不以己悲”。')).toEqual([]);
  });

  it('accepts short quoted numeral forms but not 一X', () => {
    expect(pat('深入实施“四强”行动。')).toEqual(['四强']);
    expect(pat('提出“五城同创”目标。')).toEqual(['五城同创']);
    // Without a programme word after the quote: not reported.
    expect(pat('拒当“三陪”而受伤。')).toEqual([]);
    expect(pat('反对“一刀切”，落实“一把手”责任。')).toEqual([]);
  });
});

describe('sample bulletin', () => {
  const raw = readFileSync(new URL('../../../../shared/fixtures/sample-bulletin.txt', import.meta.url), 'utf8');
  const text = raw.replace(/\s+/g, '');
  const ms = findPolicyTerms(text);
  const found = new Set(texts(ms));

  it('finds the bulletin’s policy terms after whitespace removal', () => {
    for (const t of ['三抓三促', '两个确立', '全国两会', '三城五地', '十大行动', '四个一线', '党的二十大']) {
      expect(found.has(t), t).toBe(true);
    }
    expect(ms.filter((m) => m.text === '三抓三促').length).toBeGreaterThanOrEqual(8);
  });

  it('reports spans that are exact slices of the text', () => {
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
