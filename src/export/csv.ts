// CSV per RFC 4180 (CRLF, quoted fields), UTF-8 with a BOM so spreadsheet programs read Chinese,
// and formula injection neutralised: cells starting with = + - @ (or tab/CR) get a leading '.
import type { Annotation } from '../shared/annotation';
import { articleId, type ExportBundle } from './model';
import { linkTo, quoteOf } from './group';

export const BOM = '\uFEFF';

export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvRows(rows: (string | number)[][]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const CSV_COLUMNS = [
  'id',
  'page_url',
  'page_title',
  'site',
  'article_title',
  'article_dateline',
  'article_reporters',
  'article_date',
  'quote',
  'note',
  'tags',
  'colour',
  'motivation',
  'created',
  'modified',
  'link',
] as const;

export function toCsv(bundle: ExportBundle): string {
  const pages = new Map(bundle.pages.map((p) => [p.url, p]));
  const articles = new Map(bundle.articles.map((a) => [a.id, a]));
  const row = (a: Annotation): string[] => {
    const page = pages.get(a.target.source);
    const ref = a.target.article;
    const art = ref ? articles.get(articleId(a.target.source, ref.index)) : undefined;
    return [
      a.id,
      a.target.source,
      page?.title ?? a.target.title,
      page?.site ?? '',
      art?.title ?? ref?.title ?? '',
      art?.dateline ?? ref?.dateline ?? '',
      (art?.reporters ?? ref?.reporters ?? []).join('; '),
      art?.date ?? ref?.date ?? '',
      quoteOf(a) ?? '',
      a.body.note,
      a.body.tags.join('; '),
      a.body.colour,
      a.motivation,
      a.created,
      a.modified,
      linkTo(a),
    ];
  };
  return toCsvRows([[...CSV_COLUMNS], ...bundle.annotations.map(row)]);
}

/** One row per entity per article: the corpus table (type, text, count). */
export function toEntityTable(bundle: ExportBundle): string {
  const pages = new Map(bundle.pages.map((p) => [p.url, p]));
  const rows: (string | number)[][] = [['page_url', 'page_title', 'article_index', 'article_title', 'article_date', 'type', 'text', 'count']];
  const sorted = [...bundle.articles].sort((a, b) => a.page.localeCompare(b.page) || a.index - b.index);
  for (const art of sorted) {
    const title = pages.get(art.page)?.title ?? '';
    const entities = [...art.entities].sort((a, b) => a.type.localeCompare(b.type) || b.count - a.count || a.text.localeCompare(b.text));
    for (const e of entities) rows.push([art.page, title, art.index, art.title, art.date ?? '', e.type, e.text, e.count]);
  }
  return toCsvRows(rows);
}
