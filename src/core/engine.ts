// The engine: normalise once, convert, segment, recognise, merge, map back.
//
// Merge policy (one entity per span). Candidates are split into three classes and resolved in
// this order; within a class the longest span wins, ties go to the more certain source, then to
// source order; a later class only fills characters no earlier span took.
//  1. CERTAIN rule spans: dateline reporters/place/date, title+name persons, organisations built
//     from place/level + body (the place inside is hidden), lexicon policy terms, rule titles,
//     dates. Plus a model organisation that strictly contains certain org/place spans (or a
//     policy term it is named after), crosses none and ends like an organisation name
//     (省政协文化文史和学习委员会 around 省政协, 邓小平理论研究中心).
//  2. MODEL spans (AnalyzeOptions.model, on whenever a tagger is registered), after linguistic
//     filters in rules/model-filter.ts: a person starts with a surname (or is a transliterated,
//     Latin or ·-joined name, or a lone surname as in 吕老), contains no 政协/委员 and does not end
//     in a collective or administrative noun (培训班), starts with a function char only after a
//     title or before a form of address (和文史 no, 记者于青 yes), and loses a verb 为 it ran into
//     before a title (罗燕为|副主席); an organisation has a distinctive part (not a bare body or kind of
//     institution: 政协, 有限责任公司), a place, level or national prefix before 政协 (not 立足政协,
//     全市政协), no clause verb, and only paired quotes or brackets inside (花旗银行（中国）有限公司);
//     a title ends in a title morpheme, is not plural (委员们) and is not cut out of a verb
//     (发挥委员); bare 委员/代表 must touch a name or a body; a place does not start with a
//     determiner + level (全市) or a verb of motion (赴), and one character is a place only as a
//     known abbreviation or beside another one (黄|淮). No model title inside a dateline.
//     Headlines and bodies are tagged separately.
//  3. WEAK rule spans: bare gazetteer names and names found only before a verb or a form of
//     address. Without the model they fill every gap; with it, a gazetteer name run into the
//     words around it (夕阳西下, 钻石首饰) is dropped, and so is a name found only before a verb
//     (许多人认为, 房东表示): the model read that text and saw no place or person there. A weak
//     name the model read only part of (平 in 习近平总书记) is kept whole and joins the certain spans.
//     A full name (with its level suffix) run into the text on its left is kept where the model
//     did read an entity there but every reading it had lost to a certain span it crossed
//     (以来临夏州, where the model read 夏州共收集社 across the term 社情民意信息).
//  Where the model and a rule read the same characters differently, the rule's reading stands
//  only if it is structure; where it is a convention or a guess, the model's reading wins:
//   - a model person or title that strictly contains a certain rule span of its own type
//     (盖哈尔·卡斯帕尔 around 盖哈尔, 项目总经理 around 总经理) and crosses nothing else joins the
//     certain spans;
//   - `<place>政府` is "the government of <place>" (MSRA labels the place alone, 717 of 727 times):
//     a rule organisation ending in 政府 (not the formal name 人民政府) stays only where the model
//     read an organisation over the 政府 too;
//   - a rule title whose first characters end an organisation name the model read (民航局|长,
//     北大党委|书记) gives them to the name; it keeps what is left if that is still a title (书记),
//     else it goes (长). Where the rules end an organisation where the title starts
//     (市政协|党组书记), their reading stands;
//   - a name the rules read only from the title before it (总理|强调) goes where the model read
//     no entity at all; dateline reporters stay.
//  Persons a kept policy term begins with (邓小平 in 邓小平理论) are kept on a layer of their own,
//  so two entities may share characters there. Types the caller did not ask for still take part,
//  so a filtered-out org still hides its place. A model that throws is ignored: the reader gets
//  the rule results, as without a model. Measured on the dev split held out of the training
//  files (scripts/eval-ner.ts; scripts/ner/merge-diff.ts lists what the merge loses against the
//  model alone, by cause).
import type { AnalysisResult, AnalyzeOptions, Article, Dateline, Entity, EntityInfo, EntityType } from './types';
import { ENTITY_TYPES } from './types';
import { isCjkIdeograph, normalize, toOriginal, type Normalized, type NormScratch } from './normalize';
import { codeUnits } from './units';
import { looksTraditional, toSimplified } from './convert';
import { segment, type Segment } from './segment';
import type { DatelineMatch } from './dateline';
import { cand, candAt, pushCand, scanRules, type Cand } from './rules';
import { BY_NAMES, B_GAZETTEER, B_LEXICON, B_MODEL, B_PATTERN, B_RULE, CandStore, F_LOOSE, F_WEAK, T_DATE, T_ORG, T_PERSON, T_PLACE, T_POLICY, T_POSITION, type CandSink } from './cands';
import { endsLikeOrg, isAsciiWord, modelSpanOk, trimModelSpan, trimModelStart } from './rules/model-filter';
import { findPlaces, lookupPlace } from './gazetteer';
import { scanPolicyTerms } from './lexicon';

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
  /** The code units of `text`: normalize's own buffer, copied only when conversion changed the text. */
  units: Uint16Array;
}

