// DOM-free anchoring of W3C TextQuote/TextPosition selectors over a string.
// Order: position checked against the quote, then exact quote search, then fuzzy search.
import search from 'approx-string-match';

export interface QuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface PositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type AnySelector = QuoteSelector | PositionSelector;

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorMatch {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 1 for an exact quote, lower for fuzzy matches. */
  score: number;
}

export interface AnchorOptions {
  /** Minimum similarity of a fuzzy quote match (1 − errors / length). */
  minScore?: number;
  /** Quotes shorter than this (CJK) or twice this (other scripts) must match exactly. */
  minFuzzyCjk?: number;
}

export const CONTEXT_CHARS = 32;

/** Selectors for text[start, end): quote with 32 characters of context on each side, and position. */
export function describeRange(
  text: string,
  start: number,
  end: number,
  context = CONTEXT_CHARS,
): [QuoteSelector, PositionSelector] {
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describeRange: bad range [${start}, ${end}) in text of length ${text.length}`);
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - context), start),
      suffix: text.slice(end, end + context),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/g;

export function isMostlyCjk(s: string): boolean {
  const n = s.match(CJK)?.length ?? 0;
  return n * 2 >= s.replace(/\s/g, '').length;
}

/** Length of the common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** 0..1: how well the text around [start, end) agrees with the stored prefix and suffix. */
function contextScore(text: string, start: number, end: number, quote: QuoteSelector): number {
  const total = quote.prefix.length + quote.suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - quote.prefix.length), start);
  const after = text.slice(end, end + quote.suffix.length);
  return (commonSuffix(before, quote.prefix) + commonPrefix(after, quote.suffix)) / total;
}

/** 0..1, higher when near the stored position. */
function proximity(start: number, hint: number | null, length: number): number {
  if (hint === null) return 0;
  return 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, length));
}

function pick<T extends AnySelector['type']>(
  selectors: readonly AnySelector[],
  type: T,
): Extract<AnySelector, { type: T }> | undefined {
  return selectors.find((s) => s.type === type) as Extract<AnySelector, { type: T }> | undefined;
}

/** Finds where the selectors point in `text`, or null when they cannot be anchored. */
export function anchorSelectors(
  text: string,
  selectors: readonly AnySelector[],
  opts: AnchorOptions = {},
): AnchorMatch | null {
  const quote = pick(selectors, 'TextQuoteSelector');
  const pos = pick(selectors, 'TextPositionSelector');
  if (!quote || quote.exact.length === 0) {
    // Without a quote a position cannot be checked; trust it only when in bounds.
    if (pos && pos.start >= 0 && pos.end <= text.length && pos.start < pos.end) {
      return { start: pos.start, end: pos.end, method: 'position', score: 1 };
    }
    return null;
  }
  const exact = quote.exact;
  if (pos && text.slice(pos.start, pos.end) === exact) {
    return { start: pos.start, end: pos.end, method: 'position', score: 1 };
  }
  const hint = pos ? pos.start : null;

  // Exact quote: all occurrences, best context (then nearest) wins.
  let best: { start: number; s: number } | null = null;
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    const s = contextScore(text, i, i + exact.length, quote) * 2 + proximity(i, hint, text.length);
    if (!best || s > best.s) best = { start: i, s };
  }
  if (best) return { start: best.start, end: best.start + exact.length, method: 'quote', score: 1 };

  const cjk = isMostlyCjk(exact);
  const minLen = (opts.minFuzzyCjk ?? 8) * (cjk ? 1 : 2);
  if (exact.length < minLen) return null;
  const minScore = opts.minScore ?? 0.75;
  const maxErrors = Math.floor(exact.length * (1 - minScore));
  const found = search(text, exact, maxErrors);
  let fuzzy: AnchorMatch | null = null;
  let fuzzyRank = -Infinity;
  for (const m of found) {
    const score = 1 - m.errors / exact.length;
    if (score < minScore) continue;
    const rank = score * 4 + contextScore(text, m.start, m.end, quote) * 2 + proximity(m.start, hint, text.length);
    if (rank > fuzzyRank) {
      fuzzyRank = rank;
      fuzzy = { start: m.start, end: m.end, method: 'fuzzy', score };
    }
  }
  return fuzzy;
}
