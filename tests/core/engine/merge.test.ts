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

// The merge policy with a stand-in tagger: each case fixes what "the model read" so the test is
// about the engine's rules, not about one model's weights.
describe('merge policy (stand-in model)', () => {
  afterAll(() => registerModel(null));

  /** A tagger that reads the given words (first occurrence in each piece) as the given types. */
  function stub(spans: Array<[string, Entity['type']]>): void {
    registerModel((t) => {
      const out: Array<{ type: Entity['type']; start: number; end: number }> = [];
      for (const [w, type] of spans) {
        const i = t.indexOf(w);
        if (i >= 0) out.push({ type, start: i, end: i + w.length });
      }
      return out;
    });
  }
  const found = (text: string, opts?: { model: boolean }) => analyze(text, opts).entities.map((e) => `${e.text}/${e.type}`);

  it('reads <place>政府 as the place where the model read the place alone', () => {
    const text = '中国政府对此表示欢迎。';
    stub([['中国', 'place']]);
    expect(found(text)).toEqual(['中国/place']);
    expect(found(text, { model: false })).toEqual(['中国政府/organization']);
    // where the model read an organisation over 政府, the organisation stays
    stub([['中国政府', 'organization']]);
    expect(found(text)).toEqual(['中国政府/organization']);
    // the formal name <place>人民政府 stays an organisation
    stub([['甘肃省', 'place']]);
    expect(found('甘肃省人民政府副省长一行到天水市调研。')).toContain('甘肃省人民政府/organization');
    // a bare <level>政府 the model read as nothing goes too
    stub([]);
    expect(found('县委、县政府决定用三年时间完成改造。')).not.toContain('县政府/organization');
  });

  it('gives the head of a rule title to the organisation name the model read', () => {
    stub([['民航局', 'organization']]);
    expect(found('停止包括民航局长在内的官员职务。')).toEqual(['民航局/organization']);
    stub([['北大党委', 'organization'], ['任彦申', 'person']]);
    expect(found('北大党委书记任彦申出席。')).toEqual(['北大党委/organization', '书记/position', '任彦申/person']);
    expect(found('北大党委书记任彦申出席。', { model: false })).toContain('党委书记/position');
    // where the rules end an organisation where the title starts, their reading stands
    stub([['市政协党组', 'organization'], ['何建国', 'person']]);
    const r = found('市政协党组书记、主席何建国主持会议。');
    expect(r).toContain('市政协/organization');
    expect(r).toContain('党组书记/position');
    expect(r).not.toContain('市政协党组/organization');
  });

  it('drops a name read only from the title before it where the model read no entity', () => {
    stub([]);
    const text = '新当选的总理周末表示，要加大改革力度。';
    expect(found(text, { model: false })).toContain('周末/person');
    expect(found(text)).not.toContain('周末/person');
    // a dateline's reporter is read by structure and stays
    expect(found('本报平凉讯（通讯员孙立平）3月23日，市政协召开主席会议。')).toContain('孙立平/person');
  });

  it('reads a two-character name that starts with a function character only next to a title or a form of address', () => {
    stub([['于青', 'person']]);
    expect(found('本报记者于青报道：会谈在东京举行。')).toContain('于青/person');
    stub([['于是', 'person']]);
    expect(found('会议结束，于是大家各自回去。')).not.toContain('于是/person');
  });

  it('cuts the verb 为 off a name the model ran into it', () => {
    stub([['罗燕为', 'person']]);
    expect(found('大会选举罗燕为副主席。')).toEqual(['罗燕/person', '副主席/position']);
  });

  it('keeps one-character places only as known abbreviations or side by side', () => {
    stub([['黄', 'place'], ['淮', 'place']]);
    expect(found('黄淮、江淮地区有中到大雨。')).toEqual(['黄/place', '淮/place']);
    stub([['黄', 'place']]);
    expect(found('他们在黄山看日出。')).not.toContain('黄/place');
    stub([['阿', 'place']]);
    expect(found('阿官方首次宣布伤亡人数。')).toContain('阿/place');
  });

  it('filters model organisations by shape: Latin names and paired brackets in, generic kinds and open quotes out', () => {
    stub([['Blizzard', 'organization']]);
    expect(found('Blizzard在愚人节发布了新游戏。')).toEqual(['Blizzard/organization']);
    stub([['花旗银行（中国）有限公司', 'organization']]);
    expect(found('昨日，花旗银行（中国）有限公司宣布降息。')).toEqual(['花旗银行（中国）有限公司/organization']);
    stub([['“协会', 'organization']]);
    expect(found('他加入了“协会的工作。')).toEqual([]);
    stub([['有限责任公司', 'organization']]);
    expect(found('多数企业选择有限责任公司的形式。')).toEqual([]);
  });

  it('keeps a full place name run into the text where every model reading across it lost', () => {
    const text = '据了解，今年以来临夏州共收集社情民意信息126条。';
    // the model saw a name there but not its bounds: its reading crosses a listed term and loses
    stub([['夏州共收集社', 'organization']]);
    expect(found(text)).toContain('临夏州/place');
    // where the model read nothing, a name run into the text on its left is not trusted
    stub([]);
    expect(found(text)).not.toContain('临夏州/place');
    // where a reading of the model's was kept, it stands
    stub([['夏州', 'place']]);
    expect(found(text)).toContain('夏州/place');
    expect(found(text)).not.toContain('临夏州/place');
  });

  it('reads an organisation named after a policy term as one name', () => {
    stub([['邓小平理论研究中心', 'organization']]);
    expect(found('学院成立邓小平理论研究中心，突出重点。')).toEqual(['邓小平理论研究中心/organization']);
    expect(found('学院成立邓小平理论研究中心，突出重点。', { model: false })).toContain('邓小平理论/policy_term');
  });

  it('gives back a character the model took from the word before a landscape name', () => {
    stub([['焦洞庭湖', 'place']]);
    expect(found('岳阳市政协聚焦洞庭湖生态保护。')).toContain('洞庭湖/place');
    expect(found('岳阳市政协聚焦洞庭湖生态保护。')).not.toContain('焦洞庭湖/place');
    // after punctuation the first character is the name's own
    stub([['东洞庭湖', 'place']]);
    expect(found('考察了君山，东洞庭湖湿地保护区。')).toContain('东洞庭湖/place');
    // a county remainder is no evidence: 中南海 is not 中 + 南海
    stub([['中南海', 'place']]);
    expect(found('国家主席今天下午在中南海会见外宾。')).toContain('中南海/place');
  });

  it('does not read 中 in 中医药 as China, but does in 中方', () => {
    stub([['中', 'place']]);
    expect(found('推进中医药传承创新发展。').filter((x) => x.endsWith('/place'))).toEqual([]);
    expect(found('中方愿同各方一道落实共识。')).toEqual(['中/place']);
  });

  it('does not let a model span run from ideographs into Latin text across a space or a line break', () => {
    stub([['李明Copyright人民政协', 'organization']]);
    expect(found('责任编辑：李 明\nCopyright 人民政协网 版权所有')).not.toContain('李明Copyright人民政协/organization');
    // a piece without an ideograph is not given to the model at all
    stub([['Copyright', 'person']]);
    expect(found('责任编辑：李明\nCopyright 人民政协网 版权所有')).not.toContain('Copyright/person');
    // joined to Chinese text, a Latin name still reaches the model
    stub([['Svensson', 'person']]);
    expect(found('Svensson说，瑞典代表团访华。')).toContain('Svensson/person');
  });
});

describe('ties between spans of equal length', () => {
  it("go to the more certain source: a dateline's date over the date pattern, model off and on", () => {
    const text = '本报平凉讯（通讯员孙景慧）3月23日，平凉市政协召开党组会议。会议定于4月2日再次召开。';
    for (const model of [false, true]) {
      const dates = analyze(text, { model }).entities.filter((e) => e.type === 'date');
      expect(dates.map((e) => [e.text, e.by])).toEqual([
        ['3月23日', 'rule'],
        ['4月2日', 'pattern'],
      ]);
    }
  });
});
