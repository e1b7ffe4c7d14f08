// The engine: normalise once, convert, segment, recognise, merge, map back.
//
// Merge policy (one entity per span):
//  1. Certain structure first-class: dateline parts (reporters, place, date), title+name persons,
//     organisations built from place/level + body (the place inside an org is not reported).
//  2. Among rule, gazetteer and lexicon candidates the longest span wins; ties go to the more
//     certain source (structure > dictionary > loose pattern), then to source order. Types the
//     caller did not ask for still take part, so a filtered-out org still hides its place.
//  A model that throws is ignored: the reader keeps the rule results.
//  3. The learned model (AnalyzeOptions.model) only ADDS spans: a model span is kept when it
//     overlaps no span kept in step 2. So rules overrule the model where structure is certain
//     (datelines, title+name, org structure, gazetteer places in org names), and the model
//     contributes names in free text that no rule anchors.
import type { AnalysisResult, AnalyzeOptions, Article, Dateline, Entity, EntityType } from './types';
import { ENTITY_TYPES } from './types';
import { isCjkIdeograph, normalize, toOriginal, type Normalized } from './normalize';
import { looksTraditional, toSimplified } from './convert';
import { segment, type Segment } from './segment';
import type { DatelineMatch } from './dateline';
import { findRuleEntities, isNameShaped, type Cand } from './rules';
import { findPlaces, lookupPlace } from './gazetteer';
import { findPolicyTerms } from './lexicon';

/** A learned tagger (src/core/ner's tagEntities). Registered, not imported, so the engine stays small without it. */
export type Tagger = (text: string) => ReadonlyArray<{ type: EntityType; start: number; end: number }>;
let tagger: Tagger | null = null;

/** Load the model into the engine; AnalyzeOptions.model then defaults to true. Pass null to unload. */
export function registerModel(t: Tagger | null): void {
  tagger = t;
}

export function modelLoaded(): boolean {
  return tagger !== null;
}

export interface EngineOptions extends AnalyzeOptions {
  /** Province of the page, passed to the gazetteer to resolve ambiguous names. */
  provinceHint?: string;
}

/** Text prepared for analysis: normalised, simplified when traditional. */
export interface Prepared {
  norm: Normalized;
  /** The analysis string (simplified). */
  text: string;
  converted: boolean;
}

export function prepare(original: string): Prepared {
  const norm = normalize(original);
  const converted = looksTraditional(norm.text);
  const text = converted ? toSimplified(norm.text) : norm.text;
  return { norm, text, converted };
}

function datelineCands(d: DatelineMatch, out: Cand[]): void {
  for (const r of d.reporterSpans) out.push({ type: 'person', start: r.start, end: r.end, by: 'rule', prio: 3 });
  if (d.placeSpan) {
    const info = lookupPlace(d.placeSpan.text)[0];
    out.push({
      type: 'place',
      start: d.placeSpan.start,
      end: d.placeSpan.end,
      by: 'rule',
      prio: 3,
      info: info ? { id: info.id, canonical: info.name, parents: info.parents } : undefined,
    });
  }
  if (d.dateSpan) out.push({ type: 'date', start: d.dateSpan.start, end: d.dateSpan.end, by: 'rule', prio: 3 });
}

/** Sanity checks on a model span: whole words of CJK ideographs; person spans shaped like a name. */
function modelSpanOk(text: string, type: EntityType, start: number, end: number): boolean {
  if (end - start < 2 || end - start > 24) return false;
  for (let k = start; k < end; k++) if (!isCjkIdeograph(text.charCodeAt(k))) return false;
  if (type === 'person') return isNameShaped(text.slice(start, end));
  if (type === 'organization' && end - start <= 3) return false; // bare 政协, 常委会
  return !'的了和与及在对为'.includes(text[start]);
}

/**
 * Greedy non-overlapping selection: longest first, then priority, then source order.
 * Bucketed by length and priority instead of sorted, so it stays linear.
 */
function resolve(cands: readonly Cand[], taken: Uint8Array): Cand[] {
  const MAXLEN = 64;
  const buckets: Cand[][] = [];
  const longer: Cand[] = [];
  for (const c of cands) {
    const len = c.end - c.start;
    if (len <= 0) continue;
    if (len > MAXLEN) longer.push(c);
    else (buckets[len * 4 + (3 - c.prio)] ??= []).push(c);
  }
  const kept: Cand[] = [];
  const take = (c: Cand): void => {
    for (let k = c.start; k < c.end; k++) if (taken[k]) return;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  };
  longer.sort((a, b) => b.end - b.start - (a.end - a.start) || b.prio - a.prio || a.start - b.start).forEach(take);
  for (let b = buckets.length - 1; b >= 0; b--) {
    const list = buckets[b];
    if (list) for (const c of list) take(c);
  }
  return kept;
}

