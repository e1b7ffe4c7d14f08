// The CLI reads HTML through the content script's own DOM code (src/dom) on jsdom.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeHtml } from '../../src/cli/html';

const sample = (name: string) => readFileSync(resolve(import.meta.dirname, '../../samples', name), 'utf8');

describe('analyzeHtml', () => {
  it('reads each <article> of an e-paper page as its own report, offsets into the printed text', () => {
    const r = analyzeHtml(sample('bulletin.html'));
    expect(r.mode).toBe('bulletin');
    expect(r.articles).toHaveLength(12);
    expect(r.articles.every((a) => a.title.length > 0)).toBe(true);
    expect(r.articles.filter((a) => a.continued)).toHaveLength(3);
    expect(r.articles.filter((a) => a.kind === 'photo')).toHaveLength(1);
    // Page furniture outside the reports (masthead, section labels, footer) is not read.
    expect(r.text).not.toContain('版权');
    expect(r.text).not.toContain('第4版');
    for (const e of r.entities) {
      expect(r.text.slice(e.start, e.end).replace(/\s+/g, '')).toBe(e.text);
      expect(e.article).not.toBeNull();
      const a = r.articles[e.article!];
      expect(e.start).toBeGreaterThanOrEqual(a.start);
      expect(e.end).toBeLessThanOrEqual(a.end);
    }
  });

  it('reads one article from an ordinary news page, without navigation or sidebar, title without the site', () => {
    const r = analyzeHtml(sample('news.html'));
    expect(r.mode).toBe('article');
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].title).toBe('酒泉市政协召开十届二次常委会会议');
    expect(r.text).not.toContain('热门排行');
    expect(r.articles[0].dateline?.reporters).toEqual(expect.arrayContaining(['秦立峰', '周婉清']));
  });

  it('reads a page the content script would skip as a whole, as it does when the reader asks', () => {
    const r = analyzeHtml('<html><body><div>本报讯（记者 甄子丹）5月6日，某县召开会议。</div></body></html>');
    expect(r.mode).toBe('not-news');
    expect(r.text).toContain('本报讯');
    expect(r.articles.length).toBeGreaterThan(0);
  });
});
