// Traditional → simplified with offsets preserved: the output always has the input's length.
import { Converter } from 'opencc-js/t2cn';

export type TradVariant = 't' | 'tw' | 'hk';

type Fn = (s: string) => string;
const converters = new Map<TradVariant, Fn>();

function converter(variant: TradVariant): Fn {
  let fn = converters.get(variant);
  if (!fn) {
    fn = Converter({ from: variant, to: 'cn' });
    converters.set(variant, fn);
  }
  return fn;
}

// Frequent characters that exist only in traditional script.
const TRAD_ONLY = '們這個來為國會說與對時動經學發於當後開關問書長進實協議員黨組區縣記總習聯業產標點錄變觀權團導濟農應響從無體'; // prettier-ignore
const tradSet = new Set<number>();
for (let i = 0; i < TRAD_ONLY.length; i++) tradSet.add(TRAD_ONLY.charCodeAt(i));

/** Cheap check: does the text look traditional? Samples at most ~20k chars. */
export function looksTraditional(text: string): boolean {
  const n = Math.min(text.length, 20000);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    if (tradSet.has(text.charCodeAt(i)) && ++hits >= 2) return true;
  }
  return hits > 0 && n < 200;
}

/** Convert to simplified, same length as input. Phrase conversions that change length fall back per char. */
export function toSimplified(text: string, variant: TradVariant = 't'): string {
  if (text.length === 0) return text;
  const fn = converter(variant);
  const whole = fn(text);
  if (whole.length === text.length) return whole;
  // Rare: some phrase changed length. Convert clause by clause, then char by char where needed.
  let out = '';
  const re = /[^，。；！？、,.;!?\n]+|[，。；！？、,.;!?\n]+/g;
  for (const m of text.matchAll(re)) {
    const part = m[0];
    const conv = fn(part);
    if (conv.length === part.length) {
      out += conv;
      continue;
    }
    for (let i = 0; i < part.length; i++) {
      const ch = part[i];
      const c = fn(ch);
      out += c.length === 1 ? c : ch;
    }
  }
  return out;
}

/** Simplify only when the text looks traditional. */
export function simplifyIfTraditional(text: string, variant: TradVariant = 't'): { text: string; converted: boolean } {
  if (!looksTraditional(text)) return { text, converted: false };
  return { text: toSimplified(text, variant), converted: true };
}
