// Output identity check for engine speed work: runs the engine and each of its phases over a fixed
// set of texts and compares the results with a saved snapshot.
//   npx tsx scripts/check-identical.ts --save [file]   write the snapshot
//   npx tsx scripts/check-identical.ts [file]          compare with it (exit 1 on any difference)
// Default file: $TMPDIR/bulletin-lens-identity.json (a working file, not committed).
// The model-off results are the identity check. Model-on results are recorded and compared too,
// but reported apart (--model-on-strict makes them count): the model changes independently.
// Inputs: ../shared/fixtures/sample-bulletin.txt, tests/fixtures/**, NER training sentences in
// pages of 40 lines (and 300 alone), and a perturbed corpus built like bench-core's.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { analyze, loadShippedModel, registerModel } from '../src/core/index';
import { prepare } from '../src/core/engine';
import { segment } from '../src/core/segment';
import { findPlaces } from '../src/core/gazetteer';
import { findRuleEntities } from '../src/core/rules';
import { findPolicyTerms } from '../src/core/lexicon';
import { findPatternTerms } from '../src/core/lexicon/patterns';
import { AhoCorasick } from '../src/core/lexicon/aho';
import { AUTOMATON } from '../src/core/lexicon/compiled';
import { perturber } from './perturb';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const save = args.includes('--save');
const strictModel = args.includes('--model-on-strict');
const file = args.find((a) => !a.startsWith('--')) ?? join(tmpdir(), 'bulletin-lens-identity.json');

// --- inputs ------------------------------------------------------------------------------------
const inputs: Array<{ name: string; text: string; big?: boolean }> = [];
const sample = resolve(ROOT, '../shared/fixtures/sample-bulletin.txt');
if (existsSync(sample)) inputs.push({ name: 'sample-bulletin.txt', text: readFileSync(sample, 'utf8') });
const walk = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
for (const f of walk(resolve(ROOT, 'tests/fixtures'))) {
  const text = readFileSync(f, 'utf8');
  const name = relative(ROOT, f);
  if (f.endsWith('.jsonl')) {
    // gold files: each record's text, and the raw file too
    text.split('\n').forEach((line, k) => {
      if (!line.trim()) return;
      const rec = JSON.parse(line) as { text?: unknown };
      if (typeof rec.text === 'string') inputs.push({ name: `${name}#${k}`, text: rec.text });
    });
  }
  inputs.push({ name, text });
}
const NER = '/work/shared/data/ner';
const nerFile = (f: string) => resolve(ROOT, '../shared/data/ner', f);
for (const [f, take] of [['msra_train.jsonl', 3000], ['cluener_train.jsonl', 2000]] as const) {
  const path = existsSync(nerFile(f)) ? nerFile(f) : join(NER, f);
  if (!existsSync(path)) continue;
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  // spread over the file, deterministic
  const step = Math.max(1, Math.floor(lines.length / take));
  const texts: string[] = [];
  for (let k = 0; k < lines.length && texts.length < take; k += step) texts.push((JSON.parse(lines[k]) as { text: string }).text);
  for (let p = 0; p < texts.length; p += 40) inputs.push({ name: `${f}@page${p / 40}`, text: texts.slice(p, p + 40).join('\n') });
  for (let p = 0; p < 300; p++) inputs.push({ name: `${f}@${p}`, text: texts[p] });
}

// A perturbed corpus (random names, swapped places, digits), as the bench builds it, ~1.5 MB.
{
  const bases = inputs.filter((x) => x.name.endsWith('.txt')).map((x) => x.text);
  registerModel(null);
  const { rand, variant } = perturber(bases, 777);
  const parts: string[] = [];
  let chars = 0;
  while (chars < 600000) {
    const v = variant(rand(bases.length));
    parts.push(v);
    chars += v.length + 2;
  }
  inputs.push({ name: 'perturbed-corpus', text: parts.join('\n\n'), big: true });
}

// --- results -----------------------------------------------------------------------------------
const hash = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 20);
const automaton = new AhoCorasick(AUTOMATON);

/** The string and code-unit paths must agree: a disagreement shows as a changed hash. */
function same(a: string, b: string): string {
  return a === b ? a : `units path differs: ${a} ${b}`;
}
function unitsOk(prep: ReturnType<typeof prepare>): boolean {
  if (prep.units.length !== prep.text.length) return false;
  for (let i = 0; i < prep.text.length; i++) if (prep.units[i] !== prep.text.charCodeAt(i)) return false;
  return true;
}

function phases(text: string): Record<string, unknown> {
  const prep = prepare(text);
  const places = findPlaces(prep.text);
  if (!unitsOk(prep)) console.log('prepare: units differ from the text');
  return {
    norm: hash([prep.text, Array.from(prep.norm.map), Array.from(prep.norm.breaks), prep.converted]),
    segments: hash(segment(prep.norm, prep.text)),
    single: hash(segment(prep.norm, prep.text, { singleArticle: true })),
    places: hash(places.map((p) => [p.start, p.end, p.text, p.info, p.place.id, p.viaShort, p.candidates])),
    rules: hash(findRuleEntities(prep.text, { places })),
    terms: same(hash(findPolicyTerms(prep.text)), hash(findPolicyTerms(prep.text, prep.units))),
    patterns: hash(findPatternTerms(prep.text)),
    aho: same(hash(Array.from(automaton.scanAllPacked(prep.text))), hash(Array.from(automaton.scanUnitsPacked(prep.units)))),
  };
}

type Snapshot = Record<string, Record<string, unknown>>;
const snap: Snapshot = {};
registerModel(null);
for (const x of inputs) {
  const off = analyze(x.text, { model: false });
  snap[x.name] = { off: x.big ? hash(off) : off, offSingle: hash(analyze(x.text, { model: false, singleArticle: true })), ...phases(x.text) };
}
await loadShippedModel();
for (const x of inputs) {
  if (x.big) continue; // the model over the big corpus is slow and not part of the identity check
  snap[x.name].on = hash(analyze(x.text));
}

if (save) {
  writeFileSync(file, JSON.stringify(snap));
  console.log(`saved ${Object.keys(snap).length} inputs to ${file}`);
  process.exit(0);
}
if (!existsSync(file)) {
  console.error(`no snapshot at ${file}: run with --save first`);
  process.exit(2);
}
const old = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
let diffs = 0;
let modelDiffs = 0;
for (const name of new Set([...Object.keys(old), ...Object.keys(snap)])) {
  const a = old[name];
  const b = snap[name];
  if (!a || !b) {
    console.log(`input set differs: ${name}`);
    diffs++;
    continue;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    if (key === 'on') {
      modelDiffs++;
      if (modelDiffs <= 5) console.log(`model-on differs: ${name}`);
      continue;
    }
    diffs++;
    if (diffs <= 20) console.log(`DIFFERS: ${name} ${key}`);
  }
}
console.log(`${Object.keys(snap).length} inputs; model off: ${diffs} differences; model on: ${modelDiffs} differences${strictModel ? '' : ' (informational)'}`);
process.exit(diffs > 0 || (strictModel && modelDiffs > 0) ? 1 : 0);
