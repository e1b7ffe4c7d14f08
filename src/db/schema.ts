// Dexie schema, every version. Never edit a shipped version: add a new one with an upgrade and a test.
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { Annotation } from '../shared/annotation';
import { articleFromRef, articleId, siteOf, type ArticleMeta, type PageMeta } from '../export/model';
import { checkAnnotation } from '../export/validate';
import { stampedTerms } from './fulltext';

export const DB_NAME = 'bulletin-lens';

export type PageRow = PageMeta;
export type ArticleRow = ArticleMeta;

/** An annotation as stored: the W3C fields plus index keys derived from them (stripped on read). */
export interface AnnotationRow extends Annotation {
  source: string;
  site: string;
  /** ArticleRow id or '' (IndexedDB cannot index null). */
  article: string;
  tags: string[];
  /** Full-text keys over quote and note (`term SEP stamp`), see fulltext.ts. */
  terms: string[];
}

export interface TagRow {
  name: string;
  count: number;
}

export function quoteText(a: Annotation): string {
  return a.target.selector.map((s) => (s.type === 'TextQuoteSelector' ? s.exact : '')).join(' ');
}

export function toRow(a: Annotation): AnnotationRow {
  return {
    ...a,
    source: a.target.source,
    site: siteOf(a.target.source),
    article: a.target.article ? articleId(a.target.source, a.target.article.index) : '',
    tags: a.body.tags,
    terms: stampedTerms(a.created, quoteText(a), a.body.note),
  };
}

export function fromRow(r: AnnotationRow): Annotation {
  const { id, target, body, motivation, created, modified } = r;
  return { id, target, body, motivation, created, modified };
}

export const SCHEMA_V2 = {
  annotations: 'id, source, site, article, created, modified, *tags, *terms',
  pages: 'url, site, lastSeen',
  articles: 'id, page, date',
  tags: 'name, count',
  quarantine: 'id, table',
} as const;

/**
 * v3 adds `addresses`: the tab address a note was made at, when it differs from the page's canonical URL,
 * so that the background can tell on reload that a page holds notes. Kept apart from `pages`, which is
 * exported: addresses (query strings, tracking parameters) stay on this machine. No row changes.
 */
export const SCHEMA_V3 = { ...SCHEMA_V2, addresses: 'address, page' } as const;

export interface AddressRow {
  /** The tab's URL without its hash. */
  address: string;
  /** The canonical URL the notes are stored under (AnnotationRow.source). */
  page: string;
  /** ISO 8601 */
  seen: string;
}

/** A row an upgrade could not read, kept aside (never dropped) with the reason. */
export interface QuarantineRow {
  id: string;
  table: string;
  reason: string;
  row: unknown;
  movedAt: string;
}

/**
 * v2 from v1 (the scaffold: `annotations: 'id, source'`, W3C rows with a copied `source`):
 * rebuild every row's index keys and derive pages, articles and tag counts. Rows that fail
 * validation move to `quarantine` with the reason, so the UI never meets a broken row.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const pages = new Map<string, PageRow>();
  const articles = new Map<string, ArticleRow>();
  const tagCounts = new Map<string, number>();
  const rows = (await tx.table('annotations').toArray()) as Record<string, unknown>[];
  const good: AnnotationRow[] = [];
  const bad: QuarantineRow[] = [];
  const badKeys: string[] = [];
  const movedAt = new Date().toISOString();
  for (const row of rows) {
    const checked = checkAnnotation(row);
    if (!checked.ok) {
      bad.push({ id: String(row.id), table: 'annotations', reason: checked.error, row, movedAt });
      badKeys.push(row.id as string);
      continue;
    }
    const a = checked.value;
    good.push(toRow(a));
    const p = pages.get(a.target.source);
    pages.set(a.target.source, {
      url: a.target.source,
      title: a.target.title || p?.title || '',
      site: siteOf(a.target.source),
      firstSeen: p && p.firstSeen < a.created ? p.firstSeen : a.created,
      lastSeen: p && p.lastSeen > a.modified ? p.lastSeen : a.modified,
    });
    const ref = a.target.article;
    if (ref) {
      const row = articleFromRef(a.target.source, ref);
      articles.set(row.id, row);
    }
    for (const t of a.body.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  }
  await tx.table('quarantine').bulkPut(bad);
  await tx.table('annotations').bulkDelete(badKeys);
  await tx.table('annotations').bulkPut(good);
  await tx.table('pages').bulkPut([...pages.values()]);
  await tx.table('articles').bulkPut([...articles.values()]);
  await tx.table('tags').bulkPut([...tagCounts].map(([name, count]) => ({ name, count })));
}

export class BulletinDb extends Dexie {
  annotations!: Table<AnnotationRow, string>;
  pages!: Table<PageRow, string>;
  articles!: Table<ArticleRow, string>;
  tags!: Table<TagRow, string>;
  quarantine!: Table<QuarantineRow, string>;
  addresses!: Table<AddressRow, string>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // v1: the scaffold's placeholder, kept so that its databases upgrade.
    this.version(1).stores({ annotations: 'id, source' });
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    this.version(3).stores(SCHEMA_V3);
  }
}
