import { describe, expect, it } from 'vitest';
import { findRuleEntities, type Cand } from '../../../src/core/rules';

function found(text: string, type: Cand['type']): string[] {
  return findRuleEntities(text)
    .filter((c) => c.type === type)
    .map((c) => text.slice(c.start, c.end));
}

describe('rules: person', () => {
  it('title + name, with compound titles and lists', () => {
    expect(found('市政协党组书记、主席宋全科主持召开会议', 'person')).toEqual(['宋全科']);
    expect(found('外交部长王毅出席', 'person')).toEqual(['王毅']);
    expect(found('副主席王仁发、吴健、杨天标出席会议', 'person')).toEqual(['王仁发', '吴健', '杨天标']);
    expect(found('（通讯员苏天泰）', 'person')).toEqual(['苏天泰']);
  });

  it('names before verbs and forms of address', () => {
    expect(found('会议由张建国主持。', 'person')).toEqual(['张建国']);
    expect(found('，李红强调，要抓好落实', 'person')).toEqual(['李红']);
    expect(found('团结在以习近平同志为核心的党中央周围', 'person')).toEqual(['习近平']);
    expect(found('学习习近平总书记重要讲话', 'person')).toContain('习近平');
  });

  it('does not take ordinary words for names', () => {
    expect(found('会议强调，要把学习贯彻全国两会精神作为重要任务', 'person')).toEqual([]);
    expect(found('八届十七次主席会议召开', 'person')).toEqual([]);
    expect(found('各位同志', 'person')).toEqual([]);
  });
});

describe('rules: position', () => {
  it('title words, not words that merely contain them', () => {
    expect(found('市政协党组书记、主席宋全科', 'position')).toEqual(expect.arrayContaining(['党组书记', '主席']));
    expect(found('八届十七次主席会议', 'position')).toEqual([]);
    expect(found('政协委员会', 'position')).toEqual([]);
    expect(found('通讯员苏天泰', 'position')).toEqual(['通讯员']);
    expect(found('委员们进行了座谈', 'position')).toEqual([]);
  });
});

describe('rules: person after a title', () => {
  it('a verb of speech after the title is not a name', () => {
    expect(found('李克强总理强调，要稳增长。', 'person')).not.toContain('强调');
    expect(found('主席王毅强调，要加强团结。', 'person')).toContain('王毅');
  });
});

describe('rules: organization', () => {
  it('a party or ministry name is not read inside another word', () => {
    const o = (t: string) => found(t, 'organization');
    expect(o('他们由此转变为新中国公民进而成为主人。')).toEqual([]);
    expect(o('兰州市民盟召开会议。')).toContain('民盟');
    expect(o('教育部门一直很重视。')).toEqual([]);
    expect(o('教育部召开会议。')).toContain('教育部');
  });

  it('place/level + body, longest', () => {
    const orgs = found('3月22日，嘉峪关市政协党组书记、主席王毅主持召开市政协党组会议', 'organization');
    expect(orgs).toContain('嘉峪关市政协');
    expect(orgs).toContain('市政协');
    expect(found('审议了《政协天水市委员会2023年工作要点》', 'organization')).toContain('政协天水市委员会');
    expect(found('在县人民检察院举行', 'organization')).toEqual(['县人民检察院']);
    expect(found('加强与国家发改委、水利部的汇报沟通', 'organization')).toEqual(['国家发改委', '水利部']);
    expect(found('民革省委会在提案中建议', 'organization')).toEqual(['民革省委会']);
    expect(found('传达了中央、省委有关会议精神', 'organization')).toEqual(['省委']);
    expect(found('全国政协举行双周协商座谈会', 'organization')).toEqual(['全国政协']);
  });

  it('uses known places when given', () => {
    const text = '召开会议，推动通渭县人民政府落实';
    const s = text.indexOf('通渭县');
    const orgs = findRuleEntities(text, { places: [{ start: s, end: s + 3 }] }).filter((c) => c.type === 'organization');
    expect(orgs.map((o) => text.slice(o.start, o.end))).toEqual(['通渭县人民政府']);
  });

  it('departments (level + name + 厅/局) and chained places', () => {
    expect(found('与省科技厅签署合作协议', 'organization')).toEqual(['省科技厅']);
    expect(found('市教育局局长出席', 'organization')).toEqual(['市教育局']);
    expect(found('这是大局，不是格局', 'organization')).toEqual([]);
    const text = '武威市凉州区人民法院审结案件';
    const places = [{ start: 0, end: 3 }, { start: 3, end: 6 }];
    const orgs = findRuleEntities(text, { places }).filter((c) => c.type === 'organization');
    expect(orgs.map((o) => text.slice(o.start, o.end))).toEqual(['武威市凉州区人民法院']);
  });

  it('does not build an organisation from 全市 or a verb phrase', () => {
    expect(found('，推动全市政协工作迈上新台阶', 'organization')).toEqual([]);
    expect(found('主持召开市政协会议', 'organization')).toEqual(['市政协']);
  });
});

describe('rules: date', () => {
  it('absolute dates only', () => {
    expect(found('2023年3月22日，3月23日，2023年工作要点，二〇二三年三月', 'date')).toEqual(['2023年3月22日', '3月23日', '2023年', '二〇二三年三月']);
    expect(found('近日，今年，为期3天，第12345年', 'date')).toEqual([]);
    expect(found('13月45日', 'date')).toEqual([]);
  });
});

describe('rules: keyword tables', () => {
  it('find the longest word at a position, one-char words included, and nothing outside the text', async () => {
    const { Keywords } = await import('../../../src/core/rules/lexicon');
    const kw = new Keywords(['委', '委员', '委员长', '副委员长', '人民代表大会', '人民代表大会常务委员会', '人民政府']);
    expect(kw.at('全国人大常委会副委员长', 7)).toBe('副委员长');
    expect(kw.at('副委员长', 1)).toBe('委员长');
    expect(kw.at('委员会', 0)).toBe('委员');
    expect(kw.at('省委', 1)).toBe('委');
    expect(kw.at('人民代表大会常务委员会议', 0)).toBe('人民代表大会常务委员会');
    expect(kw.at('人民代表大', 0)).toBeNull();
    expect(kw.at('人民', 0)).toBeNull();
    expect(kw.at('委', 1)).toBeNull();
    expect(kw.at('委', -1)).toBeNull();
  });
});
