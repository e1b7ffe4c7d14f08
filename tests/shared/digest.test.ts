import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/index';
import { digestOf } from '../../src/shared/digest';

describe('digestOf', () => {
  it('counts entities per article and overall, and lists distinct ones with their counts', () => {
    const text =
      '本报平凉讯（通讯员孙景慧）3月23日，平凉市政协召开会议，推进“三抓三促”行动。会议要求，把“三抓三促”落到实处。';
    const r = analyze(text, { model: false });
    const d = digestOf(r);
    expect(d.articles).toHaveLength(r.articles.length);
    expect(d.counts.policy_term).toBe(r.entities.filter((e) => e.type === 'policy_term').length);
    const term = d.articles[0].entities.find((e) => e.text === '三抓三促');
    expect(term).toEqual({ type: 'policy_term', text: '三抓三促', count: 2 });
    const inArticles = r.entities.filter((e) => e.article !== null).length;
    const summed = d.articles.reduce((n, a) => n + Object.values(a.counts).reduce((x, y) => x + (y ?? 0), 0), 0);
    expect(summed).toBe(inArticles);
  });

  it('counts entities outside articles overall only', () => {
    const d = digestOf({
      text: 'x',
      articles: [],
      entities: [{ type: 'date', text: '2024年', start: 0, end: 5, article: null }],
    });
    expect(d).toEqual({ articles: [], counts: { date: 1 } });
  });
});
