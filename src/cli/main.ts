// bulletin-lens command line: annotate saved pages and texts with the core engine.
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { extname } from 'node:path';
import type { AnalysisResult, EntityType } from '../core/types';
import { ENTITY_TYPES } from '../core/types';
import { analyze, type EngineOptions } from '../core/engine';
import { loadShippedModel } from '../core/index';
import { decode, InputError } from './decode';
import { analyzeHtml } from './html';
import { jsonArticles, jsonEntities, toCsv, toMarkdown, toRecord } from './format';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Lines of standard input. */
  lines(): AsyncIterable<string>;
}

const USAGE = `usage: bulletin-lens annotate [options] FILE...
       bulletin-lens annotate --jsonl < lines.jsonl

Files ending in .html/.htm are read as web pages, anything else as UTF-8 text.

  --json            JSON (default): one object for one file, an array for several
  --jsonl-out       one JSON object per line, one line per file
  --format md|csv   Markdown report per article, or CSV entity table (UTF-8 BOM;
                    a "source" column is added when there are several files)
  --jsonl           read {"id","text"} lines from stdin, write {"id","articles","entities"} lines
  --single          treat each input as one article
  --types LIST      entity types to report (${ENTITY_TYPES.join(',')})
  --province NAME   province of the pages, for ambiguous place names
  --no-model        rules, gazetteer and lexicon only (the learned entity model is on by default)
`;

interface Args {
  files: string[];
  format: 'json' | 'jsonl' | 'md' | 'csv';
  stdinJsonl: boolean;
  engine: EngineOptions;
  model: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return 'help';
  if (argv[0] !== 'annotate') throw new UsageError(`unknown command "${argv[0]}"`);
  const a: Args = { files: [], format: 'json', stdinJsonl: false, engine: {}, model: true };
  for (let i = 1; i < argv.length; i++) {
    const x = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${x} needs a value`);
      return v;
    };
    if (x === '--json') a.format = 'json';
    else if (x === '--jsonl-out') a.format = 'jsonl';
    else if (x === '--jsonl') a.stdinJsonl = true;
    else if (x === '--format') {
      const f = value();
      if (f !== 'md' && f !== 'csv' && f !== 'json' && f !== 'jsonl') throw new UsageError(`unknown format "${f}"`);
      a.format = f;
    } else if (x === '--single') a.engine.singleArticle = true;
    else if (x === '--model') a.model = true;
    else if (x === '--no-model') a.model = false;
    else if (x === '--province') a.engine.provinceHint = value();
    else if (x === '--types') {
      const ts = value().split(',').map((s) => s.trim()).filter(Boolean);
      for (const t of ts) if (!(ENTITY_TYPES as readonly string[]).includes(t)) throw new UsageError(`unknown entity type "${t}"`);
      a.engine.types = ts as EntityType[];
    } else if (x === '-') a.files.push(x);
    else if (x.startsWith('-')) throw new UsageError(`unknown option ${x}`);
    else a.files.push(x);
  }
  if (!a.stdinJsonl && a.files.length === 0) throw new UsageError('no input files');
  return a;
}

async function loadFile(path: string, engine: EngineOptions): Promise<AnalysisResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(e)})`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') {
    const { text, articles, entities } = analyzeHtml(decode(bytes, 'html'), engine);
    return { text, articles, entities };
  }
  return analyze(decode(bytes, 'text'), engine);
}

async function runJsonl(io: Io, engine: EngineOptions): Promise<number> {
  let n = 0;
  let bad = 0;
  for await (const raw of io.lines()) {
    n++;
    const line = raw.trim();
    if (!line) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      io.err(`bulletin-lens: stdin line ${n}: not valid JSON\n`);
      bad++;
      continue;
    }
    const r = rec as { id?: unknown; text?: unknown };
    if (typeof rec !== 'object' || rec === null || typeof r.text !== 'string') {
      io.err(`bulletin-lens: stdin line ${n}: expected an object with a string "text"\n`);
      bad++;
      continue;
    }
    const res = analyze(r.text, engine);
    io.out(JSON.stringify({ id: r.id ?? null, articles: jsonArticles(res), entities: jsonEntities(res) }) + '\n');
  }
  return bad > 0 ? 1 : 0;
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`bulletin-lens: ${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (args.model) await loadShippedModel();
  args.engine.model = args.model;
  if (args.stdinJsonl) return runJsonl(io, args.engine);
  const done: Array<{ source: string; result: AnalysisResult }> = [];
  let failed = false;
  for (const f of args.files) {
    try {
      done.push({ source: f, result: await loadFile(f, args.engine) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.err(`bulletin-lens: ${f}: ${e.message}\n`);
      failed = true;
    }
  }
  if (done.length > 0) {
    if (args.format === 'csv') io.out(toCsv(done, args.files.length > 1));
    else if (args.format === 'md') io.out(done.map((d) => toMarkdown(d.source, d.result)).join('\n'));
    else if (args.format === 'jsonl') for (const d of done) io.out(JSON.stringify(toRecord(d.source, d.result)) + '\n');
    else if (args.files.length === 1) io.out(JSON.stringify(toRecord(done[0].source, done[0].result), null, 2) + '\n');
    else io.out(JSON.stringify(done.map((d) => toRecord(d.source, d.result)), null, 2) + '\n');
  }
  return failed ? 1 : 0;
}

export function processIo(): Io {
  return {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
  };
}
