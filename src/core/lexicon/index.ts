// Policy-term matching: the compiled lexicon automaton plus numbered-slogan
// patterns. Input is the normalised analysis string (simplified characters,
// no spaces or line breaks inside words).
import type { EntityInfo } from '../types';
import { AhoCorasick, decodeInts, leftmostLongest } from './aho';
import { AUTOMATON, SURFACE_CODES, SURFACE_COUNT, TERMS } from './compiled';
import { findPatternTerms, type PatternKind } from './patterns';

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
let byId: Map<string, number> | null = null;
const infoCache: (TermInfo | undefined)[] = [];

function ensure(): { ac: AhoCorasick; codes: Int32Array } {
  if (!automaton || !codes) {
    automaton = new AhoCorasick(AUTOMATON);
    codes = decodeInts(SURFACE_CODES, SURFACE_COUNT);
  }
  return { ac: automaton, codes };
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

const NUMERAL_LEAD = /[一二两三四五六七八九十百千万零〇第0-9０-９]/;
const NUMERAL_START = /^[一二两三四五六七八九十]/;

/**
 * A numeral-initial surface preceded by another numeral or 第 is part of a
 * longer number (十三个代表团 → not 三个代表; 第二十大类 → not 二十大).
 */
function insideNumber(text: string, start: number): boolean {
  return start > 0 && NUMERAL_START.test(text[start]) && NUMERAL_LEAD.test(text[start - 1]);
}

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

/** Lexicon matches as packed [start, end, surfaceCode] triples, blockers included. */
function lexiconPacked(text: string): Int32Array {
  const { ac, codes: sc } = ensure();
  const all = ac.scanAllPacked(text);
  let k = 0;
  for (let i = 0; i < all.length; i += 3) {
    const s = all[i];
    const code = sc[all[i + 2]];
    if (code !== 0 && insideNumber(text, s)) continue;
    all[k] = s;
    all[k + 1] = all[i + 1];
    all[k + 2] = code;
    k += 3;
  }
  return leftmostLongest(all.subarray(0, k));
}

export function findPolicyTerms(text: string): TermMatch[] {
  const res: TermMatch[] = [];
  const lex = lexiconPacked(text);
  const pats = findPatternTerms(text);
  let p = 0;
  const pushPatternsBefore = (limit: number, blockStart: number) => {
    // Patterns that end before the next lexicon span are kept; overlapping ones lose.
    while (p < pats.length && pats[p].start < limit) {
      const m = pats[p++];
      if (m.end <= blockStart) {
        res.push({
          start: m.start,
          end: m.end,
          text: text.slice(m.start, m.end),
          by: 'pattern',
          info: { gloss: PATTERN_GLOSSES[m.kind], category: PATTERN_CATEGORY[m.kind] },
        });
      }
    }
  };
  for (let i = 0; i < lex.length; i += 3) {
    const s = lex[i];
    const e = lex[i + 1];
    const code = lex[i + 2];
    pushPatternsBefore(s, s);
    // Skip patterns overlapping this lexicon span.
    while (p < pats.length && pats[p].start < e) p++;
    if (code === 0) continue; // blocker
    const entry = (code - 1) >> 1;
    let info = baseInfo(entry);
    if ((code - 1) & 1) info = { ...info, canonical: TERMS[entry].term };
    res.push({ start: s, end: e, text: text.slice(s, e), by: 'lexicon', info });
  }
  pushPatternsBefore(text.length + 1, text.length + 1);
  return res;
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
