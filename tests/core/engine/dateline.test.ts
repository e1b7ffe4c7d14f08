import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/core/normalize';
import { parseByline, parseCredit, parseDateline, parseTrailing } from '../../../src/core/dateline';

function dl(src: string) {
  const n = normalize(src);
  const d = parseDateline(n, n.text, 0);
  return d && { text: d.text, agency: d.agency, place: d.place, reporters: d.reporters, date: d.date, rest: n.text.slice(d.bodyStart, d.bodyStart + 4) };
}

describe('datelines', () => {
  it('本报X讯（通讯员…）date', () => {
    expect(dl('本报平凉讯（通讯员孙景慧）3月23日，平凉市政协')).toEqual({
      text: '本报平凉讯（通讯员孙景慧）3月23日', agency: '本报', place: '平凉', reporters: ['孙景慧'], date: '3月23日', rest: '平凉市政',
    });
  });

  it('本报讯 with several reporters separated by spaces', () => {
    expect(dl('本报讯（记者 赵强 刘鹰）1月13日，全市')).toMatchObject({ place: null, reporters: ['赵强', '刘鹰'], date: '1月13日' });
  });

  it('a 1+1 split is one name; 3+3 split across a line break is two', () => {
    expect(dl('本报天水讯（通讯员高 磊）3 月\n\n22 日，')?.reporters).toEqual(['高磊']);
    expect(dl('本报陇西讯（通讯员马彦龙 蒲陇\n\n鹏）3 月 23 日，')?.reporters).toEqual(['马彦龙', '蒲陇鹏']);
    expect(dl('本报讯（记者 欧阳 明、李四）5月1日')?.reporters).toEqual(['欧阳明', '李四']);
  });

  it('reporters separated by 、 and ，', () => {
    expect(dl('本报讯（记者张三、李四，通讯员王五）6月2日')?.reporters).toEqual(['张三', '李四', '王五']);
  });

  it('agency forms: 新华社, 中新网 without place, 人民网', () => {
    expect(dl('新华社北京3月5日电（记者 许可 王晶）十四届全国人大')).toMatchObject({
      agency: '新华社', place: '北京', date: '3月5日', reporters: ['许可', '王晶'],
    });
    expect(dl('中新网3月5日电 据报道')).toMatchObject({ agency: '中新网', place: null, date: '3月5日', reporters: [] });
    expect(dl('人民网北京3月6日电（记者李东华）')).toMatchObject({ agency: '人民网', place: '北京', reporters: ['李东华'] });
  });

  it('本报讯 记者X报道：', () => {
    expect(dl('本报讯 记者谭宏宇报道：近日，')).toMatchObject({ agency: '本报', reporters: ['谭宏宇'], date: null, rest: '近日，' });
  });

  it('rejects ordinary sentences', () => {
    expect(dl('会议强调，要把学习贯彻')).toBeNull();
    expect(dl('本报记者从会上获悉')).toBeNull();
  });

  it('photo credit, byline and trailing reporter', () => {
    const c = normalize('通讯员 董少君 摄影报道');
    expect(parseCredit(c, c.text, 0, c.text.length)?.reporters).toEqual(['董少君']);
    const c2 = normalize('张 三 摄');
    expect(parseCredit(c2, c2.text, 0, c2.text.length)?.reporters).toEqual(['张三']);
    const b = normalize('本报记者 刘明 孙红');
    expect(parseByline(b, b.text, 0, b.text.length)?.reporters).toEqual(['刘明', '孙红']);
    const nb = normalize('记者从省政协获悉');
    expect(parseByline(nb, nb.text, 0, nb.text.length)).toBeNull();
    const t = normalize('会议要求，各地抓好落实。（记者 李东华）');
    expect(parseTrailing(t, t.text, 0, t.text.length)?.reporters).toEqual(['李东华']);
  });
});
