// Units of analysis on a live page (a report, a text layer, the main content of an article page),
// their engine results and their highlight ranges. The engine is passed in, so tests can use a stand-in.
import type { AnalysisResult, AnalyzeOptions, Entity, EntityType } from '../core/types';
import type { ArticleSummary } from '../shared/annotation';
import type { Classification } from './classify';
import type { Painter } from './highlight';
import { findMainContent } from './readability';
import { extractText, type ExtractOptions, type TextMap } from './text';
import { digestOf, type Digest } from '../shared/digest';

export type Analyze = (text: string, opts?: AnalyzeOptions) => AnalysisResult;

export interface Unit {
  id: string;
  root: Element;
  include?: (t: Text) => boolean;
  opts: AnalyzeOptions;
  map: TextMap | null;
  result: AnalysisResult | null;
  /** Counts and distinct entities per article of `result` (from the worker, or made on demand). */
  digest: Digest | null;
  /** Entities sorted by start, for hit-testing. */
  sorted: Entity[];
}

let nextId = 0;

export function makeUnit(root: Element, opts: AnalyzeOptions = {}, include?: (t: Text) => boolean): Unit {
  return { id: `u${nextId++}`, root, include, opts, map: null, result: null, digest: null, sorted: [] };
}

/** Units for a classified page; empty when the page is not analysed. */
export function unitsFor(doc: Document, c: Classification): Unit[] {
  if (c.mode === 'bulletin' || c.mode === 'textlayer') return c.units.map((el) => makeUnit(el));
  if (c.mode === 'article') {
    const main = findMainContent(doc);
    if (main) {
      // Text that replaces kept text later (re-renders) is kept too: judge by its parent.
      const parents = new Set<Node | null>([...main.keep].map((t) => t.parentNode));
      const include = (t: Text) => main.keep.has(t) || parents.has(t.parentNode);
      return [makeUnit(main.root, { singleArticle: true, title: main.title ?? doc.title }, include)];
    }
    const root = c.units[0] ?? doc.body;
    return [makeUnit(root, { singleArticle: true, title: doc.title })];
  }
  return [];
}

export function extractUnit(unit: Unit, opts: ExtractOptions = {}): TextMap {
  unit.map = extractText(unit.root, { ...opts, include: unit.include });
  return unit.map;
}

export function applyResult(unit: Unit, result: AnalysisResult & { digest?: Digest }): void {
  unit.result = result;
  unit.digest = result.digest ?? null;
  unit.sorted = [...result.entities].sort((a, b) => a.start - b.start || b.end - a.end);
}

export function analyseUnit(unit: Unit, analyze: Analyze, types?: readonly EntityType[]): AnalysisResult {
  const map = unit.map ?? extractUnit(unit);
  const result = analyze(map.text, { ...unit.opts, ...(types ? { types } : {}) });
  applyResult(unit, result);
  return result;
}

export const highlightName = (type: EntityType): string => `bl-${type.replace('_', '-')}`;

/** Paints a unit's entities, one highlight name per type. Returns the roots the ranges live in. */
export function paintUnit(painter: Painter, unit: Unit): Set<Node> {
  const roots = new Set<Node>();
  if (!unit.map || !unit.result) return roots;
  const items: { name: string; range: Range }[] = [];
  for (const e of unit.result.entities) {
    for (const range of unit.map.rangesFor(e.start, e.end)) {
      items.push({ name: highlightName(e.type), range });
      roots.add(range.startContainer.getRootNode());
    }
  }
  painter.replace(unit.id, items);
  return roots;
}

/** The entity under a DOM position, if any. */
export function entityAt(units: readonly Unit[], node: Node, offset: number): { unit: Unit; entity: Entity } | null {
  for (const unit of units) {
    if (!unit.map || !unit.root.contains(node.nodeType === 3 ? node.parentNode : node)) continue;
    const at = unit.map.offsetOf(node, offset);
    if (at === null) continue;
    const list = unit.sorted;
    let lo = 0;
    let hi = list.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= at) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Nested entities: walk back a little to find one that covers the offset.
    for (let i = best; i >= 0 && i > best - 8; i--) {
      if (list[i].start <= at && at < list[i].end) return { unit, entity: list[i] };
    }
  }
  return null;
}

/** Entities of the unit that intersect text[from, to), in order. */
export function entitiesNear(unit: Unit, from: number, to: number): Entity[] {
  const list = unit.sorted;
  let lo = 0;
  let hi = list.length;
  // First entity starting at or after `from - 64` (entities are short).
  const floor = from - 64;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < floor) lo = mid + 1;
    else hi = mid;
  }
  const out: Entity[] = [];
  for (let i = lo; i < list.length && list[i].start < to; i++) if (list[i].end > from) out.push(list[i]);
  return out;
}

/** The unit holding a DOM node. */
export function unitOf(units: readonly Unit[], node: Node): Unit | null {
  const el = node.nodeType === 3 ? node.parentNode : node;
  return units.find((u) => u.map && u.root.contains(el)) ?? null;
}

/** How often an entity's text occurs (same type) in its article within the unit. */
export function occurrences(unit: Unit, e: Entity): number {
  return unit.result?.entities.filter((x) => x.type === e.type && x.text === e.text && x.article === e.article).length ?? 0;
}

export function summarise(units: readonly Unit[]): {
  articles: ArticleSummary[];
  counts: Partial<Record<EntityType, number>>;
} {
  const articles: ArticleSummary[] = [];
  const counts: Partial<Record<EntityType, number>> = {};
  for (const unit of units) {
    const r = unit.result;
    if (!r) continue;
    // the worker sends the digest with the result; the main-thread engine leaves it to here
    const d = unit.digest ?? (unit.digest = digestOf(r));
    for (const [t, n] of Object.entries(d.counts) as [EntityType, number][]) counts[t] = (counts[t] ?? 0) + n;
    r.articles.forEach((a, i) => {
      articles.push({
        index: articles.length,
        title: a.title,
        subtitle: a.subtitle,
        kind: a.kind,
        continued: a.continued,
        dateline: a.dateline?.text ?? null,
        reporters: a.dateline?.reporters ?? [],
        date: a.dateline?.date ?? null,
        counts: d.articles[i]?.counts ?? {},
        ...(d.articles[i]?.entities.length ? { entities: d.articles[i].entities } : {}),
      });
    });
  }
  return { articles, counts };
}

/** The unit and article a DOM node belongs to. */
export function articleOf(units: readonly Unit[], node: Node): { unit: Unit; article: number | null; global: number | null } | null {
  let base = 0;
  for (const unit of units) {
    const n = unit.result?.articles.length ?? 0;
    if (unit.map && unit.root.contains(node.nodeType === 3 ? node.parentNode : node)) {
      const at = unit.map.offsetOf(node, 0);
      const arts = unit.result?.articles ?? [];
      let idx: number | null = null;
      if (at !== null) {
        const i = arts.findIndex((a) => a.start <= at && at < a.end);
        if (i >= 0) idx = i;
      }
      if (idx === null && arts.length === 1) idx = 0;
      return { unit, article: idx, global: idx === null ? null : base + idx };
    }
    base += n;
  }
  return null;
}