export function prepare(original: string, scratch?: NormScratch): Prepared {
  const norm = normalize(original, scratch);
  const converted = looksTraditional(norm.text);
  const text = converted ? toSimplified(norm.text) : norm.text;
  const units = norm.units && !(converted && text !== norm.text) ? norm.units : codeUnits(text);
  return { norm, text, converted, units };
}

function datelineCands(d: DatelineMatch, out: CandSink, places: Map<string, ReturnType<typeof lookupPlace>[number] | undefined>): void {
  for (const r of d.reporterSpans) out.add(T_PERSON, r.start, r.end, B_RULE, 3);
  if (d.placeSpan) {
    // a page repeats its datelines' places: look each name up once
    const name = d.placeSpan.text;
    let info = places.get(name);
    if (info === undefined && !places.has(name)) places.set(name, (info = lookupPlace(name)[0]));
    // a division is certain; another name there (本报联合国…电) is a place only if nothing reads it otherwise
    if (info) out.add(T_PLACE, d.placeSpan.start, d.placeSpan.end, B_RULE, 3, { id: info.id, canonical: info.name, parents: info.parents });
    else out.add(T_PLACE, d.placeSpan.start, d.placeSpan.end, B_RULE, 1, undefined, true);
  }
  if (d.dateSpan) out.add(T_DATE, d.dateSpan.start, d.dateSpan.end, B_RULE, 3);
}

const CERTAIN = 0;
const WEAK = 1;
/** Weak spans other than gazetteer names run into the words around them. */
const WEAK_RULES = 2;

/** Kept spans: store indices in the order taken, and which of them are layered. */
interface Kept {
  idx: Int32Array;
  layered: Uint8Array;
  n: number;
}

/**
 * Greedy non-overlapping selection: longest first, then priority, then source order.
 * Bucketed by length and priority instead of sorted, so it stays linear. Only candidates of
 * the given class take part: store rows from..to, or list[from..to] when a list is given.
 */
function resolve(st: CandStore, list: Int32Array | null, from: number, to: number, which: number, taken: Int32Array, kept: Kept): void {
  const MAXLEN = 64;
  const NB = (MAXLEN + 1) * 4;
  // A stable counting sort into buckets: counts, then offsets, then store indices in source order.
  const m = to - from;
  const count = new Int32Array(NB + 1);
  const bucketOf = new Int16Array(m).fill(-1);
  const flags = st.flags;
  const starts = st.start;
  const ends = st.end;
  let longer: number[] | null = null;
  for (let q = 0; q < m; q++) {
    const k = list === null ? from + q : list[from + q];
    const f = flags[k];
    if (((f & F_WEAK) !== 0) === (which === CERTAIN) || (which === WEAK_RULES && ((f & F_LOOSE) !== 0 || st.type[k] === T_PERSON))) continue;
    const len = ends[k] - starts[k];
    if (len <= 0) continue;
    if (len > MAXLEN) (longer ??= []).push(k);
    else {
      const b = len * 4 + st.prio[k];
      bucketOf[q] = b;
      count[b + 1]++;
    }
  }
  for (let b = 1; b <= NB; b++) count[b] += count[b - 1];
  const order = new Int32Array(count[NB]);
  const fillAt = count.slice(0, NB);
  for (let q = 0; q < m; q++) {
    const b = bucketOf[q];
    if (b >= 0) order[fillAt[b]++] = list === null ? from + q : list[from + q];
  }
  if (longer) {
    longer.sort((a, b) => ends[b] - starts[b] - (ends[a] - starts[a]) || st.prio[b] - st.prio[a] || starts[a] - starts[b]);
    for (const k of longer) take(st, k, taken, kept);
  }
  for (let b = NB - 1; b >= 0; b--) {
    for (let q = count[b]; q < count[b + 1]; q++) take(st, order[q], taken, kept);
  }
}

/**
 * Chars already taken, one bit per analysis char: candidates are visited by length, not by
 * position, so a byte per char would miss the cache on almost every visit.
 */
function takenBits(n: number): Int32Array {
  return new Int32Array((n >>> 5) + 1);
}

/** Bits lo..hi (inclusive, 0–31) of a word. */
function mask(lo: number, hi: number): number {
  return (-1 >>> (31 - hi)) & (-1 << lo);
}

function take(st: CandStore, k: number, taken: Int32Array, kept: Kept): void {
  if (!claim(taken, st.start[k], st.end[k] - 1)) return;
  if (kept.n === kept.idx.length) {
    const idx = new Int32Array(kept.n * 2);
    idx.set(kept.idx);
    kept.idx = idx;
    const layered = new Uint8Array(kept.n * 2);
    layered.set(kept.layered);
    kept.layered = layered;
  }
  kept.idx[kept.n++] = k;
}

