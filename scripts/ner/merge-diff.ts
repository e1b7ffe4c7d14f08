// Where the merge (analyze() with the model) loses against the model alone, on our seeded dev split.
// Lists gold spans the model gets right and the merge gets wrong, and wrong spans the merge adds
// that the model did not have, grouped by cause.
//
//   npx tsx scripts/ner/merge-diff.ts [--source msra|cluener|bulletin] [--limit N] [--examples K] [--types a,b]
//
// Only the dev split held out of the train files (scripts/ner/data.ts) and the bulletin fixture are
// read; the MSRA test set and the CLUENER dev set are never used.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, prepare, registerModel } from '../../src/core/engine';
import { loadModel, tagEntities } from '../../src/core/ner';
import { modelSpanOk } from '../../src/core/rules/model-filter';
import type { EntityType } from '../../src/core/types';
import { DEFAULT_DATA_FILES, DEFAULT_SPLIT, loadDataset } from './data';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (f: string): string | undefined => {
  const i = argv.indexOf(f);
  return i >= 0 ? argv[i + 1] : undefined;
};
const which = opt('--source') ?? 'msra';
const limit = opt('--limit') ? Number(opt('--limit')) : undefined;
const examples = Number(opt('--examples') ?? 6);

interface Span {
  type: string;
  start: number;
  end: number;
  by?: string;
}
interface Doc {
  id: string;
  text: string;
  gold: Span[];
}

const TYPES: Record<string, string[]> = {
  msra: ['person', 'place', 'organization'],
  cluener: ['person', 'place', 'organization', 'position'],
  bulletin: ['person', 'place', 'organization', 'position'],
};
const types = opt('--types')?.split(',') ?? TYPES[which];

function docs(): Doc[] {
  if (which === 'bulletin') {
    return readFileSync(resolve(ROOT, 'tests/fixtures/core/bulletin-gold.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const r = JSON.parse(l) as { id: string; text: string; entities: Span[] };
        return { id: r.id, text: r.text, gold: r.entities };
      });
  }
  const file = which === 'msra' ? DEFAULT_DATA_FILES[0] : DEFAULT_DATA_FILES[1];
  const { dev } = loadDataset([resolve(ROOT, file)], { ...DEFAULT_SPLIT, limit });
  return dev.map((e) => ({ id: e.id, text: e.text, gold: e.spans }));
}

const m = loadModel();
registerModel((t) => tagEntities(t, m));

/** The analysis text the engine's filter sees (full-width folded), where offsets are unchanged. */
function filterText(text: string): string {
  const t = prepare(text).text;
  return t.length === text.length ? t : text;
}

const key = (s: Span): string => `${s.type}:${s.start}:${s.end}`;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function relation(a: Span, b: Span): string {
  if (a.start === b.start && a.end === b.end) return 'same span';
  if (b.start <= a.start && a.end <= b.end) return 'inside';
  if (a.start <= b.start && b.end <= a.end) return 'around';
  return 'crossing';
}

const groups = new Map<string, { n: number; ex: string[] }>();
function add(cause: string, line: string): void {
  let g = groups.get(cause);
  if (!g) groups.set(cause, (g = { n: 0, ex: [] }));
  g.n++;
  if (g.ex.length < examples) g.ex.push(line);
}

let lostTotal = 0;
let addedTotal = 0;
let gainedTotal = 0;
for (const d of docs()) {
  const gold = d.gold.filter((g) => types.includes(g.type));
  const model: Span[] = tagEntities(d.text, m).filter((s) => types.includes(s.type));
  const merged: Span[] = analyze(d.text).entities.filter((s) => types.includes(s.type) || s.type === 'policy_term' || s.type === 'position');
  const gk = new Set(gold.map(key));
  const mk = new Set(model.map(key));
  const pk = new Set(merged.map(key));
  const show = (s: Span): string => `${d.text.slice(s.start, s.end)}/${s.type}${s.by ? `(${s.by})` : ''}`;
  const ctx = (s: Span): string => `${d.text.slice(Math.max(0, s.start - 8), s.start)}[${d.text.slice(s.start, s.end)}]${d.text.slice(s.end, s.end + 8)}`;
  for (const g of gold) {
    const gs = key(g);
    if (mk.has(gs) && !pk.has(gs)) {
      lostTotal++;
      const over = merged.filter((p) => overlaps(p, g));
      let cause: string;
      if (over.length === 0) cause = modelSpanOk(filterText(d.text), g.type as EntityType, g.start, g.end) ? `lost ${g.type}: nothing there (segmentation / engine)` : `lost ${g.type}: model-filter rejects`;
      else {
        const p = over.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
        cause = `lost ${g.type}: merge has ${p.type} by ${p.by} ${relation(g, p)}`;
      }
      add(cause, `${ctx(g)}  merged: ${over.map(show).join(' ') || '-'}`);
    } else if (!mk.has(gs) && pk.has(gs)) {
      gainedTotal++;
      const p = merged.find((x) => key(x) === gs);
      add(`gained ${g.type} by ${p?.by}`, `${ctx(g)}  model: ${model.filter((s) => overlaps(s, g)).map(show).join(' ') || '-'}`);
    }
  }
  for (const p of merged) {
    if (!types.includes(p.type)) continue;
    const ps = key(p);
    if (gk.has(ps) || mk.has(ps)) continue;
    addedTotal++;
    const mo = model.filter((s) => overlaps(s, p));
    const go = gold.filter((s) => overlaps(s, p));
    const rel = mo.length ? mo.map((s) => `model ${s.type} ${relation(s, p)}`).join('+') : 'model: nothing';
    add(`added ${p.type} by ${p.by}; ${rel}`, `${ctx(p)}  gold: ${go.map(show).join(' ') || '-'}  model: ${mo.map(show).join(' ') || '-'}`);
  }
}

console.log(`${which} dev: merged vs model alone (${types.join(', ')})`);
console.log(`gold spans the model had and the merge lost: ${lostTotal}; gold spans only the merge found: ${gainedTotal}; wrong spans only the merge added: ${addedTotal}\n`);
for (const [cause, g] of [...groups].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`${String(g.n).padStart(5)}  ${cause}`);
  for (const e of g.ex) console.log(`         ${e}`);
}
