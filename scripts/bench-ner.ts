// Throughput and memory of the shipped NER model.
// Usage: npx tsx scripts/bench-ner.ts [chars=1000000] [runs=7]
// Prints chars/s (min and median over runs, wall clock and process CPU time: on a shared,
// loaded machine CPU time is the steadier number), the ratio to a plain char-code-sum pass
// over the same text, 1x vs 4x input time (linearity), model load time and peak memory.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadModel, tagEntities } from '../src/core/ner/index';

const target = Number(process.argv[2] ?? 1_000_000);
const runs = Math.max(3, Number(process.argv[3] ?? 7));
const lines: string[] = [];
for (const file of ['../shared/data/ner/msra_train.jsonl', '../shared/data/ner/cluener_train.jsonl']) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line) lines.push((JSON.parse(line) as { text: string }).text);
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
lines.length = 0;

const mem0 = process.memoryUsage();
let c0 = process.cpuUsage();
let t = performance.now();
const model = loadModel();
const loadWall = performance.now() - t;
const loadCpu = cpuMs(process.cpuUsage(c0));
const mem1 = process.memoryUsage();

function cpuMs(d: NodeJS.CpuUsage): number {
  return (d.user + d.system) / 1000;
}

interface Timing {
  wall: number;
  cpu: number;
}

function measure(fn: () => void): Timing {
  const c = process.cpuUsage();
  const t0 = performance.now();
  fn();
  return { wall: performance.now() - t0, cpu: cpuMs(process.cpuUsage(c)) };
}

const stats = (xs: number[]): { min: number; median: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[s.length >> 1] };
};

let sink = 0;
const plain = (s: string): void => {
  let acc = 0;
  for (let i = 0; i < s.length; i++) acc = (acc + s.charCodeAt(i)) | 0;
  sink ^= acc;
};

tagEntities(text.slice(0, 100_000), model); // warm-up (JIT)
for (let r = 0; r < 3; r++) plain(text);

// Interleave tagger, plain and 4x runs so load changes on a shared machine hit all alike.
// The plain pass is short, so it is repeated PLAIN_REPS times per sample.
const PLAIN_REPS = 20;
const tag: Timing[] = [];
const base: Timing[] = [];
const tag4: Timing[] = [];
let found = 0;
for (let r = 0; r < runs; r++) {
  tag.push(measure(() => (found = tagEntities(text, model).length)));
  const p = measure(() => {
    for (let k = 0; k < PLAIN_REPS; k++) plain(text);
  });
  base.push({ wall: p.wall / PLAIN_REPS, cpu: p.cpu / PLAIN_REPS });
  if (r < 3) tag4.push(measure(() => tagEntities(text4, model)));
}

const wall = stats(tag.map((x) => x.wall));
const cpu = stats(tag.map((x) => x.cpu));
const plainWall = stats(base.map((x) => x.wall));
const plainCpu = stats(base.map((x) => x.cpu));
const wall4 = stats(tag4.map((x) => x.wall));
const cpu4 = stats(tag4.map((x) => x.cpu));
const rate = (ms: number): string => `${(text.length / ms / 1000).toFixed(2)} M chars/s`;

const src = readFileSync(new URL('../src/core/ner/model/weights.ts', import.meta.url), 'utf8');
console.log(`input ${text.length} chars (${picked.length} sentences), ${found} entities; ${runs} runs`);
console.log(
  `model: v${model.featureVersion} features, 2^${model.hashBits} buckets; module ${(src.length / 1e6).toFixed(2)} MB, ` +
    `${(gzipSync(Buffer.from(src)).length / 1e6).toFixed(2)} MB gzipped; ${model.note}`,
);
console.log(
  `model load (base64 decode + expand, first use): ${loadWall.toFixed(0)} ms wall, ${loadCpu.toFixed(0)} ms CPU; ` +
    `weights ${(model.byteLength / 1e6).toFixed(1)} MB typed arrays ` +
    `(array buffers +${((mem1.arrayBuffers - mem0.arrayBuffers) / 1e6).toFixed(1)} MB)`,
);
console.log(
  `tagEntities wall: min ${wall.min.toFixed(1)} ms (${rate(wall.min)}), median ${wall.median.toFixed(1)} ms (${rate(wall.median)})`,
);
console.log(
  `tagEntities CPU:  min ${cpu.min.toFixed(1)} ms (${rate(cpu.min)}), median ${cpu.median.toFixed(1)} ms (${rate(cpu.median)})`,
);
console.log(
  `plain char-code-sum pass: min ${plainWall.min.toFixed(2)} ms, median ${plainWall.median.toFixed(2)} ms -> ` +
    `ratio tagger/plain ${(wall.min / plainWall.min).toFixed(0)}x wall (min/min), ${(wall.median / plainWall.median).toFixed(0)}x (median/median), ` +
    `${(cpu.median / plainCpu.median).toFixed(0)}x CPU (median/median)`,
);
console.log(
  `linearity: 1x ${wall.min.toFixed(1)} ms vs 4x ${wall4.min.toFixed(1)} ms wall (4x/1x = ${(wall4.min / wall.min).toFixed(2)}), ` +
    `CPU ${cpu.min.toFixed(1)} vs ${cpu4.min.toFixed(1)} ms (${(cpu4.min / cpu.min).toFixed(2)}); linear = 4.00`,
);
const mem = process.memoryUsage();
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (includes the benchmark's own text and JSON); ` +
    `heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB; array buffers ${(mem.arrayBuffers / 1e6).toFixed(0)} MB (sink ${sink & 1})`,
);
