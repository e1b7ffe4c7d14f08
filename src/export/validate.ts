// Validation of annotations and metadata from outside the database (content messages, import files).
// Builds fresh objects from checked fields only, so hostile keys never reach a stored object.
import { ENTITY_TYPES, type EntityType } from '../core/types';
import {
  HIGHLIGHT_COLOURS,
  type Annotation,
  type ArticleRef,
  type HighlightColour,
  type Selector,
} from '../shared/annotation';
import { err, ok, type Result } from '../shared/result';
import { articleId, siteOf, type ArticleMeta, type EntityCount, type PageMeta } from './model';

export const LIMITS = {
  url: 4096,
  title: 2000,
  note: 100_000,
  exact: 20_000,
  affix: 2_000,
  tags: 100,
  tag: 100,
  reporters: 50,
  short: 1000,
  entities: 5000,
} as const;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

class Invalid extends Error {}

type Obj = Record<string, unknown>;

/** Rejects objects carrying prototype-pollution keys anywhere inside (JSON.parse makes them own keys). */
export function hasForbiddenKey(x: unknown, depth = 0): boolean {
  if (depth > 32) return true;
  if (Array.isArray(x)) return x.some((v) => hasForbiddenKey(v, depth + 1));
  if (typeof x !== 'object' || x === null) return false;
  for (const k of Object.keys(x)) {
    if (FORBIDDEN.has(k)) return true;
    if (hasForbiddenKey((x as Obj)[k], depth + 1)) return true;
  }
  return false;
}

function obj(x: unknown, what: string): Obj {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Invalid(`${what} is not an object`);
  return x as Obj;
}

function str(x: unknown, what: string, max: number): string {
  if (typeof x !== 'string') throw new Invalid(`${what} is not a string`);
  if (x.length > max) throw new Invalid(`${what} is longer than ${max} characters`);
  return x;
}

function strOrNull(x: unknown, what: string, max: number): string | null {
  return x === null || x === undefined ? null : str(x, what, max);
}

function int(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) throw new Invalid(`${what} is not a non-negative integer`);
  return x;
}

function strList(x: unknown, what: string, maxItems: number, maxLen: number): string[] {
  if (!Array.isArray(x)) throw new Invalid(`${what} is not a list`);
  if (x.length > maxItems) throw new Invalid(`${what} has more than ${maxItems} items`);
  return x.map((v, i) => str(v, `${what}[${i}]`, maxLen));
}

export function checkUrl(x: unknown, what = 'url'): string {
  const s = str(x, what, LIMITS.url);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new Invalid(`${what} is not a URL`);
  }
  if (!['http:', 'https:', 'file:'].includes(u.protocol)) throw new Invalid(`${what} has a disallowed scheme ${u.protocol}`);
  return s;
}

export function checkDate(x: unknown, what: string): string {
  const s = str(x, what, 40);
  if (!ISO.test(s) || Number.isNaN(Date.parse(s))) throw new Invalid(`${what} is not an ISO 8601 date-time`);
  // One form (UTC, milliseconds) so that string order is time order in every index.
  return new Date(s).toISOString();
}

