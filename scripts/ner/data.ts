// Reads the shared JSONL format and makes a seeded, block-wise dev split.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { NER_TYPES, spansToTags, type TagSpan } from '../../src/core/ner/tags';

export interface Example {
  id: string;
  /** File the sentence came from (basename). */
  source: string;
  text: string;
  cps: Int32Array;
  /** UTF-16 offset of each unit, plus the end. */
  offs: Int32Array;
  gold: Uint8Array;
  /** Gold spans in UTF-16 offsets, only types this model knows. */
  spans: { type: string; start: number; end: number }[];
  /** Types annotated in this example's source file; others are neither gold nor predicted in training. */
  typeMask: number;
}

export interface LoadOptions {
  devFraction: number;
  seed: number;
  /** Read only the first `limit` lines of each file. */
  limit?: number;
  /** Consecutive lines kept together on one side of the split (MSRA chunks come from the same article). */
  blockSize?: number;
}

export interface Dataset {
  train: Example[];
  dev: Example[];
}

/** The split the shipped model was selected on; tests recompute it. */
export const DEFAULT_SPLIT: LoadOptions = { devFraction: 0.05, seed: 1, blockSize: 10 };

export const DEFAULT_DATA_FILES = ['../shared/data/ner/msra_train.jsonl', '../shared/data/ner/cluener_train.jsonl'];

function hash32(s: string, seed: number): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

/** Whether line `index` of `source` belongs to the dev split. */
export function isDev(source: string, index: number, opts: LoadOptions): boolean {
  const block = Math.floor(index / (opts.blockSize ?? 10));
  return hash32(`${source}#${block}`, opts.seed) < opts.devFraction;
}

interface RawEntity {
  start: number;
  end: number;
  type: string;
}

export function toExample(id: string, source: string, text: string, entities: RawEntity[], typeMask: number): Example {
  const cpList: number[] = [];
  const offList: number[] = [];
  const unitAt = new Map<number, number>();
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    unitAt.set(i, cpList.length);
    cpList.push(cp);
    offList.push(i);
    i += cp > 0xffff ? 2 : 1;
  }
  unitAt.set(text.length, cpList.length);
  offList.push(text.length);
  const n = cpList.length;
  const unitSpans: TagSpan[] = [];
  const spans: Example['spans'] = [];
  for (const e of entities) {
    const t = NER_TYPES.indexOf(e.type as (typeof NER_TYPES)[number]);
    if (t < 0) continue;
    const s = unitAt.get(e.start);
    const en = unitAt.get(e.end);
    if (s === undefined || en === undefined || en <= s) continue;
    unitSpans.push({ type: t, start: s, end: en });
    spans.push({ type: e.type, start: e.start, end: e.end });
  }
  const gold = spansToTags(unitSpans, n, new Uint8Array(n));
  return { id, source, text, cps: Int32Array.from(cpList), offs: Int32Array.from(offList), gold, spans, typeMask };
}

/** Loads JSONL files; an example's typeMask is the set of types that occur anywhere in its file. */
export function loadDataset(files: readonly string[], opts: LoadOptions): Dataset {
  const train: Example[] = [];
  const dev: Example[] = [];
  for (const file of files) {
    const source = basename(file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const rows: { id: string; text: string; entities: RawEntity[] }[] = [];
    for (let i = 0; i < lines.length && (opts.limit === undefined || rows.length < opts.limit); i++) {
      const line = lines[i].trim();
      if (!line) continue;
      let row: { id?: unknown; text?: unknown; entities?: unknown };
      try {
        row = JSON.parse(line);
      } catch (err) {
        throw new Error(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
      }
      if (typeof row.text !== 'string' || !Array.isArray(row.entities)) {
        throw new Error(`${file}:${i + 1}: expected {"text": string, "entities": [...]}`);
      }
      rows.push({ id: typeof row.id === 'string' ? row.id : `${source}:${i + 1}`, text: row.text, entities: row.entities as RawEntity[] });
    }
    let typeMask = 0;
    for (const r of rows) for (const e of r.entities) {
      const t = NER_TYPES.indexOf(e.type as (typeof NER_TYPES)[number]);
      if (t >= 0) typeMask |= 1 << t;
    }
    rows.forEach((r, index) => {
      const ex = toExample(r.id, source, r.text, r.entities, typeMask);
      (isDev(source, index, opts) ? dev : train).push(ex);
    });
  }
  return { train, dev };
}

