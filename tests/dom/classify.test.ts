import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../src/dom/classify';
import { findMainContent } from '../../src/dom/readability';
import { extractText } from '../../src/dom/text';

const load = (path: string) => new JSDOM(readFileSync(path, 'utf8')).window.document;
const page = (body: string, head = '', lang = 'zh-CN') =>
  new JSDOM(`<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`).window.document;

describe('classifyPage', () => {
  it('finds the 12 reports of the bulletin sample', () => {
    const c = classifyPage(load('samples/bulletin.html'));
    expect(c.mode).toBe('bulletin');
    expect(c.units.length).toBeGreaterThanOrEqual(10);
    expect(c.units.every((u) => u.tagName === 'ARTICLE')).toBe(true);
  });
  it('recognises the PDF text layer', () => {
    const c = classifyPage(load('samples/bulletin-textlayer.html'));
    expect(c.mode).toBe('textlayer');
    expect(c.units).toHaveLength(1);
  });
  it('treats the news sample as a single article', () => {
    expect(classifyPage(load('samples/news.html')).mode).toBe('article');
  });
  it('skips pages in other languages', () => {
    const d = page('<article><p>' + 'The council met on Monday to discuss the budget. '.repeat(20) + '</p></article>', '', 'en');
    expect(classifyPage(d)).toMatchObject({ mode: 'not-news' });
  });
  it('skips Chinese pages without article structure', () => {
    const d = page('<h1>用户登录</h1><form><label>用户名</label><input><label>密码</label><input></form><p>忘记密码？请联系管理员。</p>');
    expect(classifyPage(d).mode).toBe('not-news');
  });
  it('calls a page of headline links a listing', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<li><a href="/a${i}">临川县召开第${i}次工作推进会议部署重点任务</a></li>`).join('');
    expect(classifyPage(page(`<h1>要闻</h1><ul>${items}</ul>`)).mode).toBe('listing');
  });
});

describe('findMainContent', () => {
  it('keeps the article of the news sample and drops the sidebar, mapped to live nodes', () => {
    const doc = load('samples/news.html');
    const main = findMainContent(doc)!;
    expect(main).not.toBeNull();
    expect(doc.contains(main.root)).toBe(true);
    const m = extractText(main.root, { include: (t) => main.keep.has(t) });
    expect(m.text).toContain('酒泉市政协召开十届二次常委会会议');
    expect(m.text).toContain('杜文斌强调');
    expect(m.text).not.toContain('热门排行');
    expect(m.text).not.toContain('张掖市政协召开主席会议');
    // Ranges land in the live document.
    const at = m.text.indexOf('杜文斌');
    expect(m.rangesFor(at, at + 3)[0].startContainer.ownerDocument).toBe(doc);
  });
});