/** Marks chars s..last taken unless one of them already is; true when it marked them. */
function claim(taken: Int32Array, s: number, last: number): boolean {
  const w0 = s >>> 5;
  const w1 = last >>> 5;
  if (w0 === w1) {
    const m = mask(s & 31, last & 31);
    if ((taken[w0] & m) !== 0) return false;
    taken[w0] |= m;
  } else {
    if ((taken[w0] & mask(s & 31, 31)) !== 0) return false;
    for (let w = w0 + 1; w < w1; w++) if (taken[w] !== 0) return false;
    if ((taken[w1] & mask(0, last & 31)) !== 0) return false;
    taken[w0] |= mask(s & 31, 31);
    for (let w = w0 + 1; w < w1; w++) taken[w] = -1;
    taken[w1] |= mask(0, last & 31);
  }
  return true;
}

/**
 * A term named after a person begins with that person (邓小平理论, 习近平新时代中国特色社会主义思想):
 * a person at the start of a kept policy term is kept as well, on a layer of their own. Places and
 * organisations inside a slogan stay part of it, and so does a name read across its words (协商|于民).
 */
function personsInTerms(st: CandStore, kept: Kept, n: number): void {
  // Kept terms never overlap: two bit sets (chars covered by a term, chars that start one) tell
  // which term holds a char, with no text-length table of ends and no sort.
  const words = (n >>> 5) + 1;
  let cover: Int32Array | null = null;
  let heads: Int32Array | null = null;
  for (let q = 0; q < kept.n; q++) {
    const k = kept.idx[q];
    if (st.type[k] !== T_POLICY) continue;
    const s = st.start[k];
    cover ??= new Int32Array(words);
    heads ??= new Int32Array(words);
    heads[s >>> 5] |= 1 << (s & 31);
    for (let p = s; p < st.end[k]; p++) cover[p >>> 5] |= 1 << (p & 31);
  }
  if (!cover || !heads) return;
  let inside: Int32Array | null = null;
  let m = 0;
  // every row: with the model on, the rule rows come first, then the model's (ties go to source order)
  for (let k = 0; k < st.n; k++) {
    if (st.type[k] !== T_PERSON || (st.flags[k] & F_WEAK) !== 0) continue;
    const a = st.start[k];
    const e = st.end[k];
    if (a < 0 || a >= n || ((cover[a >>> 5] >>> (a & 31)) & 1) === 0) continue;
    // the term holding a: back to its first char, on to its end
    let ts = a;
    while (((heads[ts >>> 5] >>> (ts & 31)) & 1) === 0) ts--;
    let te = ts + 1;
    while (te < n && ((cover[te >>> 5] >>> (te & 31)) & 1) === 1 && ((heads[te >>> 5] >>> (te & 31)) & 1) === 0) te++;
    // the name the term begins with (邓小平理论, 毛泽东思想), not a reading across its words (协商|于民)
    if (a === ts && te >= e && e - 1 < te) {
      let list: Int32Array = inside ?? new Int32Array(16);
      if (m === list.length) {
        const grown = new Int32Array(m * 2);
        grown.set(list);
        list = grown;
      }
      list[m++] = k;
      inside = list;
    }
  }
  if (!inside) return;
  const before = kept.n;
  resolve(st, inside, 0, m, CERTAIN, takenBits(n), kept);
  kept.layered.fill(1, before, kept.n);
}

/**
 * Entities in text order. Unlayered spans do not overlap, so their starts are distinct: they are
 * put in order by a two-pass radix sort on the start (no comparison callback, no text-length
 * table); layered persons come after the unlayered span that starts where they do
 * (邓小平理论 before 邓小平).
 */
function inTextOrder(st: CandStore, kept: Kept, want: Uint8Array): Recognised {
  const starts = st.start;
  let nLayered = 0;
  for (let q = 0; q < kept.n; q++) nLayered += kept.layered[q];
  const plain = new Int32Array(kept.n - nLayered);
  const layered: number[] = [];
  for (let q = 0, p = 0; q < kept.n; q++) {
    if (kept.layered[q] === 1) layered.push(kept.idx[q]);
    else plain[p++] = kept.idx[q];
  }
  // unlayered starts are distinct, and so are layered ones: any sort by start gives one order
  layered.sort((a, b) => starts[a] - starts[b]);
  const sorted = plain.length < 4096 ? plain.sort((a, b) => starts[a] - starts[b]) : radixByStart(plain, starts);
  const order = new Int32Array(sorted.length + layered.length);
  const isLayered = new Uint8Array(order.length);
  const type = st.type;
  let m = 0;
  let j = 0;
  for (let q = 0; q < sorted.length; q++) {
    const k = sorted[q];
    for (; j < layered.length && starts[layered[j]] < starts[k]; j++) if (want[type[layered[j]]] === 1) (isLayered[m] = 1), (order[m++] = layered[j]);
    if (want[type[k]] === 1) order[m++] = k;
    for (; j < layered.length && starts[layered[j]] === starts[k]; j++) if (want[type[layered[j]]] === 1) (isLayered[m] = 1), (order[m++] = layered[j]);
  }
  for (; j < layered.length; j++) if (want[type[layered[j]]] === 1) (isLayered[m] = 1), (order[m++] = layered[j]);
  return { store: st, order, layered: isLayered, count: m };
}

