// Policy-term matching: the compiled lexicon automaton plus numbered-slogan
// patterns. Input is the normalised analysis string (simplified characters,
// no spaces or line breaks inside words).
//
// False positives inside longer words are handled in three ways:
// - a surface starting with a numeral is dropped when the character before it
//   is a numeral, digit or 第 (十三个代表团, 第二十大类);
// - entries may list longer non-term strings in `exclude` (三个代表团, 加强省会,
//   前四史); they compete in the leftmost-longest choice and, when they win,
//   nothing is reported there (and no pattern may fire there either);
// - very short or ambiguous variants are kept out of the data (四强 alone is
//   only matched as “四强”行动 / 四强行动; 第一书记 alone is a position).
// Lexicon matches win over overlapping pattern matches.
import type { EntityInfo } from '../types';
import { AhoCorasick, decodeInts, leftmostLongest, type Marks } from './aho';
import { unitsOf } from '../units';
import { AUTOMATON, AUTOMATON_ARRAYS, SURFACE_CODES, SURFACE_COUNT, TERMS } from './compiled';
import { PATTERN_TRIGGERS, PATTERN_TRIGGER_UNITS, patternTermsAt, type PatternKind, type PatternMatch } from './patterns';

export type { PatternKind } from './patterns';

/** EntityInfo plus the province / city of provincial and local terms. */
export interface TermInfo extends EntityInfo {
  region?: string;
}

export interface TermMatch {
  start: number;
  end: number;
  text: string;
  by: 'lexicon' | 'pattern';
  info: TermInfo;
}

export type TermRecord = TermInfo & { term: string; variants: string[] };

export const PATTERN_GLOSS = '数字概括式提法（未收录词条，按构词规则识别）';

let automaton: AhoCorasick | null = null;
let codes: Int32Array | null = null;
/** Automaton classes plus the pattern triggers: one pass finds both. */
let markTable: Uint8Array | null = null;
let byId: Map<string, number> | null = null;
const infoCache: (TermInfo | undefined)[] = [];

function ensure(): { ac: AhoCorasick; codes: Int32Array; table: Uint8Array } {
  if (!automaton || !codes || !markTable) {
    automaton = new AhoCorasick(AUTOMATON, AUTOMATON_ARRAYS);
    codes = decodeInts(SURFACE_CODES, SURFACE_COUNT);
    markTable = automaton.markTable(PATTERN_TRIGGERS, PATTERN_TRIGGER_UNITS);
  }
  return { ac: automaton, codes, table: markTable };
}

/** One frozen info object per entry and form (variant or not), shared by all its matches. */
const sharedInfos: (Readonly<TermInfo> | undefined)[] = [];

function sharedInfo(entry: number, variant: boolean): TermInfo {
  const k = entry * 2 + (variant ? 1 : 0);
  return (sharedInfos[k] ??= Object.freeze(freshInfo(entry, variant ? TERMS[entry].term : undefined)));
}

/**
 * A copy of an entry's info, same keys and order as a spread, then `canonical` when given. Whole
 * literals: each shape is built in one step, with no property added afterwards (which would give the
 * object an out-of-object property store).
 */
function freshInfo(entry: number, canonical: string | undefined): TermInfo {
  const b = baseInfo(entry);
  if (canonical === undefined) {
    if (b.source !== undefined) {
      if (b.region !== undefined) return { id: b.id, gloss: b.gloss, level: b.level, category: b.category, source: b.source, region: b.region };
      return { id: b.id, gloss: b.gloss, level: b.level, category: b.category, source: b.source };
    }
    if (b.region !== undefined) return { id: b.id, gloss: b.gloss, level: b.level, category: b.category, region: b.region };
    return { id: b.id, gloss: b.gloss, level: b.level, category: b.category };
  }
  if (b.source !== undefined) {
    if (b.region !== undefined) return { id: b.id, gloss: b.gloss, level: b.level, category: b.category, source: b.source, region: b.region, canonical };
    return { id: b.id, gloss: b.gloss, level: b.level, category: b.category, source: b.source, canonical };
  }
  if (b.region !== undefined) return { id: b.id, gloss: b.gloss, level: b.level, category: b.category, region: b.region, canonical };
  return { id: b.id, gloss: b.gloss, level: b.level, category: b.category, canonical };
}

