// Throughput and memory of the shipped NER model. Usage: npx tsx scripts/bench-ner.ts [chars]

import { readFileSync } from 'node:fs';
import { loadModel, tagEntities } from '../src/core/ner/index';

const target = Number(process.argv[2] ?? 1_000_000);
const lines: string[] = [];
let size = 0;
for (const file of ['../shared/data/ner/msra_train.jsonl', '../shared/data/ner/cluener_train.jsonl']) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const text = (JSON.parse(line) as { text: string }).text;
    lines.push(text);
    size += text.length + 1;
  }
}
// Interleave the two sources so the sample mixes styles.
const picked: string[] = [];
let got = 0;
for (let i = 0; got < target; i = (i + 7919) % lines.length) {
  picked.push(lines[i]);
  got += lines[i].length + 1;
}
const text = picked.join('\n');
const text4 = [text, text, text, text].join('\n');

const heap0 = process.memoryUsage().heapUsed;
let t = performance.now();
const model = loadModel();
const loadMs = performance.now() - t;
const heapModel = process.memoryUsage().heapUsed - heap0;

function time(fn: () => void, reps: number): number {
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) fn();
  return (performance.now() - t0) / reps;
}

let sink = 0;
const plain = (s: string): void => {
  let acc = 0;
  for (let i = 0; i < s.length; i++) acc = (acc + s.charCodeAt(i)) | 0;
  sink ^= acc;
};

tagEntities(text.slice(0, 50_000), model); // warm-up
plain(text);
const tPlain = time(() => plain(text), 5);
let found = 0;
const t1 = time(() => (found = tagEntities(text, model).length), 3);
const t4 = time(() => tagEntities(text4, model), 1);
t = performance.now();

const rate = text.length / (t1 / 1000);
console.log(`input ${text.length} chars (${picked.length} sentences), ${found} entities`);
console.log(`model load (base64 decode + expand) ${loadMs.toFixed(0)} ms; heap for model ~${(heapModel / 1e6).toFixed(1)} MB (+ ${(model.weights.byteLength / 1e6).toFixed(1)} MB typed array)`);
console.log(`tagEntities: ${t1.toFixed(1)} ms -> ${(rate / 1e6).toFixed(3)} M chars/s`);
console.log(`plain char-code-sum pass: ${tPlain.toFixed(2)} ms -> ratio tagger/plain = ${(t1 / tPlain).toFixed(0)}x`);
console.log(`1x ${t1.toFixed(1)} ms vs 4x ${t4.toFixed(1)} ms (4x/1x = ${(t4 / t1).toFixed(2)}, linear = 4.00)`);
const mem = process.memoryUsage();
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB; ` +
    `array buffers ${(mem.arrayBuffers / 1e6).toFixed(0)} MB; source data read ${(size / 1e6).toFixed(1)} M chars (sink ${sink & 1})`,
);