/** Store indices ordered by start, least significant 16 bits first (starts are below 2^32). */
function radixByStart(list: Int32Array, starts: Int32Array): Int32Array {
  const m = list.length;
  const count = new Int32Array(65537);
  const tmp = new Int32Array(m);
  for (let q = 0; q < m; q++) count[(starts[list[q]] & 0xffff) + 1]++;
  for (let b = 1; b <= 65536; b++) count[b] += count[b - 1];
  for (let q = 0; q < m; q++) tmp[count[starts[list[q]] & 0xffff]++] = list[q];
  count.fill(0);
  for (let q = 0; q < m; q++) count[(starts[tmp[q]] >>> 16) + 1]++;
  for (let b = 1; b <= 65536; b++) count[b] += count[b - 1];
  const out = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const k = tmp[r];
    out[count[starts[k] >>> 16]++] = k;
  }
  return out;
}

const TYPE_INDEX: Record<EntityType, number> = { person: 0, place: 1, organization: 2, position: 3, date: 4, policy_term: 5 };

/**
 * Model spans over the analysis text. Headlines and bodies are tagged apart (the analysis string
 * has no line breaks, and a headline runs into the next line otherwise). No title is proposed
 * inside a dateline: 记者, 通讯员 there are bylines, read by the dateline rules.
 */
function modelCands(prep: Prepared, segs: readonly Segment[], t: Tagger, out: Cand[]): boolean {
  const text = prep.text;
  const n = text.length;
  const cut = new Uint8Array(n + 1);
  const block = new Uint8Array(n);
  for (const s of segs) {
    cut[s.start] = cut[s.end] = cut[s.bodyStart] = cut[s.bodyEnd] = 1;
    for (const [a, b] of s.headRanges) cut[a] = cut[b] = 1;
    if (s.dateline) block.fill(1, s.dateline.start, s.dateline.end);
  }
  // Space or a line break where the script changes (李 明 / Copyright 人民政协网) ends a piece: a
  // name runs on across a broken line, but not from ideographs into Latin letters or digits.
  const map = prep.norm.map;
  for (let i = 1; i < n; i++) {
    if (map[i] === map[i - 1] + 1) continue;
    const a = isCjkIdeograph(text.charCodeAt(i - 1));
    if (a !== isCjkIdeograph(text.charCodeAt(i)) && (a ? isAsciiWord(text.charCodeAt(i)) : isAsciiWord(text.charCodeAt(i - 1)))) cut[i] = 1;
  }
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && cut[i] !== 1) continue;
    // the model reads Chinese: a piece without an ideograph (a Latin footer line) is not its to tag
    let cjk = false;
    for (let k = from; k < i && !cjk; k++) cjk = isCjkIdeograph(text.charCodeAt(k));
    if (!cjk) {
      from = i;
      continue;
    }
    const piece = from === 0 && i === n ? text : text.slice(from, i);
    let spans: ReturnType<Tagger>;
    try {
      spans = t(piece);
    } catch {
      // a broken or incompatible model must not cost the reader the rule results: as if none
      return false;
    }
    for (let q = 0; q < spans.length; q++) {
      const sp = spans[q];
      const b = trimModelSpan(text, sp.type, sp.start + from, sp.end + from);
      const a = trimModelStart(text, sp.type, sp.start + from, b);
      if (sp.type === 'position' && (block[a] === 1 || block[b - 1] === 1)) continue;
      if (modelSpanOk(text, sp.type, a, b) || abbreviationPair(text, spans, q, from)) out.push(cand(sp.type, a, b, 'model', 0));
    }
    from = i;
  }
  return true;
}

/**
 * One-character places the model reads side by side are abbreviations of two places (黄|淮 for
 * the Yellow and Huai rivers, 江|淮, 京|津), whether or not the filter knows the character.
 */
function abbreviationPair(text: string, spans: ReturnType<Tagger>, q: number, from: number): boolean {
  const sp = spans[q];
  if (sp.type !== 'place' || sp.end - sp.start !== 1 || !isCjkIdeograph(text.charCodeAt(from + sp.start))) return false;
  const one = (o: (typeof spans)[number] | undefined): boolean => o !== undefined && o.type === 'place' && o.end - o.start === 1;
  const prev = spans[q - 1];
  const next = spans[q + 1];
  return (one(prev) && prev.end === sp.start) || (one(next) && next.start === sp.end);
}

/**
 * A model organisation that strictly contains certain organisation/place spans and crosses none
 * (省政协文化文史和学习委员会 around 省政协) is the outer name: it joins the certain spans, where
 * the longest wins. Moved from the model list to the rule list, with structural priority. So is
 * one named after a policy term inside it that goes on at least two characters after the term
 * (邓小平理论研究中心 around 邓小平理论).
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
        if (r.type === 'policy_term' && r.end <= c.end - 2) inner = true; // 邓小平理论|研究中心: named after the term
        else if (r.type !== 'organization' && r.type !== 'place') ok = false; // a title inside, or a term it ends in: not one name
        else if (r.end - r.start < c.end - c.start) inner = true;
      }
    }
    if (ok && inner) cands.push(cand(c.type, c.start, c.end, 'model', 3));
    else model[w++] = c;
  }
  model.length = w;
}

/**
 * `<place>政府`, `<level>政府` is "the government of <place>", not a name: a rule organisation
 * ending in 政府 stays only where the model read an organisation over the 政府 as well; otherwise
 * the model's reading stands (the place alone in 中国|政府, 武夷山市|政府, 西区|政府; nothing in
 * 县委、县政府). MSRA labels only the place there (717 of 727 times in its training file);
 * the formal name `<place>人民政府` stays an organisation.
 */