function baseInfo(entry: number): TermInfo {
  let info = infoCache[entry];
  if (!info) {
    const t = TERMS[entry];
    info = { id: t.id, gloss: t.gloss, level: t.level, category: t.category };
    if (t.source !== undefined) info.source = t.source;
    if (t.region !== undefined) info.region = t.region;
    infoCache[entry] = info;
  }
  return info;
}

function codeTable(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
const NUMERAL_LEAD = codeTable('一二两三四五六七八九十百千万零〇第0123456789０１２３４５６７８９');
const NUMERAL_START = codeTable('一二两三四五六七八九十');

const PATTERN_CATEGORY: Record<PatternKind, EntityInfo['category']> = {
  numbered: 'slogan',
  paired: 'slogan',
  big: 'programme',
  plenum: 'meeting',
  'quoted-short': 'slogan',
  'quoted-named': 'campaign',
  'quoted-parallel': 'slogan',
};

const PATTERN_GLOSSES: Record<PatternKind, string> = {
  numbered: PATTERN_GLOSS,
  paired: PATTERN_GLOSS,
  big: PATTERN_GLOSS,
  plenum: '按届次编号的党的委员会全体会议（未收录词条，按构词规则识别）',
  'quoted-short': PATTERN_GLOSS,
  'quoted-named': '带引号的活动、行动或工程名称（未收录词条，按构词规则识别）',
  'quoted-parallel': '对仗式口号提法（未收录词条，按构词规则识别）',
};

/**
 * Lexicon matches as packed [start, end, surfaceCode] triples, blockers included. The same pass
 * collects pattern trigger positions into `marks`.
 */
function lexiconPacked(text: string, units: Uint16Array, marks: Marks): Int32Array {
  const { ac, codes: sc } = ensure();
  const all = ac.scanUnitsPacked(units, marks);
  let k = 0;
  for (let i = 0; i < all.length; i += 3) {
    const s = all[i];
    const code = sc[all[i + 2]];
    // A numeral-initial surface preceded by another numeral or 第 is part of a longer number
    // (十三个代表团 → not 三个代表; 第二十大类 → not 二十大).
    if (code !== 0 && s > 0 && NUMERAL_START[text.charCodeAt(s)] === 1 && NUMERAL_LEAD[text.charCodeAt(s - 1)] === 1) continue;
    all[k] = s;
    all[k + 1] = all[i + 1];
    all[k + 2] = code;
    k += 3;
  }
  return leftmostLongest(all.subarray(0, k), true); // `all` is this call's own buffer
}

const SESSION_NUM = NUMERAL_START;
const CI = 0x6b21; // 次
const JIE = 0x5c4a; // 届

/**
 * Start of a session number written right before a meeting name
 * (八届十七次 in 八届十七次主席会议), or `start` when there is none.
 */
function sessionStart(text: string, start: number): number {
  let k = start;
  if (k < 1 || text.charCodeAt(k - 1) !== CI) return start;
  k--;
  const numEnd = k;
  while (k > 0 && SESSION_NUM[text.charCodeAt(k - 1)] === 1) k--;
  if (k === numEnd || k < 1 || text.charCodeAt(k - 1) !== JIE) return start;
  k--;
  const yearEnd = k;
  while (k > 0 && SESSION_NUM[text.charCodeAt(k - 1)] === 1) k--;
  return k === yearEnd ? start : k;
}

function patternInfo(m: PatternMatch): TermInfo {
  return { gloss: PATTERN_GLOSSES[m.kind], category: PATTERN_CATEGORY[m.kind] };
}

/** Receives each policy term in order; `by` and `info` as in TermMatch. */
export type TermSink = (start: number, end: number, by: 'lexicon' | 'pattern', info: TermInfo) => void;

/** `units`, when given, are text's code units (Prepared.units): the scan reads them instead. */
export function findPolicyTerms(text: string, units?: Uint16Array): TermMatch[] {
  const res: TermMatch[] = [];
  scanPolicyTerms(
    text,
    (start, end, by, info) => {
      res.push({ start, end, text: text.slice(start, end), by, info });
    },
    units,
  );
  return res;
}

/**
 * findPolicyTerms without the result objects: the engine builds its own candidates from the
 * spans, so no TermMatch (nor its text slice) is made only to be copied and dropped.
 */
export function scanPolicyTerms(text: string, sink: TermSink, units?: Uint16Array): void {
  // trigger marks (mostly numerals): under one per 32 units in bulletin text, so sized from the input
  const marks: Marks = { table: ensure().table, positions: new Int32Array((text.length >> 5) + 64), count: 0 };
  const lex = lexiconPacked(text, unitsOf(text, units), marks);
  const pats = patternTermsAt(text, marks.positions, marks.count);
  const lexCount = lex.length / 3;
  const dropLex = new Uint8Array(lexCount);
  const keepPat = new Uint8Array(pats.length);
  // Lexicon spans win over overlapping patterns, except that a quoted name
  // strictly containing lexicon terms (“能力作风建设提升年”) is kept whole.
  let j = 0;
  for (let p = 0; p < pats.length; p++) {
    const m = pats[p];
    while (j < lexCount && lex[j * 3 + 1] <= m.start) j++;
    let overlaps = 0;
    let inside = true;
    let same = false;
    for (let q = j; q < lexCount && lex[q * 3] < m.end; q++) {
      overlaps++;
      const s = lex[q * 3];
      const e = lex[q * 3 + 1];
      if (s < m.start || e > m.end) inside = false;
      if (s === m.start && e === m.end) same = true;
    }
    if (overlaps === 0) keepPat[p] = 1;
    else if (m.quoted && inside && !same) {
      keepPat[p] = 1;
      for (let q = j; q < lexCount && lex[q * 3] < m.end; q++) dropLex[q] = 1;
    }
  }
  let p = 0;
  let lastEnd = 0;
  for (let q = 0; q < lexCount; q++) {
    let s = lex[q * 3];
    const e = lex[q * 3 + 1];
    const code = lex[q * 3 + 2];
    for (; p < pats.length && pats[p].start < e; p++) {
      if (keepPat[p]) {
        sink(pats[p].start, pats[p].end, 'pattern', patternInfo(pats[p]));
        lastEnd = pats[p].end;
      }
    }
    if (code === 0 || dropLex[q]) continue; // blocker, or inside a kept quoted name
    const entry = (code - 1) >> 1;
    // Shared and frozen: tens of thousands of matches per megabyte need no copy each.
    const info = sharedInfo(entry, ((code - 1) & 1) === 1);
    if (info.category === 'meeting') s = Math.max(lastEnd, sessionStart(text, s));
    sink(s, e, 'lexicon', info);
    lastEnd = e;
  }
  for (; p < pats.length; p++) if (keepPat[p]) sink(pats[p].start, pats[p].end, 'pattern', patternInfo(pats[p]));
}

export function getTerm(id: string): TermRecord | undefined {
  if (!byId) {
    byId = new Map();
    TERMS.forEach((t, i) => byId!.set(t.id, i));
  }
  const i = byId.get(id);
  if (i === undefined) return undefined;
  const t = TERMS[i];
  return { ...baseInfo(i), term: t.term, variants: [...t.variants] };
}

export function termCount(): number {
  return TERMS.length;
}
