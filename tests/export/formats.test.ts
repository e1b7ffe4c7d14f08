import { describe, expect, it } from 'vitest';
import {
  BOM,
  csvCell,
  parseJsonLd,
  serializeJsonLd,
  toCsl,
  toCsv,
  toEntityTable,
  toJsonLd,
  toMarkdown,
  type ExportBundle,
} from '../../src/export';
import { ARTICLE, makeAnnotation } from '../db/fixtures';

const URL1 = 'https://news.example.cn/a.html';
function bundle(): ExportBundle {
  return {
    annotations: [
      makeAnnotation({ url: URL1, quote: '杜文斌主持会议并讲话', note: '主持人\n第二行', tags: ['人事'], article: ARTICLE, start: 40 }),
      makeAnnotation({ url: URL1, quote: '=HYPERLINK("http://evil")', note: '-2+3', tags: ['@x'], article: ARTICLE, start: 10 }),
      makeAnnotation({ url: URL1, note: '整页笔记, with "quotes"' }),
    ],
    pages: [{ url: URL1, title: '陇原资讯网', site: 'news.example.cn', firstSeen: '2024-04-18T00:00:00.000Z', lastSeen: '2024-04-19T00:00:00.000Z' }],
    articles: [
      {
        id: `${URL1}#0`,
        page: URL1,
        index: 0,
        title: ARTICLE.title,
        subtitle: null,
        kind: 'report',
        dateline: ARTICLE.dateline,
        reporters: ARTICLE.reporters,
        date: ARTICLE.date,
        counts: { person: 3 },
        entities: [
          { type: 'person', text: '杜文斌', count: 2 },
          { type: 'place', text: '=酒泉', count: 1 },
        ],
      },
    ],
  };
}

/** Minimal RFC 4180 parser for checking our output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else if (c === '\n') throw new Error('bare LF outside quotes');
    else cell += c;
  }
  return rows;
}

describe('W3C JSON-LD', () => {
  it('is an AnnotationCollection of valid Web Annotations with article metadata', () => {
    const doc = toJsonLd(bundle(), { id: 'urn:uuid:00000000-0000-4000-8000-00000000abcd', generated: '2024-01-01T00:00:00.000Z' });
    expect(doc['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(3);
    const items = (doc.first as { type: string; items: Record<string, unknown>[] }).items;
    for (const it of items) {
      expect(it.type).toBe('Annotation');
      expect(String(it.id)).toMatch(/^urn:uuid:/);
      expect(['highlighting', 'commenting']).toContain(it.motivation);
      const target = it.target as Record<string, unknown>;
      expect(target.source).toBe(URL1);
      for (const b of (it.body as Record<string, unknown>[] | undefined) ?? []) {
        expect(b.type).toBe('TextualBody');
        expect(typeof b.value).toBe('string');
        expect(['commenting', 'tagging']).toContain(b.purpose);
      }
    }
    const first = items[0];
    expect((first.target as Record<string, unknown>).selector).toEqual([
      { type: 'TextQuoteSelector', exact: '杜文斌主持会议并讲话', prefix: '前文', suffix: '后文' },
      { type: 'TextPositionSelector', start: 40, end: 50 },
    ]);
    expect((first.target as Record<string, unknown>)['bl:article']).toMatchObject({ dateline: ARTICLE.dateline, reporters: ARTICLE.reporters });
    expect(items[2].target).not.toHaveProperty('selector');
    expect(doc['bl:articles']).toHaveLength(1);
  });

  it('round-trips through parse unchanged', () => {
    const b = bundle();
    const parsed = parseJsonLd(serializeJsonLd(b));
    expect(parsed.ok && parsed.value.skipped).toEqual([]);
    expect(parsed.ok && parsed.value.bundle).toEqual(b);
  });
});

describe('Markdown', () => {
  it('groups by page and article, quotes as block quotes with notes under them and links back', () => {
    const md = toMarkdown(bundle(), '2024-01-01T00:00:00.000Z');
    const page = md.indexOf(`## [陇原资讯网](${URL1})`);
    const art = md.indexOf(`### ${ARTICLE.title}`);
    const q2 = md.indexOf('> =HYPERLINK');
    const q1 = md.indexOf('> 杜文斌主持会议并讲话');
    expect(page).toBeGreaterThan(-1);
    expect(art).toBeGreaterThan(page);
    // Reading order inside the article (start 10 before start 40).
    expect(q2).toBeGreaterThan(art);
    expect(q1).toBeGreaterThan(q2);
    expect(md.slice(q1)).toMatch(/^> 杜文斌主持会议并讲话\n\n主持人\n第二行\n\n#人事 · \[↪\]\(https:\/\/news\.example\.cn\/a\.html#:~:text=/);
    expect(md).toContain('秦立峰、周婉清');
    expect(md).toContain('整页笔记, with "quotes"');
  });
});

describe('CSV', () => {
  it('is RFC 4180 with a BOM, CRLF, quoted fields and neutralised formulas', () => {
    const csv = toCsv(bundle());
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0][0]).toBe('id');
    expect(rows).toHaveLength(4);
    const header = rows[0];
    const col = (r: string[], name: string) => r[header.indexOf(name)];
    expect(col(rows[1], 'note')).toBe('主持人\n第二行');
    expect(col(rows[1], 'article_reporters')).toBe('秦立峰; 周婉清');
    expect(col(rows[2], 'quote')).toBe(`'=HYPERLINK("http://evil")`);
    expect(col(rows[2], 'note')).toBe(`'-2+3`);
    expect(col(rows[2], 'tags')).toBe(`'@x`);
    expect(col(rows[3], 'note')).toBe('整页笔记, with "quotes"');
    expect(csvCell('+1')).toBe(`'+1`);
    expect(csvCell('\tcmd')).toBe(`'\tcmd`);
    expect(csvCell('plain')).toBe('plain');
  });

  it('writes an entity table per article', () => {
    const rows = parseCsv(toEntityTable(bundle()).slice(1));
    expect(rows[0]).toEqual(['page_url', 'page_title', 'article_index', 'article_title', 'article_date', 'type', 'text', 'count']);
    expect(rows.slice(1).map((r) => [r[5], r[6], r[7]])).toEqual([
      ['person', '杜文斌', '2'],
      ['place', `'=酒泉`, '1'],
    ]);
  });
});

describe('CSL-JSON', () => {
  it('describes each article for reference managers', () => {
    const [item] = toCsl(bundle());
    expect(item).toEqual({
      id: `${URL1}#0`,
      type: 'article-newspaper',
      title: ARTICLE.title,
      'container-title': '陇原资讯网',
      publisher: 'news.example.cn',
      author: [{ literal: '秦立峰' }, { literal: '周婉清' }],
      issued: { 'date-parts': [[2024, 4, 17]] },
      accessed: { 'date-parts': [[2024, 4, 19]] },
      URL: URL1,
      note: ARTICLE.dateline,
    });
    const b = bundle();
    b.articles[0].date = '3月23日';
    expect(toCsl(b)[0].issued).toEqual({ literal: '3月23日' });
  });
});