function governmentOfPlace(text: string, cands: Cand[], model: readonly Cand[]): void {
  let orgChars: Uint8Array | null = null; // chars the model read as part of an organisation
  let w = 0;
  for (let k = 0; k < cands.length; k++) {
    const r = cands[k];
    if (r.type === 'organization' && r.by === 'rule' && !r.weak && r.end - r.start > 2 && text.startsWith('政府', r.end - 2) && !text.startsWith('人民', r.end - 4)) {
      if (!orgChars) {
        orgChars = new Uint8Array(text.length);
        for (const m of model) if (m.type === 'organization') orgChars.fill(1, m.start, m.end);
      }
      if (orgChars[r.end - 2] !== 1 && orgChars[r.end - 1] !== 1) continue;
    }
    cands[w++] = r;
  }
  cands.length = w;
}

/**
 * A rule title whose first characters are the last ones of an organisation name the model read
 * (民航局|长 read as 局长, 北大党委|书记 as 党委书记, 全国政协|委员 as 政协委员, 外交部|长 as 外交部长)
 * gives those characters to the name: the organisation joins the certain spans and the title keeps
 * what is left if that is still a title (书记, 委员, 代表), else it goes (长). Where the rules
 * themselves end an organisation where the title starts (市政协|党组书记) their reading stands.
 */
function titlesYieldToOrgs(text: string, cands: Cand[], model: Cand[]): void {
  // the longest model organisation ending at each char
  let orgEndingAt: Map<number, Cand> | null = null;
  for (let k = 0; k < model.length; k++) {
    const o = model[k];
    if (o.type !== 'organization') continue;
    orgEndingAt ??= new Map();
    const had = orgEndingAt.get(o.end);
    if (!had || o.start < had.start) orgEndingAt.set(o.end, o);
  }
  if (!orgEndingAt) return;
  // Decide on the candidates as they are, then rewrite the list.
  const yieldTo = new Map<Cand, Cand>(); // rule title -> the model organisation it yields to
  for (const p of cands) {
    if (p.type !== 'position' || p.by !== 'rule' || p.weak) continue;
    let org: Cand | null = null;
    for (let e = p.start + 1; e < p.end; e++) {
      const o = orgEndingAt.get(e);
      if (o && o.start <= p.start && (!org || o.end - o.start > org.end - org.start)) org = o;
    }
    if (!org) continue;
    let ok = true;
    // rare (a title glued to a model organisation): a scan of the candidates is fine here
    for (const r of cands) {
      if (r === p || r.weak || !ok) continue;
      if (r.type === 'organization' && r.end === p.start) ok = false; // the rules read org|title already
      else if (r.start < org.end && r.end > org.start) {
        const inside = r.start >= org.start && r.end <= org.end;
        const around = r.start <= org.start && r.end >= org.end && r.type === 'organization';
        if (!inside && !around) ok = false; // something else certain runs into the name: not one name
      }
    }
    if (ok) yieldTo.set(p, org);
  }
  if (yieldTo.size === 0) return;
  const promoted = new Set<Cand>();
  let w = 0;
  for (let k = 0; k < cands.length; k++) {
    const p = cands[k];
    const org = yieldTo.get(p);
    if (!org) cands[w++] = p;
    else {
      promoted.add(org);
      if (modelSpanOk(text, 'position', org.end, p.end)) cands[w++] = { ...p, start: org.end };
    }
  }
  cands.length = w;
  for (const o of promoted) cands.push({ ...o, prio: 3 });
  let m = 0;
  for (let k = 0; k < model.length; k++) if (!promoted.has(model[k])) model[m++] = model[k];
  model.length = m;
}

/** 委员 / 代表 alone is a title only next to a name or a body (王春燕委员, 市政协委员); otherwise a role in general. */
function dropLoneMembers(text: string, st: CandStore, kept: Kept): void {
  const idx = kept.idx;
  let w = 0;
  for (let q = 0; q < kept.n; q++) {
    const k = idx[q];
    const s = st.start[k];
    const e = st.end[k];
    if (st.by[k] === B_MODEL && st.type[k] === T_POSITION && e - s === 2 && (text.startsWith('委员', s) || text.startsWith('代表', s))) {
      let touch = false;
      for (let p = 0; p < kept.n; p++) {
        const o = idx[p];
        if ((st.end[o] === s || st.start[o] === e) && (st.type[o] === T_PERSON || st.type[o] === T_ORG)) touch = true;
      }
      if (!touch) continue;
    }
    idx[w++] = k; // nothing is layered yet
  }
  kept.n = w;
}

