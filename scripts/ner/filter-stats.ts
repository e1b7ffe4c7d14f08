// What the model filter (src/core/rules/model-filter.ts) removes on our seeded dev split: model spans
// it rejects, right (a gold span: the filter costs recall) or wrong (the filter saves precision),
// grouped by type and shape.
//
//   npx tsx scripts/ner/filter-stats.ts [--examples K]
//
// Reads only the dev split held out of the train files and the bulletin fixture.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepare } from '../../src/core/engine';
import { loadModel, tagEntities } from '../../src/core/ner';
import { modelSpanOk } from '../../src/core/rules/model-filter';
import type { EntityType } from '../../src/core/types';
import { DEFAULT_DATA_FILES, DEFAULT_SPLIT, loadDataset } from './data';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const examples = Number(argv[argv.indexOf('--examples') + 1] || 8);

const { dev } = loadDataset(
  DEFAULT_DATA_FILES.map((f) => resolve(ROOT, f)),
  DEFAULT_SPLIT,
);
const sets: Array<{ name: string; docs: Array<{ text: string; gold: Array<{ type: string; start: number; end: number }> }> }> = [
  { name: 'msra', docs: dev.filter((e) => e.source.startsWith('msra')).map((e) => ({ text: e.text, gold: e.spans })) },
  { name: 'cluener', docs: dev.filter((e) => !e.source.startsWith('msra')).map((e) => ({ text: e.text, gold: e.spans })) },
  {
    name: 'bulletin',
    docs: readFileSync(resolve(ROOT, 'tests/fixtures/core/bulletin-gold.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const r = JSON.parse(l) as { text: string; entities: Array<{ type: string; start: number; end: number }> };
        return { text: r.text, gold: r.entities };
      }),
  },
];

function shape(text: string, type: string, s: number, e: number): string {
  const t = text.slice(s, e);
  if (e - s === 1) return `${type} 1 char`;
  if (/^[\x21-\x7e]+$/.test(t)) return `${type} Latin/ASCII`;
  if (/[“”《》"（）()]/.test(t)) return `${type} quotes/brackets inside`;
  return `${type} other`;
}

const m = loadModel();
for (const set of sets) {
  const g = new Map<string, { right: number; wrong: number; exR: string[]; exW: string[] }>();
  for (const d of set.docs) {
    const gold = new Set(d.gold.map((x) => `${x.type}:${x.start}:${x.end}`));
    // the analysis text the engine's filter sees (full-width folded), where offsets are unchanged
    const prepared = prepare(d.text).text;
    const ft = prepared.length === d.text.length ? prepared : d.text;
    for (const sp of tagEntities(d.text, m)) {
      if (modelSpanOk(ft, sp.type as EntityType, sp.start, sp.end)) continue;
      const k = shape(ft, sp.type, sp.start, sp.end);
      let r = g.get(k);
      if (!r) g.set(k, (r = { right: 0, wrong: 0, exR: [], exW: [] }));
      const ctx = `${d.text.slice(Math.max(0, sp.start - 4), sp.start)}[${sp.text}]${d.text.slice(sp.end, sp.end + 4)}`;
      if (gold.has(`${sp.type}:${sp.start}:${sp.end}`)) {
        r.right++;
        if (r.exR.length < examples) r.exR.push(ctx);
      } else {
        r.wrong++;
        if (r.exW.length < examples) r.exW.push(ctx);
      }
    }
  }
  console.log(`\n${set.name}: model spans the filter rejects (right = gold, lost recall; wrong = saved precision)`);
  for (const [k, r] of [...g].sort((a, b) => b[1].right + b[1].wrong - a[1].right - a[1].wrong)) {
    console.log(`  ${k.padEnd(34)} right ${String(r.right).padStart(4)}  wrong ${String(r.wrong).padStart(4)}`);
    console.log(`      right: ${r.exR.join(' ')}`);
    console.log(`      wrong: ${r.exW.join(' ')}`);
  }
}
