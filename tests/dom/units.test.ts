// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisResult, AnalyzeOptions, Entity, EntityType } from '../../src/core/types';
import { classifyPage } from '../../src/dom/classify';
import { createPainter } from '../../src/dom/highlight';
import {
  analyseUnit,
  articleOf,
  entitiesNear,
  entityAt,
  highlightName,
  occurrences,
  paintUnit,
  summarise,
  unitsFor,
} from '../../src/dom/units';

/** Test stand-in for the engine: finds listed words; each text is one article titled by its first line. */
function fakeAnalyze(words: Record<string, EntityType>) {
  const calls: { text: string; opts?: AnalyzeOptions }[] = [];
  const analyze = (text: string, opts?: AnalyzeOptions): AnalysisResult => {
    calls.push({ text, opts });
    const entities: Entity[] = [];
    for (const [w, type] of Object.entries(words)) {
      for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + 1)) {
        entities.push({ type, text: w, start: i, end: i + w.length, article: 0 });
      }
    }
    const title = text.split('\n')[0];
    return {
      text,
      entities,
      articles: [{ title, subtitle: null, kind: 'report', continued: false, dateline: null, start: 0, end: text.length, body: text }],
    };
  };
  return { analyze, calls };
}

afterEach(() => {
  document.body.replaceChildren();
  document.head.replaceChildren();
});

const bulletin = `
<main>
<article><h2>甲县召开会议</h2><p>本报甲县讯 通讯员王一 3月1日，甲县<b>召开</b>会议，王一发言，要求各部门认真落实会议精神，扎实做好今年的各项重点工作，确保取得实效。</p></article>
<article><h2>乙市调研</h2><p>本报乙市讯 通讯员李二 3月2日，乙市开展调研，推进乡村振兴。</p><p>李二指出，要推进乡村振兴，抓好产业发展和基础设施建设。</p></article>
</main>`;

describe('units on a bulletin page', () => {
  it('analyses each report separately and maps entities back to ranges', () => {
    document.body.innerHTML = bulletin;
    const units = unitsFor(document, classifyPage(document));
    expect(units).toHaveLength(2);
    const { analyze, calls } = fakeAnalyze({ 王一: 'person', 李二: 'person', 乡村振兴: 'policy_term' });
    for (const u of units) analyseUnit(u, analyze);
    expect(calls.map((c) => c.text.split('\n')[0])).toEqual(['甲县召开会议', '乙市调研']);
    expect(calls[0].text).not.toContain('乙市');

    const registry = new Map<string, Set<Range>>();
    Object.assign(window, { CSS: { highlights: registry }, Highlight: class extends Set<Range> {} });
    try {
      const painter = createPainter(document);
      for (const u of units) paintUnit(painter, u);
      expect([...registry.get(highlightName('person'))!].map((r) => r.toString())).toEqual(['王一', '王一', '李二', '李二']);
      expect([...registry.get('bl-policy-term')!].map((r) => r.toString())).toEqual(['乡村振兴', '乡村振兴']);
    } finally {
      delete (window as unknown as { CSS?: unknown }).CSS;
      delete (window as unknown as { Highlight?: unknown }).Highlight;
    }

    const s = summarise(units);
    expect(s.articles.map((a) => a.title)).toEqual(['甲县召开会议', '乙市调研']);
    expect(s.articles[1].counts).toEqual({ person: 2, policy_term: 2 });
    expect(s.counts).toEqual({ person: 4, policy_term: 2 });
    expect(s.articles[1].entities).toEqual([
      { type: 'person', text: '李二', count: 2 },
      { type: 'policy_term', text: '乡村振兴', count: 2 },
    ]);

    // Hit-testing data: the entity under a DOM position, its neighbours and its frequency.
    const p = document.querySelectorAll('article')[1].querySelector('p')!.firstChild as Text;
    const at = p.data.indexOf('李二') + 1;
    const hit = entityAt(units, p, at)!;
    expect(hit.entity.text).toBe('李二');
    expect(occurrences(hit.unit, hit.entity)).toBe(2);
    const m = hit.unit.map!;
    const off = m.offsetOf(p, at)!;
    expect(entitiesNear(hit.unit, off, off + 1).map((e) => e.text)).toEqual(['李二']);
    expect(articleOf(units, p)).toMatchObject({ article: 0, global: 1 });
  });

  it('passes singleArticle and the headline to the engine on an article page', () => {
    document.head.innerHTML = '<title>丙市政协召开常委会 - 某某网</title><meta property="og:type" content="article">';
    document.body.innerHTML = `<nav><a href="/">首页</a><a href="/x">时政</a></nav><article><h1>丙市政协召开常委会</h1>
      <p>本报丙市讯（记者赵三）4月1日，丙市政协召开常委会会议，市政协主席孙四主持会议并讲话，要求各委员深入调查研究，积极建言献策，推进乡村振兴。</p>
      <p>会议审议通过了有关文件，听取了各专门委员会的工作汇报，对下一阶段工作作出部署，要求抓好落实，确保各项任务按时完成。</p></article>
      <aside><h3>相关新闻</h3><ul><li><a href="/1">丁县召开会议</a></li></ul></aside>`;
    const units = unitsFor(document, classifyPage(document));
    expect(units).toHaveLength(1);
    const { analyze, calls } = fakeAnalyze({ 孙四: 'person' });
    analyseUnit(units[0], analyze);
    expect(calls[0].opts).toMatchObject({ singleArticle: true, title: '丙市政协召开常委会' });
    expect(calls[0].text).toContain('孙四主持会议');
    expect(calls[0].text).not.toContain('丁县召开会议');
  });
});