/** Chars that may close a place name in running text: punctuation, 讯, conjunctions, particles. */
const AFTER_PLACE = new Uint8Array(65536);
for (const ch of '讯、，。；：！？）》”和与及等的地人籍') AFTER_PLACE[ch.charCodeAt(0)] = 1;
/** Chars after which a place name starts: punctuation, prepositions and verbs of motion. */
const BEFORE_PLACE = new Uint8Array(65536);
for (const ch of '、，。；：！？（《“在赴到从至于和与及往经报') BEFORE_PLACE[ch.charCodeAt(0)] = 1;

/** Last chars of a full place name. */
const FULL_PLACE = new Uint8Array(65536);
for (const ch of '省市县区州旗盟镇乡') FULL_PLACE[ch.charCodeAt(0)] = 1;

/**
 * Full gazetteer names (临夏州: the name with its level suffix, three characters or more) that
 * are run into the text on their left (以来临夏州), where the model did read an entity but every
 * reading it had there lost to a certain span it crossed (夏州共收集社 across 社情民意信息): the
 * model saw a name but not its bounds, and the dictionary's full name is the better reading.
 * Where the model read nothing, or a reading of it was kept, such a name still goes.
 */
function fullNamesModelMisread(text: string, st: CandStore, nRules: number, kept: Kept): Int32Array {
  const out: number[] = [];
  // per char: 1 the model read an entity here, 2 a model reading here was kept
  let read: Uint8Array | null = null;
  for (let k = 0; k < nRules; k++) {
    const s = st.start[k];
    const e = st.end[k];
    if (st.by[k] !== B_GAZETTEER || (st.flags[k] & F_LOOSE) === 0 || e - s < 3 || FULL_PLACE[text.charCodeAt(e - 1)] !== 1) continue;
    if (!read) {
      read = new Uint8Array(text.length);
      for (let m = nRules; m < st.n; m++) read.fill(1, st.start[m], st.end[m]);
      for (let q = 0; q < kept.n; q++) {
        const m = kept.idx[q];
        if (st.by[m] === B_MODEL) read.fill(2, st.start[m], st.end[m]);
      }
    }
    let any = false;
    let lost = true;
    for (let i = s; i < e; i++) {
      if (read[i] !== 0) any = true;
      if (read[i] === 2) lost = false;
    }
    if (any && lost) out.push(k);
  }
  return Int32Array.from(out);
}

/** A gazetteer name set off from its neighbours (赴临夏、…), not inside a word (夕阳西下, 钻石首饰). */
function delimited(text: string, start: number, end: number): boolean {
  const a = start === 0 ? 0x3002 : text.charCodeAt(start - 1);
  const b = end >= text.length ? 0x3002 : text.charCodeAt(end);
  const full = FULL_PLACE[text.charCodeAt(end - 1)] === 1; // a full name ends itself
  return (a < 0x3400 || BEFORE_PLACE[a] === 1) && (full || b < 0x3400 || AFTER_PLACE[b] === 1);
}

/** The candidates of every recogniser but the model, in source order. */
function ruleCands(prep: Prepared, segs: readonly Segment[], opts: EngineOptions, want: Uint8Array): CandStore {
  const text = prep.text;
  // bulletin text yields about one candidate per 20 chars: room for one per 16, grown if denser
  const store = new CandStore((text.length >>> 4) + 16);
  const datelinePlaces = new Map<string, ReturnType<typeof lookupPlace>[number] | undefined>();
  for (let k = 0; k < segs.length; k++) if (segs[k].dateline) datelineCands(segs[k].dateline as DatelineMatch, store, datelinePlaces);
  const places = want[1] || want[2] ? findPlaces(text, { provinceHint: opts.provinceHint }) : [];
  for (let k = 0; k < places.length; k++) {
    const p = places[k];
    // loose when the name is not set off
    store.push(T_PLACE, p.start, p.end, B_GAZETTEER, 2, p.info, delimited(text, p.start, p.end) ? F_WEAK : F_WEAK | F_LOOSE);
  }
  scanRules(text, { places, units: prep.units }, store);
  if (want[5]) {
    scanPolicyTerms(
      text,
      (start, end, by, info) => {
        store.push(T_POLICY, start, end, by === 'lexicon' ? B_LEXICON : B_PATTERN, 2, info, 0);
      },
      prep.units,
    );
  }
  return store;
}

/** Recognised spans, merged: store indices in text order, and which of them are layered. */
type Recognised = { store: CandStore; order: Int32Array; layered: Uint8Array; count: number };

export function recognise(prep: Prepared, segs: readonly Segment[], opts: EngineOptions = {}): Cand[] {
  const r = recogniseStore(prep, segs, opts);
  const out: Cand[] = [];
  for (let q = 0; q < r.count; q++) {
    const c = candAt(r.store, r.order[q]);
    out.push(r.layered[q] === 1 ? { ...c, layered: true } : c);
  }
  return out;
}

