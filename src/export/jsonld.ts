// W3C Web Annotation JSON-LD: an AnnotationCollection whose first (and only) AnnotationPage holds
// every annotation. Our own fields use the `bl:` prefix defined in the context, so the file stays
// valid JSON-LD; pages and articles ride along so that an import restores everything.
import type { Annotation, Selector } from '../shared/annotation';
import { checkAnnotation, checkArticle, checkPage, hasForbiddenKey } from './validate';
import type { ArticleMeta, ExportBundle, PageMeta } from './model';

export const FORMAT_VERSION = 1;
export const BL_NS = 'https://bulletin-lens.org/ns#';
export const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { bl: BL_NS }] as const;

type Json = Record<string, unknown>;

export function annotationToW3C(a: Annotation): Json {
  const body: Json[] = [];
  if (a.body.note) body.push({ type: 'TextualBody', value: a.body.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of a.body.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const target: Json = { type: 'SpecificResource', source: a.target.source };
  if (a.target.selector.length > 0) target.selector = a.target.selector.map((s) => ({ ...s }));
  if (a.target.title) target['bl:title'] = a.target.title;
  if (a.target.article) target['bl:article'] = { ...a.target.article, reporters: [...a.target.article.reporters] };
  const out: Json = {
    id: a.id,
    type: 'Annotation',
    motivation: a.motivation,
    created: a.created,
    modified: a.modified,
    'bl:colour': a.body.colour,
    target,
  };
  if (body.length > 0) out.body = body;
  return out;
}

export interface JsonLdOptions {
  /** Collection id; a fresh urn:uuid by default. */
  id?: string;
  generated?: string;
  label?: string;
}

export function toJsonLd(bundle: ExportBundle, opts: JsonLdOptions = {}): Json {
  const items = bundle.annotations.map(annotationToW3C);
  return {
    '@context': CONTEXT,
    id: opts.id ?? `urn:uuid:${crypto.randomUUID()}`,
    type: 'AnnotationCollection',
    label: opts.label ?? 'Bulletin Lens export',
    generator: { id: 'https://bulletin-lens.org/', type: 'Software', name: 'Bulletin Lens' },
    generated: opts.generated ?? new Date().toISOString(),
    total: items.length,
    'bl:formatVersion': FORMAT_VERSION,
    'bl:pages': bundle.pages,
    'bl:articles': bundle.articles,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function serializeJsonLd(bundle: ExportBundle, opts?: JsonLdOptions): string {
  return JSON.stringify(toJsonLd(bundle, opts), null, 2);
}

/** One of our W3C annotations back to the internal shape (not yet validated). */
function fromW3C(x: unknown): unknown {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return x;
  const o = x as Json;
  if (o.type !== 'Annotation') return { invalid: 'type is not Annotation' };
  const target = (typeof o.target === 'object' && o.target !== null ? o.target : {}) as Json;
  const bodies = o.body === undefined ? [] : Array.isArray(o.body) ? o.body : [o.body];
  let note = '';
  const tags: unknown[] = [];
  for (const b of bodies as unknown[]) {
    if (typeof b !== 'object' || b === null) return { invalid: 'body is not an object' };
    const bb = b as Json;
    if (bb.purpose === 'tagging') tags.push(bb.value);
    else if (bb.purpose === 'commenting' || bb.purpose === undefined) {
      if (typeof bb.value !== 'string') return { invalid: 'body value is not a string' };
      note = note ? `${note}\n${bb.value}` : bb.value;
    }
  }
  return {
    id: o.id,
    motivation: o.motivation,
    created: o.created,
    modified: o.modified,
    target: {
      source: target.source,
      selector: (target.selector ?? []) as Selector[],
      article: target['bl:article'] ?? null,
      title: target['bl:title'] ?? '',
    },
    body: { note, tags, colour: o['bl:colour'] ?? 'yellow' },
  };
}

export interface Skipped {
  /** Index in the file's items, pages or articles list. */
  index: number;
  kind: 'annotation' | 'page' | 'article';
  id: string | null;
  reason: string;
}

export interface ParsedImport {
  bundle: ExportBundle;
  skipped: Skipped[];
}

export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const MAX_ITEMS = 1_000_000;

const idOf = (x: unknown): string | null => {
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Json;
  const v = o.id ?? o.url;
  return typeof v === 'string' ? v.slice(0, 200) : null;
};

/**
 * Parses and validates one of our JSON-LD exports. Never throws on bad input: a file that is not
 * ours (or of a newer format) is an error; single bad items are skipped with a reason.
 */
export function parseJsonLd(text: string): { ok: true; value: ParsedImport } | { ok: false; error: string } {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, error: `file is larger than ${MAX_IMPORT_BYTES} bytes` };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: 'not a JSON object' };
  const root = data as Json;
  if (Object.keys(root).some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype')) {
    return { ok: false, error: 'contains a forbidden key' };
  }
  if (root.type !== 'AnnotationCollection') return { ok: false, error: 'not a W3C AnnotationCollection' };
  const version = root['bl:formatVersion'];
  if (version === undefined) return { ok: false, error: 'not a Bulletin Lens export (bl:formatVersion missing)' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'bl:formatVersion is not a positive integer' };
  }
  if (version > FORMAT_VERSION) {
    return { ok: false, error: `made by a newer Bulletin Lens (format ${version}; this one reads up to ${FORMAT_VERSION})` };
  }
  const first = root.first;
  if (typeof first !== 'object' || first === null || !Array.isArray((first as Json).items)) {
    return { ok: false, error: 'first.items is missing' };
  }
  const items = (first as Json).items as unknown[];
  const pages = root['bl:pages'] ?? [];
  const articles = root['bl:articles'] ?? [];
  if (!Array.isArray(pages) || !Array.isArray(articles)) return { ok: false, error: 'bl:pages or bl:articles is not a list' };
  if (items.length + pages.length + articles.length > MAX_ITEMS) return { ok: false, error: 'too many items' };

  const skipped: Skipped[] = [];
  const bundle: ExportBundle = { annotations: [], pages: [], articles: [] };
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const id = idOf(item);
    if (hasForbiddenKey(item)) {
      skipped.push({ index, kind: 'annotation', id, reason: 'contains a forbidden key (__proto__, constructor or prototype)' });
      return;
    }
    const mapped = fromW3C(item);
    const invalid = (mapped as { invalid?: string } | null)?.invalid;
    const res = invalid ? { ok: false as const, error: invalid } : checkAnnotation(mapped);
    if (!res.ok) return void skipped.push({ index, kind: 'annotation', id, reason: res.error });
    if (seen.has(res.value.id)) return void skipped.push({ index, kind: 'annotation', id, reason: 'duplicate id in file' });
    seen.add(res.value.id);
    bundle.annotations.push(res.value);
  });
  pages.forEach((p, index) => {
    const res = checkPage(p);
    if (res.ok) bundle.pages.push(res.value);
    else skipped.push({ index, kind: 'page', id: idOf(p), reason: res.error });
  });
  articles.forEach((a, index) => {
    const res = checkArticle(a);
    if (res.ok) bundle.articles.push(res.value);
    else skipped.push({ index, kind: 'article', id: idOf(a), reason: res.error });
  });
  return { ok: true, value: { bundle, skipped } };
}

export type { ArticleMeta, PageMeta };
