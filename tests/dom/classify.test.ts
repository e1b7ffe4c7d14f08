import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ANALYSED_MODES, NEWS_CUE_WORDS, classifyPage, hasNewsCue, mayBeNews } from '../../src/dom/classify';

/** The news cues as one RegExp: the reference the word list is checked against. */
const NEWS_CUE = /本[报報]|[记記]者|通[讯訊][员員]|[讯訊]|新[华華]社|[电電][（(]|日[电電]|日[讯訊]|[来來]源[:：]/;
import { findMainContent } from '../../src/dom/readability';
import { extractText } from '../../src/dom/text';

const load = (path: string) => new JSDOM(readFileSync(path, 'utf8')).window.document;
const page = (body: string, head = '', lang = 'zh-CN') =>
  new JSDOM(`<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`).window.document;

const LONG = '会议强调，要聚焦中心任务履职尽责，深入开展调查研究，提出务实管用的意见建议。'.repeat(3);
const PROSE = '走进村里的合作社，村民们正忙着分拣新采的花椒，一派丰收景象。合作社负责人介绍，今年的产量比去年增加了三成。'.repeat(2);

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
  it('finds an e-paper page of several reports built of divs by its datelines', () => {
    const report = (t: string, d: string) =>
      `<div class="news"><h3>${t}</h3><p>${d}，市政协召开会议，研究部署近期重点工作，主席出席会议并讲话。</p><p>会议强调，要切实提高协商议政质量。</p></div>`;
    const d = page(
      `<div class="header">政协报 第2版 <a href="/1">上一版</a></div><div id="page">` +
        report('市政协召开主席会议', '本报讯（记者 张 伟）5月7日') +
        report('县政协开展民主监督', '本报会宁讯（通讯员 陈 晨）5月8日') +
        '</div>',
    );
    const c = classifyPage(d);
    expect(c.mode).toBe('bulletin');
    expect(c.units).toHaveLength(1);
    expect(c.units[0].id).toBe('page');
  });
  it('keeps a single report with one dateline an article, whatever its related links say', () => {
    const d = page(
      '<div id="main"><h1>市政协召开主席会议</h1><p>本报讯（记者 张 伟）5月7日，市政协召开主席会议，研究部署近期重点工作，主席出席会议并讲话。</p>' +
        `<p>${'会议强调，要切实提高协商议政质量，为全市发展大局贡献力量，推动各项工作落地见效。'.repeat(5)}</p></div>` +
        '<ul class="related"><li><a href="/x"><p>本报讯（记者 李 明）5月6日，县政协召开常委会议，审议通过了工作要点。</p></a></li></ul>',
    );
    expect(classifyPage(d).mode).toBe('article');
  });

  it('leaves a page to the full classification whenever classifyPage would analyse it (first look)', () => {
    const pages = [
      load('samples/bulletin.html'),
      load('samples/bulletin-textlayer.html'),
      load('samples/news.html'),
      load('tests/e2e/fixtures/epaper.html'),
      load('tests/e2e/fixtures/news-article.html'),
      load('tests/e2e/fixtures/traditional.html'),
      // a report with a news cue only in its dateline, a div e-paper, one <article> without cues, og:type
      page(`<p>本报讯 市政协召开常委会议，审议通过年度协商计划。${LONG}</p><p>${LONG}</p>`),
      page(`<div><p>新华社北京3月5日电 第十四届全国人民代表大会第二次会议在人民大会堂开幕。${LONG}</p><p>人民网兰州3月6日电 甘肃代表团举行全体会议，审议政府工作报告。${LONG}</p></div>`),
      page(`<article><h1>乡村振兴见闻</h1><p>${PROSE}</p><p>${PROSE}</p></article>`),
      page(`<p>${PROSE}</p><p>${PROSE}</p>`, '<meta property="og:type" content="article">'),
    ];
    for (const doc of pages) {
      expect(ANALYSED_MODES.has(classifyPage(doc).mode)).toBe(true);
      expect(mayBeNews(doc)).toBe(true);
    }
  });

  it('turns away prose and app pages without article structure or news words, reading no element', () => {
    const prose = page(
      Array.from({ length: 12 }, (_, i) => `<p>第${i + 1}步：把面粉和温水混合，揉成光滑的面团，盖上保鲜膜醒发二十分钟，再分成小剂子擀成圆皮。</p>`).join(''),
    );
    expect(classifyPage(prose).mode).toBe('not-news');
    expect(mayBeNews(prose)).toBe(false);
    expect(mayBeNews(page('<form><input><button>保存</button></form><p>修改后的设置会同步到所有设备。</p>'))).toBe(false);
    // a news word in <body> or the title is enough to look closer
    expect(mayBeNews(page('<p>第一段文字。</p><p>本报讯 第二段。</p>'))).toBe(true);
    expect(mayBeNews(new JSDOM('<!doctype html><title>记者手记</title><p>一</p><p>二</p>').window.document)).toBe(true);
  });

  it('finds a news cue with plain strings exactly where NEWS_CUE does', () => {
    // Every string NEWS_CUE can match (each alternative, its character classes spelled out) holds a word…
    const spell = (alt: string): string[] =>
      (alt.match(/\[[^\]]+\]|[^[]/g) ?? []).reduce<string[]>(
        (acc, tok) => acc.flatMap((a) => (tok.startsWith('[') ? [...tok.slice(1, -1)] : [tok]).map((c) => a + c)),
        [''],
      );
    const matches = NEWS_CUE.source.split('|').flatMap(spell);
    expect(matches.length).toBeGreaterThan(20);
    for (const m of matches) expect(hasNewsCue(`前文${m}后文`), m).toBe(true);
    // …and every word is a match.
    for (const w of NEWS_CUE_WORDS) expect(NEWS_CUE.test(`前文${w}后文`), w).toBe(true);
    expect(hasNewsCue('第1步：把面粉和温水混合')).toBe(false);
  });
});