function recogniseStore(prep: Prepared, segs: readonly Segment[], opts: EngineOptions): Recognised {
  const text = prep.text;
  const n = text.length;
  const want = new Uint8Array(6);
  for (const t of opts.types ?? ENTITY_TYPES) want[TYPE_INDEX[t]] = 1;
  const st = ruleCands(prep, segs, opts, want);
  let model: Cand[] | null = null;
  if (tagger && opts.model !== false && n > 0) {
    model = [];
    if (!modelCands(prep, segs, tagger, model)) model = null;
  }
  // Types not wanted still take part in overlap resolution (an org hides its place), then drop.
  const taken = takenBits(n);
  const kept: Kept = { idx: new Int32Array(Math.max(16, st.n)), layered: new Uint8Array(Math.max(16, st.n)), n: 0 };
  if (!model) {
    resolve(st, null, 0, st.n, CERTAIN, taken, kept);
    resolve(st, null, 0, st.n, WEAK, taken, kept);
  } else {
    // The model's adjustments rewrite few candidates and run on objects; the merge runs on
    // columns again: the adjusted rule candidates, then the model's spans.
    const cands: Cand[] = new Array(st.n);
    for (let k = 0; k < st.n; k++) cands[k] = candAt(st, k);
    governmentOfPlace(text, cands, model);
    titlesYieldToOrgs(text, cands, model);
    promoteOuterOrgs(text, cands, model);
    promoteLongerReadings(text, cands, model);
    trustLongerRuleNames(cands, model);
    dropUnreadTitleNames(segs, cands, model, n);
    st.n = 0; // the rows live on as objects: refill the store
    for (let k = 0; k < cands.length; k++) pushCand(st, cands[k]);
    const nRules = st.n;
    for (let k = 0; k < model.length; k++) pushCand(st, model[k]);
    resolve(st, null, 0, nRules, CERTAIN, taken, kept); // 1. certain rule spans (and model orgs around them)
    resolve(st, null, nRules, st.n, CERTAIN, taken, kept); // 2. the model where no certain span is
    // 3. weak rule spans fill what is left; with the model on, a bare gazetteer name it passed over
    // is more often part of a word (夕阳西下, 钻石首饰) than a place the model missed
    resolve(st, null, 0, nRules, WEAK_RULES, taken, kept);
    const full = fullNamesModelMisread(text, st, nRules, kept);
    resolve(st, full, 0, full.length, WEAK, taken, kept);
    dropLoneMembers(text, st, kept);
  }
  personsInTerms(st, kept, n);
  return inTextOrder(st, kept, want);
}

/**
 * A name the rules read only from the title before it (总理|强调, 总统|任期, 记者|相约) is a guess
 * about the next two or three characters: with the model on, it stands only where the model read
 * an entity there too; where the model read no entity at all, the guess goes. Dateline reporters
 * (a byline, read by structure) stay.
 */
function dropUnreadTitleNames(segs: readonly Segment[], cands: Cand[], model: readonly Cand[], n: number): void {
  let cover: Uint8Array | null = null;
  let w = 0;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.type === 'person' && c.by === 'rule' && !c.weak) {
      if (!cover) {
        cover = new Uint8Array(n + 1);
        for (const m of model) cover.fill(1, m.start, m.end);
        for (const sg of segs) if (sg.dateline) cover.fill(1, sg.dateline.start, sg.dateline.end);
      }
      let read = false;
      for (let i = c.start; i < c.end && !read; i++) read = cover[i] === 1;
      if (!read) continue;
    }
    cands[w++] = c;
  }
  cands.length = w;
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

function toDateline(prep: Prepared, d: DatelineMatch): Dateline {
  const [start, end] = toOriginal(prep.norm, d.start, d.end);
  return { text: d.text, agency: d.agency, place: d.place, reporters: d.reporters.slice(), date: d.date, start, end };
}

/**
 * Articles, with the index of the article each analysis offset belongs to. Entities are asked
 * for in text order, so the last interval starting at or before the offset is found by walking
 * on from the previous answer (a binary search when an offset goes back).
 */
function articleIndex(segs: readonly Segment[]): (pos: number) => number | null {
  // each article's range, then its headlines printed outside it: columns, not a tuple each
  let m = 0;
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    m++;
    for (let q = 0; q < s.headRanges.length; q++) if (s.headRanges[q][0] < s.start || s.headRanges[q][1] > s.end) m++;
  }
  const s0 = new Float64Array(m);
  const e0 = new Float64Array(m);
  const a0 = new Int32Array(m);
  let j = 0;
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k];
    s0[j] = s.start;
    e0[j] = s.end;
    a0[j++] = k;
    for (let q = 0; q < s.headRanges.length; q++) {
      const a = s.headRanges[q][0];
      const b = s.headRanges[q][1];
      if (a < s.start || b > s.end) {
        s0[j] = a;
        e0[j] = b;
        a0[j++] = k;
      }
    }
  }
  // by start; equal starts keep their order, as the stable sort of the tuples did
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((x, y) => s0[x] - s0[y] || x - y);
  const ivStart = new Float64Array(m);
  const ivEnd = new Float64Array(m);
  const ivArticle = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    ivStart[k] = s0[order[k]];
    ivEnd[k] = e0[order[k]];
    ivArticle[k] = a0[order[k]];
  }
  let found = -1;
  let lastPos = -Infinity;
  return (pos) => {
    if (pos < lastPos) {
      // the last interval starting at or before pos
      let lo = 0;
      let hi = m - 1;
      found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (ivStart[mid] <= pos) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
    } else while (found + 1 < m && ivStart[found + 1] <= pos) found++;
    lastPos = pos;
    for (let k = found; k >= 0 && k >= found - 2; k--) if (ivStart[k] <= pos && pos < ivEnd[k]) return ivArticle[k];
    return null;
  };
}

