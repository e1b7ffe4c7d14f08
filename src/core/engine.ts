// The engine: normalise once, convert, segment, recognise, merge, map back.
//
// Merge policy (one entity per span). Candidates are split into three classes and resolved in
// this order; within a class the longest span wins, ties go to the more certain source, then to
// source order; a later class only fills characters no earlier span took.
//  1. CERTAIN rule spans: dateline reporters/place/date, title+name persons, organisations built
//     from place/level + body (the place inside is hidden), lexicon policy terms, rule titles,
//     dates. Plus a model organisation that strictly contains certain org/place spans, crosses
//     none and ends like an organisation name (省政协文化文史和学习委员会 around 省政协).
//  2. MODEL spans (AnalyzeOptions.model, on whenever a tagger is registered), after linguistic
//     filters in rules/model-filter.ts: a person starts with a surname (or is a transliterated,
//     Latin or ·-joined name, or a lone surname as in 吕老), contains no 政协/委员 and does not end
//     in a collective or administrative noun (培训班); an organisation that ends in 政协 has a
//     place, a level or a national prefix before it (not 立足政协, 全市政协, 县区政协) and holds
//     no clause verb; a title ends in a title morpheme, is not plural (委员们) and is not cut out
//     of a verb (发挥委员); bare 委员/代表 must touch a name or a body; a place does not start with
//     a determiner + level (全市) or a verb of motion (赴). No model title inside a dateline.
//     Headlines and bodies are tagged separately.
//  3. WEAK rule spans: bare gazetteer names and names found only before a verb or a form of
//     address. Without the model they fill every gap; with it, a gazetteer name run into the
//     words around it (夕阳西下, 钻石首饰) is dropped, and so is a name found only before a verb
//     (许多人认为, 房东表示): the model read that text and saw no place or person there. A weak
//     name the model read only part of (平 in 习近平总书记) is kept whole and joins the certain spans.
//  Two readings override this order: a model person or title that strictly contains a certain
//  rule span of its own type (盖哈尔·卡斯帕尔 around 盖哈尔, 项目总经理 around 总经理) and crosses
//  nothing else joins the certain spans; and persons inside a kept policy term (邓小平 in
//  邓小平理论) are kept on a layer of their own, so two entities may share characters there.
//  Types the caller did not ask for still take part, so a filtered-out org still hides its
//  place. A model that throws is ignored: the reader keeps the rule results.
import type { AnalysisResult, AnalyzeOptions, Article, Dateline, Entity, EntityType } from './types';
import { ENTITY_TYPES } from './types';
import { normalize, toOriginal, type Normalized } from './normalize';
import { looksTraditional, toSimplified } from './convert';
import { segment, type Segment } from './segment';
import type { DatelineMatch } from './dateline';
import { findRuleEntities, type Cand } from './rules';
import { endsLikeOrg, modelSpanOk } from './rules/model-filter';
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

/**
 * Greedy non-overlapping selection: longest first, then priority, then source order.
 * Bucketed by length and priority instead of sorted, so it stays linear. Only candidates of
 * the given class take part.
 */
const CERTAIN = 0;
const WEAK = 1;
/** Weak spans other than gazetteer names run into the words around them. */
const WEAK_RULES = 2;

function resolve(cands: readonly Cand[], which: number, taken: Uint8Array, kept: Cand[]): void {
  const MAXLEN = 64;
  const buckets: Cand[][] = [];
  let longer: Cand[] | null = null;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (which === CERTAIN ? c.weak === true : c.weak !== true || (which === WEAK_RULES && (c.loose === true || c.type === 'person'))) continue;
    const len = c.end - c.start;
    if (len <= 0) continue;
    if (len > MAXLEN) (longer ??= []).push(c);
    else (buckets[len * 4 + (3 - c.prio)] ??= []).push(c);
  }
  if (longer) {
    longer.sort((a, b) => b.end - b.start - (a.end - a.start) || b.prio - a.prio || a.start - b.start);
    for (const c of longer) take(c, taken, kept);
  }
  for (let b = buckets.length - 1; b >= 0; b--) {
    const list = buckets[b];
    if (list) for (let k = 0; k < list.length; k++) take(list[k], taken, kept);
  }
}

