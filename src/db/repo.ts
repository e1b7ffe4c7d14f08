// Repository: typed reads and writes over the schema. Each write is one transaction and resolves
// only after that transaction commits; failures reject with a StorageError.
import type { Annotation, PageSummary } from '../shared/annotation';
import { articleFromRef, articleId, siteOf, type ArticleMeta, type ExportBundle, type PageMeta } from '../export/model';
import { checkAnnotation, checkArticle, checkUrl, normaliseTags } from '../export/validate';
import { StorageError, toStorageError } from './errors';
import { matchesAll, queryParts, queryProbes, SEP, stamp } from './fulltext';
import { fromRow, quoteText, toRow, type AnnotationRow, type ArticleRow, type BulletinDb, type PageRow } from './schema';

export interface SearchQuery {
  /** Words or unbroken Chinese; whitespace-separated parts must all occur in quote or note. */
  text?: string;
  tag?: string;
  site?: string;
  page?: string;
  article?: string;
  /** Inclusive bounds on `created`: `YYYY-MM-DD` or full ISO. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface SearchResult {
  items: Annotation[];
  /** All matches, before offset/limit. */
  total: number;
}

export interface ImportReport {
  added: string[];
  updated: string[];
  skipped: { id: string; reason: string }[];
  pages: { added: number; updated: number };
  articles: { added: number; updated: number };
}

export interface StoreStats {
  annotations: number;
  pages: number;
  articles: number;
  tags: number;
}

type Listener = (e: StorageError) => void;

const NARROW_ENOUGH = 200;
/** Reading one row by key costs about as much as walking this many index keys (fake-indexeddb, Chromium alike in kind). */
const ROW_COST_IN_KEYS = 100;

export interface RepositoryOptions {
  /** Up to this many candidates, search reads their rows instead of walking the created index (default: by cost). */
  readRowsBelow?: number;
  /** Smallest window when walking the created index (tests make it tiny to exercise the growth). */
  walkWindow?: number;
}

const positionOf = (a: Annotation): number => {
  for (const s of a.target.selector) if (s.type === 'TextPositionSelector') return s.start;
  return -1;
};

function dayStart(d: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00.000Z` : d;
}
function dayEnd(d: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T23:59:59.999Z` : d;
}

function intersect(a: Set<string> | null, b: Iterable<string>): Set<string> {
  if (a === null) return new Set(b);
  const out = new Set<string>();
  for (const k of b) if (a.has(k)) out.add(k);
  return out;
}

export class Repository {
  private listeners = new Set<Listener>();
  private readonly readRowsBelow: number | undefined;
  private readonly walkWindow: number;

  constructor(
    readonly db: BulletinDb,
    options: RepositoryOptions = {},
  ) {
    this.readRowsBelow = options.readRowsBelow;
    this.walkWindow = options.walkWindow ?? 256;
    db.on('blocked', () =>
      this.emit(new StorageError('blocked', 'The database upgrade is blocked by another open Bulletin Lens window.')),
    );
    db.on('versionchange', () => {
      this.emit(new StorageError('closed', 'The database was upgraded or deleted in another window.'));
    });
  }

  /** Storage failures for a banner; returns the unsubscribe function. */
  onError(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: StorageError): void {
    for (const l of this.listeners) l(e);
  }

