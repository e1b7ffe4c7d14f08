// Scores the engine's entities (as the CLI's --jsonl prints them) against the NER dev split and a
// hand-labelled bulletin set. Exact span + type. Three systems side by side:
//   model  — tagEntities() alone
//   rules  — analyze(text, { model: false }): rules + gazetteer + lexicon
//   merged — analyze(text) with the shipped model registered (the CLI default)
//
//   npx tsx scripts/eval-ner.ts [--limit N] [--no-dev] [--no-bulletin] [--errors TYPE]
//
// The dev split is scripts/ner/data.ts's (seeded, block-wise); it is never trained on. The MSRA test
// set and the CLUENER dev set are not used here.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, registerModel } from '../src/core/engine';
import { evaluate, loadModel, tagEntities, type Evaluation, type SpanLike } from '../src/core/ner';
import { DEFAULT_DATA_FILES, DEFAULT_SPLIT, loadDataset } from './ner/data';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (f: string): boolean => argv.includes(f);
const opt = (f: string): string | undefined => {
  const i = argv.indexOf(f);
  return i >= 0 ? argv[i + 1] : undefined;
};
const limit = opt('--limit') ? Number(opt('--limit')) : undefined;
const errorsFor = opt('--errors');

const MSRA_TYPES = ['person', 'place', 'organization'];
const CLUENER_TYPES = ['person', 'place', 'organization', 'position'];
const BULLETIN_TYPES = ['person', 'place', 'organization', 'position', 'policy_term'];

interface Doc {
  id: string;
  text: string;
  gold: SpanLike[];
}

type System = 'model' | 'rules' | 'merged';
const SYSTEMS: System[] = ['model', 'rules', 'merged'];

useShippedModel();
function useShippedModel(): void {
  const m = loadModel();
  registerModel((t) => tagEntities(t, m));
}

function predict(sys: System, text: string): SpanLike[] {
  if (sys === 'model') return tagEntities(text);
  return analyze(text, { model: sys === 'merged' }).entities;
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

function table(title: string, docs: readonly Doc[], types: readonly string[]): Record<System, Evaluation> {
  const res = {} as Record<System, Evaluation>;
  const preds = {} as Record<System, SpanLike[][]>;
  for (const s of SYSTEMS) {
    preds[s] = docs.map((d) => predict(s, d.text));
    res[s] = evaluate(
      docs.map((d) => d.gold),
      preds[s],
      types,
    );
  }
  console.log(`\n${title} — ${docs.length} sentences, ${docs.reduce((n, d) => n + d.gold.filter((g) => types.includes(g.type)).length, 0)} gold spans`);
  console.log(`${'type'.padEnd(14)}${SYSTEMS.map((s) => `${s.padStart(8)}   P      R      F1   `).join(' | ')}`);
  const row = (name: string, get: (e: Evaluation) => { precision: number; recall: number; f1: number } | undefined): void => {
    const cells = SYSTEMS.map((s) => {
      const x = get(res[s]);
      return x ? `        ${pct(x.precision)} ${pct(x.recall)} ${pct(x.f1)}` : `${' '.repeat(8)}    -     -     -`;
    });
    console.log(`${name.padEnd(14)}${cells.join(' | ')}`);
  };
  for (const t of types) row(t, (e) => e.byType[t]);
  row('micro', (e) => e.micro);
  if (errorsFor) {
    // where the merge differs from the model alone: gold spans the model had and the merge lost,
    // and wrong spans the merge added
    let shown = 0;
    let nLost = 0;
    let nGained = 0;
    let nWrong = 0;
    const keys = (xs: readonly SpanLike[]): Set<string> => new Set(xs.filter((x) => x.type === errorsFor).map((x) => `${x.start}:${x.end}`));
    docs.forEach((d, k) => {
      const g = keys(d.gold);
      const m = keys(preds.model[k]);
      const p = keys(preds.merged[k]);
      const lost = [...g].filter((x) => m.has(x) && !p.has(x));
      const gained = [...g].filter((x) => !m.has(x) && p.has(x));
      const extra = [...p].filter((x) => !g.has(x) && !m.has(x));
      nLost += lost.length;
      nGained += gained.length;
      nWrong += extra.length;
      if (!lost.length && !extra.length && !gained.length) return;
      if (shown++ >= 80) return;
      const sl = (x: string): string => {
        const [a, b] = x.split(':').map(Number);
        return d.text.slice(a, b);
      };
      if (!argv.includes('--quiet')) console.log(`  ${d.id}: lost [${lost.map(sl).join(' ')}] gained [${gained.map(sl).join(' ')}] wrong [${extra.map(sl).join(' ')}]  «${d.text.slice(0, 70)}»`);
    });
    console.log(`  ${errorsFor}: merged vs model: lost ${nLost} gold spans, gained ${nGained}, added ${nWrong} wrong ones`);
  }
  return res;
}

if (!flag('--no-dev')) {
  const files = DEFAULT_DATA_FILES.map((f) => resolve(ROOT, f));
  const { dev } = loadDataset(files, { ...DEFAULT_SPLIT, limit });
  const bySource = new Map<string, Doc[]>();
  for (const ex of dev) {
    let l = bySource.get(ex.source);
    if (!l) bySource.set(ex.source, (l = []));
    l.push({ id: ex.id, text: ex.text, gold: ex.spans });
  }
  for (const [source, docs] of bySource) {
    const msra = source.startsWith('msra');
    table(`${source} dev (${msra ? 'MSRA-style' : 'CLUENER-style'})`, docs, msra ? MSRA_TYPES : CLUENER_TYPES);
  }
}

if (!flag('--no-bulletin')) {
  const path = resolve(ROOT, 'tests/fixtures/core/bulletin-gold.jsonl');
  const docs: Doc[] = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { id: string; text: string; entities: SpanLike[] };
      return { id: r.id, text: r.text, gold: r.entities };
    });
  table('bulletin-gold.jsonl (hand-labelled bulletin news)', docs, BULLETIN_TYPES);
}