function take(c: Cand, taken: Uint8Array, kept: Cand[]): void {
  for (let k = c.start; k < c.end; k++) if (taken[k]) return;
  taken.fill(1, c.start, c.end);
  kept.push(c);
}

/** Entities in text order without a comparison sort: one slot per start offset, plus layered persons. */
function inTextOrder(kept: readonly Cand[], len: number, want: Uint8Array): Cand[] {
  const at = new Int32Array(len + 1).fill(-1);
  const layered: Cand[] = [];
  for (let k = 0; k < kept.length; k++) {
    if (kept[k].layered) layered.push(kept[k]);
    else at[kept[k].start] = k;
  }
  layered.sort((a, b) => a.start - b.start);
  const out: Cand[] = [];
  let j = 0;
  for (let i = 0; i < len; i++) {
    const k = at[i];
    if (k >= 0 && want[TYPE_INDEX[kept[k].type]] === 1) out.push(kept[k]);
    // after the term that starts here (邓小平理论 before 邓小平)
    for (; j < layered.length && layered[j].start === i; j++) if (want[TYPE_INDEX[layered[j].type]] === 1) out.push(layered[j]);
  }
  return out;
}

const TYPE_INDEX: Record<EntityType, number> = { person: 0, place: 1, organization: 2, position: 3, date: 4, policy_term: 5 };

/**
 * Model spans over the analysis text. Headlines and bodies are tagged apart (the analysis string
 * has no line breaks, and a headline runs into the next line otherwise). No title is proposed
 * inside a dateline: 记者, 通讯员 there are bylines, read by the dateline rules.
 */
function modelCands(prep: Prepared, segs: readonly Segment[], t: Tagger, out: Cand[]): void {
  const text = prep.text;
  const n = text.length;
  const cut = new Uint8Array(n + 1);
  const block = new Uint8Array(n);
  for (const s of segs) {
    cut[s.start] = cut[s.end] = cut[s.bodyStart] = cut[s.bodyEnd] = 1;
    for (const [a, b] of s.headRanges) cut[a] = cut[b] = 1;
    if (s.dateline) block.fill(1, s.dateline.start, s.dateline.end);
  }
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && cut[i] !== 1) continue;
    const piece = from === 0 && i === n ? text : text.slice(from, i);
    let spans: ReturnType<Tagger>;
    try {
      spans = t(piece);
    } catch {
      // a broken or incompatible model must not cost the reader the rule results
      return;
    }
    for (const sp of spans) {
      const a = sp.start + from;
      const b = sp.end + from;
      if (sp.type === 'position' && (block[a] === 1 || block[b - 1] === 1)) continue;
      if (modelSpanOk(text, sp.type, a, b)) out.push({ type: sp.type, start: a, end: b, by: 'model', prio: 0 });
    }
    from = i;
  }
}

/**
 * A model organisation that strictly contains certain organisation/place spans and crosses none
 * (省政协文化文史和学习委员会 around 省政协) is the outer name: it joins the certain spans, where
 * the longest wins. Moved from the model list to the rule list, with structural priority.
 */
