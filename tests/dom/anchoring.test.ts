// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { anchorInDom, describeDomRange } from '../../src/dom/anchoring';
import { extractText } from '../../src/dom/text';

afterEach(() => document.body.replaceChildren());

const page = `<article><h1>临夏州政协调研特色产业发展</h1>
<p id="p1">本报临夏讯（通讯员白雪梅）7月2日，临夏州政协组织部分委员深入县市调研。</p>
<p id="p2">调研组先后来到<b>牛羊养殖基地</b>、花椒种植园和农产品加工企业，详细了解产业规模、带动农户增收和市场销售等情况。</p></article>`;

function rangeOver(text: string): Range {
  const m = extractText(document.body);
  const at = m.text.indexOf(text);
  return m.rangesFor(at, at + text.length)[0];
}

describe('anchoring in the DOM', () => {
  it('describes a selection across inline elements and finds it again after a re-render', () => {
    document.body.innerHTML = page;
    const r = rangeOver('牛羊养殖基地、花椒种植园');
    expect(r.toString()).toBe('牛羊养殖基地、花椒种植园');
    const selectors = describeDomRange(extractText(document.body), r)!;
    expect(selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: '牛羊养殖基地、花椒种植园' });

    // Same text, new nodes (a re-render), plus a line inserted before: position misses, quote finds it.
    document.body.innerHTML = page.replace('<article>', '<article><p>【编者按】新增一段。</p>');
    const hit = anchorInDom(extractText(document.body), selectors)!;
    expect(hit.match.method).toBe('quote');
    expect(hit.ranges.map((x) => x.toString()).join('')).toBe('牛羊养殖基地、花椒种植园');
    expect(hit.ranges[0].startContainer.parentElement!.tagName).toBe('B');
  });

  it('re-anchors fuzzily after a small edit inside the quote and gives up when the text is gone', () => {
    document.body.innerHTML = page;
    const quote = '详细了解产业规模、带动农户增收和市场销售等情况';
    const selectors = describeDomRange(extractText(document.body), rangeOver(quote))!;
    document.getElementById('p2')!.lastChild!.textContent = '、花椒种植园和农产品加工企业，仔细了解产业规模、带动农户增收和市场销售等情况。';
    const hit = anchorInDom(extractText(document.body), selectors)!;
    expect(hit.match.method).toBe('fuzzy');
    expect(hit.ranges[0].toString()).toContain('了解产业规模、带动农户增收和市场销售等情况');
    document.getElementById('p2')!.remove();
    expect(anchorInDom(extractText(document.body), selectors)).toBeNull();
  });

  it('ignores a selection that holds no page text', () => {
    document.body.innerHTML = page;
    const r = document.createRange();
    r.selectNodeContents(document.getElementById('p1')!);
    r.collapse(true);
    expect(describeDomRange(extractText(document.body), r)).toBeNull();
  });
});
