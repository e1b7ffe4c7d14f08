// Turns validated entries into the source of compiled.ts. Pure and
// deterministic so a test can rebuild it and compare with the committed file.
import { buildAho, decodeInts, encodeInts } from './aho';
import type { CompiledTerm, LexiconEntry } from './schema';

export const BUILD_COMMAND = 'npx tsx scripts/build-lexicon.ts';

/**
 * Surface code per automaton pattern: 0 = blocker, otherwise
 * (entryIndex * 2 + (isVariant ? 1 : 0)) + 1.
 */
export function surfaceTable(entries: readonly LexiconEntry[]): { patterns: string[]; codes: number[] } {
  const patterns: string[] = [];
  const codes: number[] = [];
  entries.forEach((e, i) => {
    patterns.push(e.term);
    codes.push(i * 2 + 1);
    for (const v of e.variants) {
      patterns.push(v);
      codes.push(i * 2 + 2);
    }
  });
  const seen = new Set(patterns);
  for (const e of entries) {
    for (const x of e.exclude ?? []) {
      if (seen.has(x)) continue;
      seen.add(x);
      patterns.push(x);
      codes.push(0);
    }
  }
  return { patterns, codes };
}

function compiledTerm(e: LexiconEntry): CompiledTerm {
  const t: CompiledTerm = {
    id: e.id,
    term: e.term,
    variants: e.variants,
    level: e.level,
    category: e.category,
    gloss: e.gloss,
  };
  if (e.region !== undefined) t.region = e.region;
  if (e.source !== undefined) t.source = e.source;
  return t;
}

export function compileLexicon(entries: readonly LexiconEntry[]): string {
  const { patterns, codes } = surfaceTable(entries);
  const aho = buildAho(patterns);
  const lines: string[] = [];
  lines.push('// GENERATED FILE, do not edit by hand.');
  lines.push(`// Source: data/policy-terms.json. Regenerate with: ${BUILD_COMMAND}`);
  lines.push("import type { AhoArrays, SerializedAho } from './aho';");
  lines.push("import type { CompiledTerm } from './schema';");
  lines.push('');
  lines.push(`export const AUTOMATON: SerializedAho = ${JSON.stringify(aho, null, 2)};`);
  lines.push('');
  // The same ints as plain arrays: JSON.parse decodes them natively where start-up time counts (the worker).
  const states = aho.labels.length + 1;
  const arrays = {
    firstChild: [...decodeInts(aho.firstChild, states + 1)],
    fail: [...decodeInts(aho.fail, states)],
    out: [...decodeInts(aho.out, states)],
    lengths: [...decodeInts(aho.lengths, aho.n)],
  };
  lines.push(`export const AUTOMATON_ARRAYS: AhoArrays = JSON.parse(${JSON.stringify(JSON.stringify(arrays))});`);
  lines.push('');
  lines.push(`export const SURFACE_COUNT = ${codes.length};`);
  lines.push(`export const SURFACE_CODES = ${JSON.stringify(encodeInts(codes))};`);
  lines.push('');
  // A JSON string, not an array literal: JSON.parse reads it faster than the worker's parser compiles literals.
  const json = '[\n' + entries.map((e) => JSON.stringify(compiledTerm(e))).join(',\n') + '\n]';
  lines.push(`export const TERMS: readonly CompiledTerm[] = JSON.parse(${JSON.stringify(json)});`);
  lines.push('');
  return lines.join('\n');
}