function promoteOuterOrgs(text: string, cands: Cand[], model: Cand[]): void {
  const n = text.length;
  let maxEndAt: Int32Array | null = null;
  let prefixMax: Int32Array | null = null;
  let w = 0;
  for (let m = 0; m < model.length; m++) {
    const c = model[m];
    if (c.type !== 'organization' || !endsLikeOrg(text, c.end)) {
      model[w++] = c;
      continue;
    }
    if (!maxEndAt || !prefixMax) {
      maxEndAt = new Int32Array(n + 1);
      for (const r of cands) if (!r.weak && r.end > maxEndAt[r.start]) maxEndAt[r.start] = r.end;
      prefixMax = new Int32Array(n + 1);
      for (let i = 1; i <= n; i++) prefixMax[i] = Math.max(prefixMax[i - 1], maxEndAt[i - 1]);
    }
    let ok = prefixMax[c.start] <= c.start; // nothing certain runs into it from the left
    let inner = false;
    for (let i = c.start; ok && i < c.end; i++) if (maxEndAt[i] > c.end) ok = false; // nor out of it
    if (ok) {
      for (const r of cands) {
        if (r.weak || r.start < c.start || r.end > c.end) continue;
        if (r.type !== 'organization' && r.type !== 'place') ok = false; // a term or a title inside: not one name
        else if (r.end - r.start < c.end - c.start) inner = true;
      }
    }
    if (ok && inner) cands.push({ type: c.type, start: c.start, end: c.end, by: 'model', prio: 3 });
    else model[w++] = c;
  }
  model.length = w;
}

/** 委员 / 代表 alone is a title only next to a name or a body (王春燕委员, 市政协委员); otherwise a role in general. */
function dropLoneMembers(text: string, kept: Cand[]): void {
  let w = 0;
  for (let k = 0; k < kept.length; k++) {
    const c = kept[k];
    if (c.by === 'model' && c.type === 'position' && c.end - c.start === 2 && (text.startsWith('委员', c.start) || text.startsWith('代表', c.start))) {
      let touch = false;
      for (const o of kept) if ((o.end === c.start || o.start === c.end) && (o.type === 'person' || o.type === 'organization')) touch = true;
      if (!touch) continue;
    }
    kept[w++] = c;
  }
  kept.length = w;
}

/** Chars that may close a place name in running text: punctuation, 讯, conjunctions, particles. */
const AFTER_PLACE = new Uint8Array(65536);
for (const ch of '讯、，。；：！？）》”和与及等的地人籍') AFTER_PLACE[ch.charCodeAt(0)] = 1;
/** Chars after which a place name starts: punctuation, prepositions and verbs of motion. */
const BEFORE_PLACE = new Uint8Array(65536);
for (const ch of '、，。；：！？（《“在赴到从至于和与及往经报') BEFORE_PLACE[ch.charCodeAt(0)] = 1;

/** A gazetteer name set off from its neighbours (赴临夏、…), not inside a word (夕阳西下, 钻石首饰). */
function delimited(text: string, start: number, end: number): boolean {
  const a = start === 0 ? 0x3002 : text.charCodeAt(start - 1);
  const b = end >= text.length ? 0x3002 : text.charCodeAt(end);
  const full = '省市县区州旗盟镇乡'.includes(text[end - 1]); // a full name ends itself
  return (a < 0x3400 || BEFORE_PLACE[a] === 1) && (full || b < 0x3400 || AFTER_PLACE[b] === 1);
}

export function recognise(prep: Prepared, segs: readonly Segment[], opts: EngineOptions = {}): Cand[] {
  const text = prep.text;
  const want = new Uint8Array(6);
  for (const t of opts.types ?? ENTITY_TYPES) want[TYPE_INDEX[t]] = 1;
  const cands: Cand[] = [];
  for (const s of segs) if (s.dateline) datelineCands(s.dateline, cands);
  const places = want[1] || want[2] ? findPlaces(text, { provinceHint: opts.provinceHint }) : [];
  for (const p of places) {
    const c: Cand = { type: 'place', start: p.start, end: p.end, by: 'gazetteer', prio: 2, info: p.info, weak: true };
    if (!delimited(text, p.start, p.end)) c.loose = true;
    cands.push(c);
  }
  findRuleEntities(text, { places }, cands);
  if (want[5]) {
    for (const t of findPolicyTerms(text)) cands.push({ type: 'policy_term', start: t.start, end: t.end, by: t.by, prio: 2, info: t.info });
  }
  // Types not wanted still take part in overlap resolution (an org hides its place), then drop.
  const taken = new Uint8Array(text.length);
  const kept: Cand[] = [];
  let model: Cand[] | null = null;
  if (tagger && opts.model !== false && text.length > 0) {
    model = [];
    modelCands(prep, segs, tagger, model);
    promoteOuterOrgs(text, cands, model);
    promoteLongerReadings(text, cands, model);
    trustLongerRuleNames(cands, model);
  }
  resolve(cands, CERTAIN, taken, kept); // 1. certain rule spans (and model orgs around them)
  if (model) resolve(model, CERTAIN, taken, kept); // 2. the model where no certain span is
  // 3. weak rule spans fill what is left; with the model on, a bare gazetteer name it passed over
  // is more often part of a word (夕阳西下, 钻石首饰) than a place the model missed
  resolve(cands, model ? WEAK_RULES : WEAK, taken, kept);
  if (model) dropLoneMembers(text, kept);
  personsInTerms(cands, model, kept, text.length);
  return inTextOrder(kept, text.length, want);
}

