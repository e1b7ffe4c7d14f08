// Thin DOM layer over src/core/anchor: Range ↔ selectors through a TextMap.
import { anchorSelectors, describeRange, type AnchorMatch, type AnySelector } from '../core/anchor';
import type { TextMap } from './text';

/** Selectors for a DOM range, or null when it holds no mapped text. */
export function describeDomRange(map: TextMap, range: Range): AnySelector[] | null {
  const start = map.offsetOf(range.startContainer, range.startOffset);
  const end = map.offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  // Trim whitespace so the quote is what the reader sees.
  let s = start;
  let e = end;
  while (s < e && /\s/.test(map.text[s])) s++;
  while (e > s && /\s/.test(map.text[e - 1])) e--;
  if (e <= s) return null;
  return describeRange(map.text, s, e);
}

export interface Anchored {
  match: AnchorMatch;
  ranges: Range[];
}

export function anchorInDom(map: TextMap, selectors: readonly AnySelector[]): Anchored | null {
  const match = anchorSelectors(map.text, selectors);
  if (!match) return null;
  const ranges = map.rangesFor(match.start, match.end);
  return ranges.length ? { match, ranges } : null;
}
