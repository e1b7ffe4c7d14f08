// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createPainter } from '../../src/dom/highlight';
import { extractText } from '../../src/dom/text';

afterEach(() => {
  document.body.replaceChildren();
  delete (window as unknown as { CSS?: unknown }).CSS;
  delete (window as unknown as { Highlight?: unknown }).Highlight;
});

const markup =
  '<article><h2>临川县政协<i>召开</i>主席会议</h2><p>本报讯 县政协主席周明远主持会议，<b>临川县</b>副县长出席。</p></article>';

function ranges(names: Record<string, string[]>) {
  const m = extractText(document.body);
  const items: { name: string; range: Range }[] = [];
  for (const [name, words] of Object.entries(names)) {
    for (const w of words) {
      let at = m.text.indexOf(w);
      while (at !== -1) {
        for (const range of m.rangesFor(at, at + w.length)) items.push({ name, range });
        at = m.text.indexOf(w, at + 1);
      }
    }
  }
  return items;
}

describe('fallback painter', () => {
  it('wraps entity text in marks and removes them leaving the DOM as it was', () => {
    document.body.innerHTML = markup;
    const before = document.body.innerHTML;
    const nodesBefore = document.body.querySelectorAll('*').length;
    const p = createPainter(document);
    expect(p.kind).toBe('fallback');
    p.replace('unit0', ranges({ 'bl-place': ['临川县'], 'bl-person': ['周明远'], 'bl-organization': ['政协召开'] }));
    const marks = Array.from(document.querySelectorAll('bl-mark'));
    expect(marks.map((m) => `${m.getAttribute('data-bl')}:${m.textContent}`)).toEqual([
      'bl-place:临川县',
      'bl-organization:政协',
      'bl-organization:召开',
      'bl-person:周明远',
      'bl-place:临川县',
    ]);
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(markup, 'text/html').body.textContent);
    p.setVisible('bl-person', false);
    expect(document.querySelector('bl-mark[data-bl="bl-person"]')!.hasAttribute('data-bl-hidden')).toBe(true);
    p.clear();
    expect(document.querySelectorAll('bl-mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    expect(document.body.querySelectorAll('*').length).toBe(nodesBefore);
    // Split text nodes are merged back: same number of text nodes as before.
    const count = () => document.createTreeWalker(document.body, 4);
    let n = 0;
    for (const w = count(); w.nextNode(); ) n++;
    const fresh = new DOMParser().parseFromString(markup, 'text/html');
    let m = 0;
    for (const w = fresh.createTreeWalker(fresh.body, 4); w.nextNode(); ) m++;
    expect(n).toBe(m);
  });

  it('replaces one owner without touching another', () => {
    document.body.innerHTML = markup;
    const p = createPainter(document);
    const items = ranges({ 'bl-person': ['周明远'] });
    p.replace('a', items);
    p.replace('b', ranges({ 'bl-place': ['临川县'] }).slice(0, 1));
    p.clearOwner('a');
    expect(Array.from(document.querySelectorAll('bl-mark')).map((m) => m.textContent)).toEqual(['临川县']);
  });
});

describe('CSS highlight painter', () => {
  it('registers one Highlight per name and never touches the DOM', () => {
    const registry = new Map<string, Set<Range>>();
    class FakeHighlight extends Set<Range> {
      priority = 0;
    }
    Object.assign(window, { CSS: { highlights: registry }, Highlight: FakeHighlight });
    document.body.innerHTML = markup;
    const before = document.body.innerHTML;
    const p = createPainter(document);
    expect(p.kind).toBe('css');
    p.replace('unit0', ranges({ 'bl-place': ['临川县'], 'bl-person': ['周明远'] }));
    expect([...registry.keys()].sort()).toEqual(['bl-person', 'bl-place']);
    expect([...registry.get('bl-place')!].map((r) => r.toString())).toEqual(['临川县', '临川县']);
    p.setVisible('bl-place', false);
    expect(registry.has('bl-place')).toBe(false);
    p.setVisible('bl-place', true);
    expect(registry.get('bl-place')!.size).toBe(2);
    p.replace('unit0', ranges({ 'bl-person': ['周明远'] }));
    expect(registry.get('bl-place')!.size).toBe(0);
    expect(document.body.innerHTML).toBe(before);
    p.clear();
    expect(registry.size).toBe(0);
  });
});