  private async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      const se = toStorageError(e);
      if (se.kind !== 'invalid') this.emit(se);
      throw se;
    }
  }

  // ── writes ──────────────────────────────────────────────────────────────

  /** Validates and stores one annotation with its page, article and tag counts. */
  async saveAnnotation(input: Annotation, now = new Date().toISOString()): Promise<Annotation> {
    const checked = checkAnnotation(input);
    if (!checked.ok) throw new StorageError('invalid', `Not saved: ${checked.error}`);
    const a = checked.value;
    return this.guard(() =>
      this.db.transaction('rw', [this.db.annotations, this.db.pages, this.db.articles, this.db.tags], async () => {
        const old = await this.db.annotations.get(a.id);
        await this.db.annotations.put(toRow(a));
        await this.adjustTags(old?.tags ?? [], a.body.tags);
        await this.touchPage(a.target.source, a.target.title, now);
        const ref = a.target.article;
        if (ref) {
          const row = articleFromRef(a.target.source, ref);
          if (!(await this.db.articles.get(row.id))) await this.db.articles.put(row);
        }
        return a;
      }),
    );
  }

  /** Deletes one annotation; resolves to what was deleted (for undo) or null. */
  async deleteAnnotation(id: string): Promise<Annotation | null> {
    return this.guard(() =>
      this.db.transaction('rw', [this.db.annotations, this.db.tags], async () => {
        const old = await this.db.annotations.get(id);
        if (!old) return null;
        await this.db.annotations.delete(id);
        await this.adjustTags(old.tags, []);
        return fromRow(old);
      }),
    );
  }

  /** Adds and removes tags on many annotations in one transaction; resolves to how many changed. */
  async bulkTag(ids: readonly string[], add: readonly string[], remove: readonly string[] = [], now = new Date().toISOString()): Promise<number> {
    const plus = normaliseTags(add);
    const minus = new Set(normaliseTags(remove));
    return this.guard(() =>
      this.db.transaction('rw', [this.db.annotations, this.db.tags], async () => {
        const rows = await this.db.annotations.bulkGet([...ids]);
        const changed: AnnotationRow[] = [];
        for (const row of rows) {
          if (!row) continue;
          const tags = normaliseTags([...row.body.tags.filter((t) => !minus.has(t)), ...plus]);
          if (tags.length === row.body.tags.length && tags.every((t, i) => t === row.body.tags[i])) continue;
          if (tags.length > 100) throw new StorageError('invalid', 'Not saved: more than 100 tags on one note');
          await this.adjustTags(row.tags, tags);
          changed.push(toRow({ ...fromRow(row), body: { ...row.body, tags }, modified: now }));
        }
        await this.db.annotations.bulkPut(changed);
        return changed.length;
      }),
    );
  }

  /** Upserts the page and its articles from a content-script report. Pages with nothing found are not recorded. */
  async recordPage(summary: PageSummary, now = new Date().toISOString()): Promise<boolean> {
    return this.guard(() =>
      this.db.transaction('rw', [this.db.pages, this.db.articles], async () => {
        let url: string;
        try {
          url = checkUrl(summary.url);
        } catch {
          return false;
        }
        const existing = await this.db.pages.get(url);
        if (!existing && summary.articles.length === 0) return false;
        await this.touchPage(url, summary.title, now);
        const rows: ArticleRow[] = [];
        for (const s of summary.articles) {
          const checked = checkArticle({ ...s, page: url });
          // A malformed article is left out rather than failing the whole report.
          if (checked.ok) rows.push(checked.value);
        }
        await this.db.articles.bulkPut(rows);
        return true;
      }),
    );
  }

  /** Merges an already validated bundle: by id, newer `modified` wins, nothing is deleted. */
  async importBundle(bundle: ExportBundle): Promise<ImportReport> {
    const report: ImportReport = { added: [], updated: [], skipped: [], pages: { added: 0, updated: 0 }, articles: { added: 0, updated: 0 } };
    return this.guard(() =>
      this.db.transaction('rw', [this.db.annotations, this.db.pages, this.db.articles, this.db.tags], async () => {
        const existing = await this.db.annotations.bulkGet(bundle.annotations.map((a) => a.id));
        const put: AnnotationRow[] = [];
        for (let i = 0; i < bundle.annotations.length; i++) {
          const a = bundle.annotations[i];
          const old = existing[i];
          if (!old) {
            report.added.push(a.id);
          } else if (Date.parse(a.modified) > Date.parse(old.modified)) {
            report.updated.push(a.id);
          } else {
            report.skipped.push({
              id: a.id,
              reason: a.modified === old.modified ? 'same version already stored' : 'stored version is newer',
            });
            continue;
          }
          await this.adjustTags(old?.tags ?? [], a.body.tags);
          put.push(toRow(a));
        }
        await this.db.annotations.bulkPut(put);

        const pages = await this.db.pages.bulkGet(bundle.pages.map((p) => p.url));
        const pagePut: PageRow[] = [];
        bundle.pages.forEach((p, i) => {
          const old = pages[i];
          if (!old) {
            report.pages.added++;
            return void pagePut.push(p);
          }
          const merged: PageMeta = {
            url: p.url,
            site: old.site,
            title: p.lastSeen > old.lastSeen && p.title ? p.title : old.title,
            firstSeen: p.firstSeen < old.firstSeen ? p.firstSeen : old.firstSeen,
            lastSeen: p.lastSeen > old.lastSeen ? p.lastSeen : old.lastSeen,
          };
          if (merged.title !== old.title || merged.firstSeen !== old.firstSeen || merged.lastSeen !== old.lastSeen) {
            report.pages.updated++;
            pagePut.push(merged);
          }
        });
        await this.db.pages.bulkPut(pagePut);
        // Annotations of pages missing from the file still get a page row.
        for (const a of put) if (!(await this.db.pages.get(a.source))) await this.touchPage(a.source, a.target.title, a.modified);

        const arts = await this.db.articles.bulkGet(bundle.articles.map((a) => a.id));
        const artPut: ArticleRow[] = [];
        bundle.articles.forEach((a, i) => {
          const old = arts[i];
          if (!old) {
            report.articles.added++;
            return void artPut.push(a);
          }
          // Only fill what the stored article lacks; never overwrite.
          if (old.entities.length === 0 && a.entities.length > 0) {
            report.articles.updated++;
            artPut.push({ ...old, entities: a.entities, counts: Object.keys(old.counts).length ? old.counts : a.counts });
          }
        });
        await this.db.articles.bulkPut(artPut);
        return report;
      }),
    );
  }

  /** Deletes everything in one transaction. */
  async wipeAll(): Promise<void> {
    return this.guard(() =>
      this.db.transaction('rw', [this.db.annotations, this.db.pages, this.db.articles, this.db.tags, this.db.quarantine, this.db.addresses], async () => {
        await Promise.all([
          this.db.addresses.clear(),
          this.db.annotations.clear(),
          this.db.pages.clear(),
          this.db.articles.clear(),
          this.db.tags.clear(),
          this.db.quarantine.clear(),
        ]);
      }),
    );
  }

  private async adjustTags(before: readonly string[], after: readonly string[]): Promise<void> {
    const delta = new Map<string, number>();
    for (const t of before) delta.set(t, (delta.get(t) ?? 0) - 1);
    for (const t of after) delta.set(t, (delta.get(t) ?? 0) + 1);
    for (const [name, d] of delta) {
      if (d === 0) continue;
      const row = await this.db.tags.get(name);
      const count = (row?.count ?? 0) + d;
      if (count > 0) await this.db.tags.put({ name, count });
      else if (row) await this.db.tags.delete(name);
    }
  }

  private async touchPage(url: string, title: string, now: string): Promise<void> {
    const old = await this.db.pages.get(url);
    await this.db.pages.put({
      url,
      title: title || old?.title || '',
      site: siteOf(url),
      firstSeen: old && old.firstSeen < now ? old.firstSeen : now,
      lastSeen: old && old.lastSeen > now ? old.lastSeen : now,
    });
  }

  // ── reads ───────────────────────────────────────────────────────────────

  async getAnnotation(id: string): Promise<Annotation | null> {
    return this.guard(async () => {
      const row = await this.db.annotations.get(id);
      return row ? fromRow(row) : null;
    });
  }

  /** Notes on one page in reading order; the page note(s) first. */
  async listForPage(url: string): Promise<Annotation[]> {
    return this.guard(async () => {
      const rows = await this.db.annotations.where('source').equals(url).toArray();
      return rows.map(fromRow).sort((a, b) => positionOf(a) - positionOf(b) || a.created.localeCompare(b.created));
    });
  }

  /** Whether any annotation is stored for the page: by its canonical URL, or by an address notes were made at. */
  async hasAnnotations(url: string): Promise<boolean> {
    return this.guard(async () => {
      const some = async (source: string) => (await this.db.annotations.where('source').equals(source).limit(1).count()) > 0;
      if (await some(url)) return true;
      const alias = await this.db.addresses.get(url);
      return alias !== undefined && (await some(alias.page));
    });
  }

  /** Records that notes on `page` were made at `address` (a tab URL that differs from the canonical one). */
  async rememberAddress(address: string, page: string, now = new Date().toISOString()): Promise<void> {
    if (address === page) return;
    return this.guard(async () => {
      await this.db.addresses.put({ address, page, seen: now });
    });
  }

  /** The page's own note: a commenting annotation without selectors. */
  async pageNote(url: string): Promise<Annotation | null> {
    const list = await this.listForPage(url);
    return list.find((a) => a.target.selector.length === 0 && a.motivation === 'commenting') ?? null;
  }

  async getPage(url: string): Promise<PageMeta | null> {
    return this.guard(async () => (await this.db.pages.get(url)) ?? null);
  }

  async articlesOf(url: string): Promise<ArticleMeta[]> {
    return this.guard(async () => (await this.db.articles.where('page').equals(url).toArray()).sort((a, b) => a.index - b.index));
  }

  async listTags(): Promise<{ name: string; count: number }[]> {
    return this.guard(async () => (await this.db.tags.orderBy('count').reverse().toArray()).map(({ name, count }) => ({ name, count })));
  }

  async listSites(): Promise<string[]> {
    return this.guard(async () => (await this.db.annotations.orderBy('site').uniqueKeys()).map(String));
  }

  async stats(): Promise<StoreStats> {
    return this.guard(async () => ({
      annotations: await this.db.annotations.count(),
      pages: await this.db.pages.count(),
      articles: await this.db.articles.count(),
      tags: await this.db.tags.count(),
    }));
  }

  /**
   * Newest first (by `created`). Every condition with an index is answered from index keys alone;
   * rows are read only for the page of results, or to check candidates when a query's index
   * probes do not already prove the match (several probes, punctuation).
   */
  async search(q: SearchQuery): Promise<SearchResult> {
    return this.guard(async () => {
      const limit = Math.max(0, q.limit ?? 100);
      const offset = Math.max(0, q.offset ?? 0);
      const from = q.from ? dayStart(q.from) : '';
      const to = q.to ? dayEnd(q.to) : '\uffff';
      const parts = q.text ? queryParts(q.text) : [];
      const probes = q.text ? queryProbes(q.text) : [];
      const tag = q.tag?.trim() || undefined;
      const t = this.db.annotations;

      // An exact term's keys within the date range, in created order.
      const termRange = (key: string) => t.where('terms').between(`${key}${SEP}${stamp(from)}`, `${key}${SEP}${stamp(to)}`, true, true);
      // One probe equal to the one query part proves the substring match; otherwise check rows.
      const proven = parts.length === 0 || (parts.length === 1 && probes.length === 1 && probes[0].key === parts[0]);
      const exact = ([['tags', tag], ['site', q.site], ['source', q.page], ['article', q.article]] as [string, string | undefined][]).filter(
        (e): e is [string, string] => e[1] !== undefined && e[1] !== '',
      );

      if (proven && probes.length === 1 && !probes[0].prefix) {
        // The common case: one word. Its index range is already newest-last.
        const range = termRange(probes[0].key);
        if (exact.length === 0) {
          const total = await range.count();
          const pageKeys = (await range.reverse().offset(offset).limit(limit).primaryKeys()) as string[];
          const page = await t.bulkGet(pageKeys);
          return { items: page.filter((r): r is AnnotationRow => r !== undefined).map(fromRow), total };
        }
        let allowed: Set<string> | null = null;
        for (const [index, value] of exact) allowed = intersect(allowed, (await t.where(index).equals(value).primaryKeys()) as string[]);
        const ordered = ((await range.reverse().primaryKeys()) as string[]).filter((k) => allowed!.has(k));
        const page = await t.bulkGet(ordered.slice(offset, offset + limit));
        return { items: page.filter((r): r is AnnotationRow => r !== undefined).map(fromRow), total: ordered.length };
      }

      let keys: Set<string> | null = null;
      for (const p of probes) {
        const range = p.prefix ? t.where('terms').startsWith(p.key) : termRange(p.key);
        keys = intersect(keys, (await range.primaryKeys()) as string[]);
        if (keys.size === 0) return { items: [], total: 0 };
        // Unproven hits are checked row by row anyway; past a few hundred, more probes cost more than they save.
        if (!proven && keys.size <= NARROW_ENOUGH) break;
      }
      for (const [index, value] of exact) {
        keys = intersect(keys, (await t.where(index).equals(value).primaryKeys()) as string[]);
        if (keys.size === 0) return { items: [], total: 0 };
      }
      if (parts.length > 0 && probes.length === 0) keys = null; // punctuation only: no index can help

      const check = (r: AnnotationRow): boolean =>
        r.created >= from && r.created <= to && (proven || matchesAll(`${quoteText(r)}\n${r.body.note}`, parts));
      // Same order as walking an index in reverse: created, then primary key, both descending (binary).
      const newestFirst = (a: AnnotationRow, b: AnnotationRow) =>
        a.created !== b.created ? (a.created < b.created ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;

      const rowsBelow = this.readRowsBelow ?? Math.max(32, (await t.count()) / ROW_COST_IN_KEYS);
      if (keys !== null && (keys.size <= rowsBelow || !proven)) {
        const rows = (await t.bulkGet([...keys])).filter((r): r is AnnotationRow => r !== undefined && check(r));
        rows.sort(newestFirst);
        return { items: rows.slice(offset, offset + limit).map(fromRow), total: rows.length };
      }
      // A fresh collection per use: Dexie's reverse()/limit() change the collection they are called on.
      const inRange = () => t.where('created').between(from, to, true, true);
      if (keys === null && parts.length === 0) {
        const total = await inRange().count();
        const page = await inRange().reverse().offset(offset).limit(limit).toArray();
        return { items: page.map(fromRow), total };
      }
      if (keys === null) {
        const rows = (await inRange().toArray()).filter(check).sort(newestFirst);
        return { items: rows.slice(offset, offset + limit).map(fromRow), total: rows.length };
      }
      // Many proven candidates: order them by walking the created index's keys newest first, then
      // read one page of rows. Without a date range every candidate counts, so the walk can stop
      // as soon as the page is full (windows grow from the candidates' density).
      const want = offset + limit;
      const undated = !q.from && !q.to;
      const tableSize = await t.count();
      let window = undated ? Math.ceil((want * tableSize) / Math.max(1, keys.size) * 1.5) + this.walkWindow : Infinity;
      let ordered: string[];
      for (;;) {
        const walk = inRange().reverse();
        const pks = (await (Number.isFinite(window) ? walk.limit(window) : walk).primaryKeys()) as string[];
        ordered = pks.filter((k) => keys.has(k));
        if (ordered.length >= want || pks.length < window) break;
        window *= 4;
      }
      const page = await t.bulkGet(ordered.slice(offset, want));
      return { items: page.filter((r): r is AnnotationRow => r !== undefined).map(fromRow), total: undated ? keys.size : ordered.length };
    });
  }

  /** Annotations with their pages and articles: the given ids, or everything. */
  async exportBundle(ids?: readonly string[]): Promise<ExportBundle> {
    return this.guard(() =>
      this.db.transaction('r', [this.db.annotations, this.db.pages, this.db.articles], async () => {
        if (!ids) {
          const [rows, pages, articles] = await Promise.all([
            this.db.annotations.orderBy('created').toArray(),
            this.db.pages.toArray(),
            this.db.articles.toArray(),
          ]);
          return { annotations: rows.map(fromRow), pages, articles };
        }
        const rows = (await this.db.annotations.bulkGet([...ids])).filter((r): r is AnnotationRow => r !== undefined);
        rows.sort((a, b) => a.created.localeCompare(b.created));
        const urls = [...new Set(rows.map((r) => r.source))];
        const pages = (await this.db.pages.bulkGet(urls)).filter((p): p is PageRow => p !== undefined);
        const articles = await this.db.articles.where('page').anyOf(urls).toArray();
        return { annotations: rows.map(fromRow), pages, articles };
      }),
    );
  }
}