/** Trimmed, deduplicated, non-empty tags. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const v = t.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

function selector(x: unknown, what: string): Selector {
  const o = obj(x, what);
  if (o.type === 'TextQuoteSelector') {
    return {
      type: 'TextQuoteSelector',
      exact: str(o.exact, `${what}.exact`, LIMITS.exact),
      prefix: str(o.prefix ?? '', `${what}.prefix`, LIMITS.affix),
      suffix: str(o.suffix ?? '', `${what}.suffix`, LIMITS.affix),
    };
  }
  if (o.type === 'TextPositionSelector') {
    const start = int(o.start, `${what}.start`);
    const end = int(o.end, `${what}.end`);
    if (end < start) throw new Invalid(`${what} ends before it starts`);
    return { type: 'TextPositionSelector', start, end };
  }
  throw new Invalid(`${what} has an unknown type`);
}

export function checkArticleRef(x: unknown, what = 'article'): ArticleRef | null {
  if (x === null || x === undefined) return null;
  const o = obj(x, what);
  return {
    index: int(o.index, `${what}.index`),
    title: str(o.title, `${what}.title`, LIMITS.title),
    dateline: strOrNull(o.dateline, `${what}.dateline`, LIMITS.short),
    reporters: strList(o.reporters ?? [], `${what}.reporters`, LIMITS.reporters, LIMITS.short),
    date: strOrNull(o.date, `${what}.date`, LIMITS.short),
  };
}

function colour(x: unknown): HighlightColour {
  if (typeof x === 'string' && (HIGHLIGHT_COLOURS as readonly string[]).includes(x)) return x as HighlightColour;
  throw new Invalid('body.colour is not a known colour');
}

function guard<T>(f: () => T): Result<T> {
  try {
    return ok(f());
  } catch (e) {
    if (e instanceof Invalid) return err(e.message);
    throw e;
  }
}

/** Our Annotation shape, checked field by field. */
export function checkAnnotation(x: unknown): Result<Annotation> {
  return guard(() => {
    if (hasForbiddenKey(x)) throw new Invalid('contains a forbidden key (__proto__, constructor or prototype)');
    const o = obj(x, 'annotation');
    const id = str(o.id, 'id', 200);
    if (!UUID_URN.test(id)) throw new Invalid('id is not a urn:uuid');
    const t = obj(o.target, 'target');
    const b = obj(o.body, 'body');
    if (!Array.isArray(t.selector)) throw new Invalid('target.selector is not a list');
    if (t.selector.length > 4) throw new Invalid('target.selector has too many selectors');
    const motivation = o.motivation;
    if (motivation !== 'highlighting' && motivation !== 'commenting') throw new Invalid('motivation is not highlighting or commenting');
    return {
      id,
      target: {
        source: checkUrl(t.source, 'target.source'),
        selector: t.selector.map((s, i) => selector(s, `target.selector[${i}]`)),
        article: checkArticleRef(t.article, 'target.article'),
        title: str(t.title ?? '', 'target.title', LIMITS.title),
      },
      body: {
        note: str(b.note ?? '', 'body.note', LIMITS.note),
        tags: normaliseTags(strList(b.tags ?? [], 'body.tags', LIMITS.tags, LIMITS.tag)),
        colour: colour(b.colour),
      },
      motivation,
      created: checkDate(o.created, 'created'),
      modified: checkDate(o.modified, 'modified'),
    };
  });
}

export function checkPage(x: unknown): Result<PageMeta> {
  return guard(() => {
    if (hasForbiddenKey(x)) throw new Invalid('contains a forbidden key');
    const o = obj(x, 'page');
    const url = checkUrl(o.url, 'page.url');
    return {
      url,
      title: str(o.title ?? '', 'page.title', LIMITS.title),
      site: siteOf(url),
      firstSeen: checkDate(o.firstSeen, 'page.firstSeen'),
      lastSeen: checkDate(o.lastSeen, 'page.lastSeen'),
    };
  });
}

function entityType(x: unknown, what: string): EntityType {
  if (typeof x === 'string' && (ENTITY_TYPES as readonly string[]).includes(x)) return x as EntityType;
  throw new Invalid(`${what} is not an entity type`);
}

export function checkCounts(x: unknown, what = 'counts'): Partial<Record<EntityType, number>> {
  const o = obj(x ?? {}, what);
  const out: Partial<Record<EntityType, number>> = {};
  for (const k of Object.keys(o)) out[entityType(k, `${what} key`)] = int(o[k], `${what}.${k}`);
  return out;
}

export function checkEntities(x: unknown, what = 'entities'): EntityCount[] {
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x)) throw new Invalid(`${what} is not a list`);
  if (x.length > LIMITS.entities) throw new Invalid(`${what} has too many items`);
  return x.map((e, i) => {
    const o = obj(e, `${what}[${i}]`);
    return {
      type: entityType(o.type, `${what}[${i}].type`),
      text: str(o.text, `${what}[${i}].text`, LIMITS.short),
      count: int(o.count, `${what}[${i}].count`),
    };
  });
}

export function checkArticle(x: unknown): Result<ArticleMeta> {
  return guard(() => {
    if (hasForbiddenKey(x)) throw new Invalid('contains a forbidden key');
    const o = obj(x, 'article');
    const page = checkUrl(o.page, 'article.page');
    const index = int(o.index, 'article.index');
    return {
      id: articleId(page, index),
      page,
      index,
      title: str(o.title ?? '', 'article.title', LIMITS.title),
      subtitle: strOrNull(o.subtitle, 'article.subtitle', LIMITS.title),
      kind: strOrNull(o.kind, 'article.kind', 100),
      dateline: strOrNull(o.dateline, 'article.dateline', LIMITS.short),
      reporters: strList(o.reporters ?? [], 'article.reporters', LIMITS.reporters, LIMITS.short),
      date: strOrNull(o.date, 'article.date', LIMITS.short),
      counts: checkCounts(o.counts, 'article.counts'),
      entities: checkEntities(o.entities, 'article.entities'),
    };
  });
}

/** Wraps a thrown Invalid from the helpers above for callers outside this module. */
export const isInvalid = (e: unknown): e is Error => e instanceof Invalid;