/** Entities in text order without a comparison sort: one slot per start offset. */
function inTextOrder(kept: readonly Cand[], len: number): Cand[] {
  const at = new Int32Array(len + 1).fill(-1);
  kept.forEach((c, k) => {
    at[c.start] = k;
  });
  const out: Cand[] = [];
  for (let i = 0; i < len; i++) if (at[i] >= 0) out.push(kept[at[i]]);
  return out;
}

export function recognise(prep: Prepared, segs: readonly Segment[], opts: EngineOptions = {}): Cand[] {
  const text = prep.text;
  const want = new Set<EntityType>(opts.types ?? ENTITY_TYPES);
  const cands: Cand[] = [];
  for (const s of segs) if (s.dateline) datelineCands(s.dateline, cands);
  const places = want.has('place') || want.has('organization') ? findPlaces(text, { provinceHint: opts.provinceHint }) : [];
  for (const p of places) cands.push({ type: 'place', start: p.start, end: p.end, by: 'gazetteer', prio: 2, info: p.info });
  for (const c of findRuleEntities(text, { places })) cands.push(c);
  if (want.has('policy_term')) {
    for (const t of findPolicyTerms(text)) cands.push({ type: 'policy_term', start: t.start, end: t.end, by: t.by, prio: 2, info: t.info });
  }
  // Types not wanted still take part in overlap resolution (an org hides its place), then drop.
  const taken = new Uint8Array(text.length);
  let kept = resolve(cands, taken);
  // ---- learned model integration point -------------------------------------------------
  if (tagger && opts.model !== false) {
    const extra: Cand[] = [];
    let spans: ReturnType<Tagger> = [];
    try {
      spans = tagger(text);
    } catch {
      // a broken or incompatible model must not cost the reader the rule results
      spans = [];
    }
    for (const s of spans) if (modelSpanOk(text, s.type, s.start, s.end)) extra.push({ type: s.type, start: s.start, end: s.end, by: 'model', prio: 0 });
    kept = kept.concat(resolve(extra, taken));
  }
  // ---------------------------------------------------------------------------------------
  return inTextOrder(kept, text.length).filter((c) => want.has(c.type));
}

function toDateline(prep: Prepared, d: DatelineMatch): Dateline {
  const [start, end] = toOriginal(prep.norm, d.start, d.end);
  return { text: d.text, agency: d.agency, place: d.place, reporters: d.reporters.slice(), date: d.date, start, end };
}

/** Articles, with the index of the article each analysis offset belongs to. */
function articleIndex(segs: readonly Segment[]): (pos: number) => number | null {
  const iv: Array<[number, number, number]> = [];
  segs.forEach((s, k) => {
    iv.push([s.start, s.end, k]);
    for (const [a, b] of s.headRanges) if (a < s.start || b > s.end) iv.push([a, b, k]);
  });
  iv.sort((a, b) => a[0] - b[0]);
  return (pos) => {
    let lo = 0;
    let hi = iv.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (iv[mid][0] <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let k = found; k >= 0 && k >= found - 2; k--) if (iv[k][0] <= pos && pos < iv[k][1]) return iv[k][2];
    return null;
  };
}

export function analyze(text: string, opts: EngineOptions = {}): AnalysisResult {
  const prep = prepare(text);
  const segs = segment(prep.norm, prep.text, { singleArticle: opts.singleArticle, title: opts.title });
  const conv = (s: string): string => (prep.converted ? toSimplified(s) : s);
  const articles: Article[] = segs.map((s) => {
    const [start, end] = toOriginal(prep.norm, s.start, s.end);
    return {
      title: conv(s.title),
      subtitle: s.subtitle === null ? null : conv(s.subtitle),
      kind: s.kind,
      continued: s.continued,
      dateline: s.dateline ? toDateline(prep, s.dateline) : null,
      start,
      end,
      body: prep.text.slice(s.bodyStart, s.bodyEnd),
    };
  });
  const which = articleIndex(segs);
  const entities: Entity[] = recognise(prep, segs, opts).map((c) => {
    const [start, end] = toOriginal(prep.norm, c.start, c.end);
    const e: Entity = { type: c.type, text: prep.text.slice(c.start, c.end), start, end, article: which(c.start), by: c.by };
    if (c.info) e.info = c.info;
    return e;
  });
  return { text, articles, entities };
}

/** DOM text blocks, joined with line breaks; offsets index the joined string. */
export function analyzeBlocks(blocks: readonly string[], opts: EngineOptions = {}): AnalysisResult {
  return analyze(blocks.join('\n'), opts);
}