/**
 * The model's longer reading of a name or title wins over a rule's shorter one inside it:
 * a ·-joined name (盖哈尔·卡斯帕尔 where a title rule took 盖哈尔) or a compound title
 * (项目总经理, 副主任专家组长 around 总经理, 副主任 and 组长). Such a model span joins the certain
 * spans, where the longest wins, if it strictly contains a certain rule span of its own type and
 * crosses no certain span of another type.
 */
function promoteLongerReadings(text: string, cands: Cand[], model: Cand[]): void {
  let w = 0;
  for (let m = 0; m < model.length; m++) {
    const c = model[m];
    let inner = false;
    let crosses = false;
    if (c.type === 'person' || c.type === 'position') {
      for (const r of cands) {
        if (r.weak || r.end <= c.start || r.start >= c.end) continue;
        if (r.type === c.type && r.start >= c.start && r.end <= c.end && r.end - r.start < c.end - c.start) inner = true;
        else if (r.type !== c.type || r.start < c.start || r.end > c.end) crosses = true;
      }
    }
    const dot = text.indexOf('·', c.start);
    if (inner && !crosses && (c.type === 'position' || (dot > c.start && dot < c.end - 1))) cands.push({ ...c, prio: 3 });
    else model[w++] = c;
  }
  model.length = w;
}

/**
 * Where the model reads only part of a name that a rule found whole before a title or verb
 * (平 inside 习近平总书记), the rule's reading is the name: it joins the certain spans.
 */
function trustLongerRuleNames(cands: Cand[], model: readonly Cand[]): void {
  for (let k = 0; k < cands.length; k++) {
    const r = cands[k];
    if (r.type !== 'person' || !r.weak) continue;
    for (const m of model) {
      if (m.type === 'person' && m.start >= r.start && m.end <= r.end && m.end - m.start < r.end - r.start) {
        cands[k] = { ...r, weak: false };
        break;
      }
    }
  }
}

/**
 * A term named after a person holds that person (邓小平理论, 习近平新时代中国特色社会主义思想):
 * persons inside a kept policy term are kept as well, on a layer of their own. Places and
 * organisations inside a slogan stay part of it.
 */
function personsInTerms(cands: readonly Cand[], model: readonly Cand[] | null, kept: Cand[], n: number): void {
  let termEnd: Int32Array | null = null;
  for (const c of kept) {
    if (c.type !== 'policy_term') continue;
    termEnd ??= new Int32Array(n).fill(-1);
    termEnd.fill(c.end, c.start, c.end);
  }
  if (!termEnd) return;
  const inside: Cand[] = [];
  const pick = (list: readonly Cand[]) => {
    for (const c of list) {
      if (c.type === 'person' && !c.weak && termEnd![c.start] >= c.end && termEnd![c.end - 1] === termEnd![c.start]) inside.push(c);
    }
  };
  pick(cands);
  if (model) pick(model);
  const taken = new Uint8Array(n);
  const before = kept.length;
  resolve(inside, CERTAIN, taken, kept);
  for (let k = before; k < kept.length; k++) kept[k] = { ...kept[k], layered: true };
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
