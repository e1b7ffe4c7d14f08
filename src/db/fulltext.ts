// Full-text terms for the `*terms` multiEntry index. Han/kana/hangul runs become character
// bigrams plus the run's last character, so every character starts some term: a one-character
// query is then a prefix range, and unbroken Chinese needs no word segmenter. Other scripts
// become lowercased words.

const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK = new RegExp(CJK_CLASS, 'u');
/** A CJK run, or a run of other letters and digits (which must not swallow CJK that follows). */
const RUN = new RegExp(`${CJK_CLASS}+|(?:(?!${CJK_CLASS})[\\p{L}\\p{N}])+`, 'gu');

/** Case and width folding shared by the index and the substring check. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Longest Latin word kept in the index; longer ones are cut (the substring check still sees all). */
const MAX_WORD = 32;

export function indexTerms(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of fold(text).matchAll(RUN)) {
      const run = m[0];
      if (CJK.test(run[0])) {
        const chars = Array.from(run);
        for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
        out.add(chars[chars.length - 1]);
      } else {
        out.add(run.slice(0, MAX_WORD));
      }
    }
  }
  return [...out];
}

/**
 * Index keys are `term SEP stamp`, stamp being the note's creation time in fixed-width base 36,
 * so one term's keys come newest-last: a one-term search reads only the page it shows.
 */
export const SEP = '\u0001';
const STAMP_WIDTH = 9;

export function stamp(iso: string): string {
  const ms = iso === '' ? 0 : iso === '\uffff' ? 36 ** STAMP_WIDTH - 1 : Date.parse(iso);
  const clamped = Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 36 ** STAMP_WIDTH - 1) : 0;
  return clamped.toString(36).padStart(STAMP_WIDTH, '0');
}

export function stampedTerms(created: string, ...texts: string[]): string[] {
  const s = stamp(created);
  return indexTerms(...texts).map((t) => `${t}${SEP}${s}`);
}

/** How the index is asked for one query term: exact key or key prefix. */
export interface TermProbe {
  key: string;
  prefix: boolean;
}

/**
 * Probes for a query. Bigrams and whole Latin words are exact keys (time-ordered, cheap); a lone
 * Chinese character and a word ending in `*` (`annot*`) are prefixes. The caller still checks
 * each hit by substring unless the probe alone proves it.
 */
export function queryProbes(query: string): TermProbe[] {
  const q = fold(query);
  const probes = new Map<string, TermProbe>();
  const add = (key: string, prefix: boolean) => probes.set(`${prefix ? 'p' : 'e'}:${key}`, { key, prefix });
  for (const m of q.matchAll(RUN)) {
    const run = m[0];
    if (CJK.test(run[0])) {
      const chars = Array.from(run);
      if (chars.length === 1) add(chars[0], true);
      // Non-overlapping bigrams first: together they narrow fastest.
      const starts: number[] = [];
      for (let i = 0; i + 1 < chars.length; i += 2) starts.push(i);
      if (chars.length > 2 && chars.length % 2 === 1) starts.push(chars.length - 2);
      for (let i = 1; i + 1 < chars.length; i += 2) starts.push(i);
      for (const i of starts) add(chars[i] + chars[i + 1], false);
    } else {
      const wild = q[(m.index ?? 0) + run.length] === '*';
      add(run.slice(0, MAX_WORD), wild || run.length > MAX_WORD);
    }
  }
  // Exact probes first: they are the most selective.
  return [...probes.values()].sort((a, b) => Number(a.prefix) - Number(b.prefix));
}

/** The parts of a query that must all occur in a hit (whitespace separates parts). */
export function queryParts(query: string): string[] {
  return fold(query)
    .split(/\s+/u)
    .map((p) => p.replace(/\*+$/u, ''))
    .filter((p) => p.length > 0);
}

export function matchesAll(haystack: string, parts: string[]): boolean {
  const h = fold(haystack);
  return parts.every((p) => h.includes(p));
}
