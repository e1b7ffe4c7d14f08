// Validates data/policy-terms.json and writes src/core/lexicon/compiled.ts.
// Usage: npx tsx scripts/build-lexicon.ts [--check]
//   --check: exit 1 if compiled.ts is stale instead of writing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileLexicon } from '../src/core/lexicon/compile';
import { validateLexicon, type LexiconEntry } from '../src/core/lexicon/schema';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_PATH = resolve(ROOT, 'data/policy-terms.json');
export const COMPILED_PATH = resolve(ROOT, 'src/core/lexicon/compiled.ts');

export function loadLexicon(path = DATA_PATH): LexiconEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: cannot read JSON: ${(err as Error).message}`);
  }
  const { entries, errors } = validateLexicon(data);
  if (errors.length > 0) throw new Error(`${path}: ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);
  return entries;
}

function main(): void {
  const entries = loadLexicon();
  const source = compileLexicon(entries);
  if (process.argv.includes('--check')) {
    const current = readFileSync(COMPILED_PATH, 'utf8');
    if (current !== source) {
      console.error('compiled.ts is stale; run npx tsx scripts/build-lexicon.ts');
      process.exit(1);
    }
    console.log('compiled.ts is up to date');
    return;
  }
  writeFileSync(COMPILED_PATH, source);
  const byLevel = new Map<string, number>();
  for (const e of entries) byLevel.set(e.level, (byLevel.get(e.level) ?? 0) + 1);
  console.log(`wrote ${COMPILED_PATH}: ${entries.length} entries (${[...byLevel].map(([k, v]) => `${k} ${v}`).join(', ')})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