/**
 * Normalisation buffers analyze reuses from call to call (its Prepared never leaves the call):
 * three text-sized buffers are otherwise fresh memory each time, paid in page faults. Kept for
 * texts up to SCRATCH_MAX chars (7 bytes a char); not used by a nested call.
 */
const SCRATCH_MAX = 1 << 22;
let scratch: NormScratch | null = null;
let scratchBusy = false;

export function analyze(text: string, opts: EngineOptions = {}): AnalysisResult {
  const n = text.length;
  let own: NormScratch | undefined;
  if (!scratchBusy && n <= SCRATCH_MAX) {
    if (scratch === null || scratch.map.length <= n) scratch = { map: new Int32Array(n + 1), breaks: new Uint8Array(n + 1), units: new Uint16Array(n) };
    own = scratch;
    scratchBusy = true;
  }
  try {
    return analyzePrepared(text, prepare(text, own), opts);
  } finally {
    if (own) scratchBusy = false;
  }
}

function analyzePrepared(text: string, prep: Prepared, opts: EngineOptions): AnalysisResult {
  const segs = segment(prep.norm, prep.text, { singleArticle: opts.singleArticle, title: opts.title });
  // entities before articles: what a collection during recognition finds alive, it copies
  const entities = toEntities(prep, segs, recogniseStore(prep, segs, opts));
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
  return { text, articles, entities };
}

function toEntities(prep: Prepared, segs: readonly Segment[], r: Recognised): Entity[] {
  const which = articleIndex(segs);
  const map = prep.norm.map;
  const pool = new TextPool(prep.text, prep.units);
  const st = r.store;
  const entities: Entity[] = new Array(r.count);
  for (let q = 0; q < r.count; q++) {
    const k = r.order[q];
    const s = st.start[k];
    entities[q] = entity(pool, map, st.typeName(k), s, st.end[k], which(s), BY_NAMES[st.by[k]], st.info[k]);
  }
  return entities;
}

function entity(pool: TextPool, map: Int32Array, type: EntityType, s: number, e: number, article: number | null, by: Cand['by'], info: EntityInfo | undefined): Entity {
  // toOriginal, inlined (kept spans are never empty)
  const start = map[s];
  const end = e <= s ? start : map[e - 1] + 1;
  const text = pool.get(s, e);
  // one literal per shape (info last, as when added): no property is added after creation
  return info ? { type, text, start, end, article, by, info } : { type, text, start, end, article, by };
}

/**
 * One string per distinct entity text in a result: a page names the same places, bodies, titles
 * and terms again and again, and a fresh string per mention was a large part of what the
 * entities allocated. Open addressing on the code units; a slot holds the offset of the first
 * mention (+1, 0 = empty), its length and its string.
 */
class TextPool {
  private at = new Int32Array(1024);
  private len = new Int32Array(1024);
  private strs: string[] = new Array<string>(1024).fill('');
  private size = 0;

  constructor(
    private readonly text: string,
    private readonly units: Uint16Array,
  ) {}

  get(s: number, e: number): string {
    const u = this.units;
    let h = e - s;
    for (let i = s; i < e; i++) h = Math.imul(h ^ u[i], 0x01000193);
    const mask = this.at.length - 1;
    for (let slot = (h ^ (h >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const a = this.at[slot] - 1;
      if (a < 0) break;
      if (this.len[slot] !== e - s) continue;
      let i = 0;
      while (s + i < e && u[a + i] === u[s + i]) i++;
      if (s + i === e) return this.strs[slot];
    }
    const str = this.text.slice(s, e);
    if (2 * (this.size + 1) > this.at.length) this.grow();
    this.put(h, s, e - s, str);
    this.size++;
    return str;
  }

  private put(h: number, s: number, n: number, str: string): void {
    const mask = this.at.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    while (this.at[slot] !== 0) slot = (slot + 1) & mask;
    this.at[slot] = s + 1;
    this.len[slot] = n;
    this.strs[slot] = str;
  }

  private grow(): void {
    const { at, len, strs } = this;
    const size = at.length * 2;
    this.at = new Int32Array(size);
    this.len = new Int32Array(size);
    this.strs = new Array<string>(size).fill('');
    const u = this.units;
    for (let k = 0; k < at.length; k++) {
      if (at[k] === 0) continue;
      const s = at[k] - 1;
      let h = len[k];
      for (let i = s; i < s + len[k]; i++) h = Math.imul(h ^ u[i], 0x01000193);
      this.put(h, s, len[k], strs[k]);
    }
  }
}

/** DOM text blocks, joined with line breaks; offsets index the joined string. */
export function analyzeBlocks(blocks: readonly string[], opts: EngineOptions = {}): AnalysisResult {
  return analyze(blocks.join('\n'), opts);
}
