// Full-text terms for the `*terms` multiEntry index. Han/kana/hangul runs become character
// bigrams plus the run's last character, so every character starts some term: a one-character
// query is then a prefix range, and unbroken Chinese needs no word segmenter. Other scripts
// become lowercased words.

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+/gu;

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

/** How the index is asked for one query term: exact key or key prefix. */
export interface TermProbe {
  key: string;
  prefix: boolean;
}

/**
 * Probes for a query. Bigrams are exact keys; a lone character and Latin words are prefixes
 * (so `annot` finds `annotation`). The caller still checks each hit by substring.
 */
export function queryProbes(query: string): TermProbe[] {
  const probes = new Map<string, TermProbe>();
  for (const m of fold(query).matchAll(RUN)) {
    const run = m[0];
    if (CJK.test(run[0])) {
      const chars = Array.from(run);
      if (chars.length === 1) probes.set(`p:${chars[0]}`, { key: chars[0], prefix: true });
      for (let i = 0; i + 1 < chars.length; i++) {
        const key = chars[i] + chars[i + 1];
        probes.set(`e:${key}`, { key, prefix: false });
      }
    } else {
      const key = run.slice(0, MAX_WORD);
      probes.set(`p:${key}`, { key, prefix: true });
    }
  }
  // Exact bigrams first: they are the most selective.
  return [...probes.values()].sort((a, b) => Number(a.prefix) - Number(b.prefix) || b.key.length - a.key.length);
}

/** The parts of a query that must all occur in a hit (whitespace separates parts). */
export function queryParts(query: string): string[] {
  return fold(query)
    .split(/\s+/u)
    .filter((p) => p.length > 0);
}

export function matchesAll(haystack: string, parts: string[]): boolean {
  const h = fold(haystack);
  return parts.every((p) => h.includes(p));
}
