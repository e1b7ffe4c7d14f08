// Bylines and datelines in the forms other papers print, through analyze() as the CLI sees them.
// Composed cases (not from the sample): each form once, as a reader would find it on a page.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/index';

const first = (text: string) => {
  const r = analyze(text, { model: false });
  const d = r.articles[0]?.dateline;
  return d && { agency: d.agency, place: d.place, reporters: d.reporters, date: d.date };
};

describe('bylines and datelines of other papers', () => {
  it('a byline line ending in 报道', () => {
    expect(first('本报记者 张晓明 报道\n4月2日，省政协召开常委会议，研究近期工作。')).toMatchObject({ agency: '本报', reporters: ['张晓明'] });
  });

  it('a byline line behind a typographic mark', () => {
    expect(first('■本报记者 王 芳\n4月2日，省政协召开常委会议，研究近期工作。')?.reporters).toEqual(['王芳']);
    expect(first('□本报记者 张 静 通讯员 孙 宇\n4月5日，市政协召开会议，研究近期工作。')?.reporters).toEqual(['张静', '孙宇']);
  });

  it('a byline with two roles and names spaced out character by character', () => {
    const d = first('本报记者 王 惠 兵 通讯员 李 娜\n5月8日至9日，全国政协组织委员赴湖北视察长江流域生态保护修复工作。');
    expect(d).toMatchObject({ agency: '本报', place: null, reporters: ['王惠兵', '李娜'] });
  });

  it('【本报讯】 in brackets', () => {
    expect(first('【本报讯】4月1日，市政协召开主席会议，主席赵刚主持。')).toMatchObject({ agency: '本报', date: '4月1日' });
  });

  it('本报 + place + date + 电', () => {
    expect(first('本报西宁4月1日电（记者 马 骏）青海省政协1日召开常委会议。')).toEqual({
      agency: '本报', place: '西宁', reporters: ['马骏'], date: '4月1日',
    });
  });

  it('据新华社 keeps the agency without 据', () => {
    expect(first('据新华社北京4月1日电 全国政协1日召开双周协商座谈会。')).toMatchObject({ agency: '新华社', place: '北京', date: '4月1日' });
  });

  it('names spaced out character by character in a reporter list are split two by two', () => {
    expect(first('本报讯（通讯员 刘 洋 王 丽 记者 何 强）4月3日，县政协组织委员视察。')?.reporters).toEqual(['刘洋', '王丽', '何强']);
  });

  it('文/图 bylines', () => {
    expect(first('文/图 本报记者 陈 龙\n4月3日，县政协组织委员视察乡村振兴工作。')?.reporters).toEqual(['陈龙']);
  });

  it('an inline byline after 电, and a dateline place that is not a division stays what the rest reads', () => {
    const r = analyze('本报联合国6月8日电 记者符福渊、周德武报道：中国代表团团长在大会上发言。', { model: false });
    expect(r.articles[0].dateline).toMatchObject({ agency: '本报', place: '联合国', reporters: ['符福渊', '周德武'], date: '6月8日' });
    expect(r.entities.find((e) => e.text === '联合国')?.type).toBe('organization');
    // a division in the same slot is a place
    const p = analyze('本报西宁4月1日电（记者 马 骏）青海省政协1日召开常委会议。', { model: false });
    expect(p.entities.find((e) => e.text === '西宁')?.type).toBe('place');
  });

  it('a dashed headline line is the subtitle, the line above it the title', () => {
    const r = analyze(
      '全国政协召开双周协商座谈会\n——围绕“推进中医药传承创新发展”建言资政\n本报记者 孙金诚\n' +
        '5月9日，全国政协在京召开双周协商座谈会，围绕“推进中医药传承创新发展”建言资政。全国政协主席王沪宁主持会议并讲话。\n' +
        '委员视察长江流域生态保护\n本报记者 王 惠 兵\n5月8日至9日，全国政协人口资源环境委员会组织委员赴湖北宜昌视察。\n',
      { model: false },
    );
    expect(r.articles.map((a) => [a.title, a.subtitle, a.dateline?.reporters])).toEqual([
      ['全国政协召开双周协商座谈会', '——围绕“推进中医药传承创新发展”建言资政', ['孙金诚']],
      ['委员视察长江流域生态保护', null, ['王惠兵']],
    ]);
  });

  it('a commentator byline opens a commentary and is not its title', () => {
    const r = analyze(
      '本报讯（记者 王 芳）4月2日，市政协召开主席会议，主席张宏伟主持会议，研究近期重点工作。\n' +
        '本报评论员\n凝聚共识是人民政协的重要职责。各级政协要坚持大团结大联合，广泛凝聚人心、凝聚共识。\n',
      { model: false },
    );
    expect(r.articles.map((a) => [a.kind, a.title, a.dateline?.text, a.dateline?.reporters])).toEqual([
      ['report', '', '本报讯（记者王芳）4月2日', ['王芳']],
      ['commentary', '', '本报评论员', []],
    ]);
  });
});
