// Averaged structured perceptron trainer (in-process; used by train-ner.ts and tests).

import { FEATURE_VERSION, FeatureExtractor } from '../../src/core/ner/features';
import { NerModel } from '../../src/core/ner/model';
import { ALL_TYPES_MASK, NER_TYPES, NUM_TAGS, TAG_O, tagMaskForTypes, tagsToSpans, type TagSpan } from '../../src/core/ner/tags';
import { TRANS_SIZE, Viterbi } from '../../src/core/ner/viterbi';
import { evaluate, type Evaluation } from '../../src/core/ner/evaluate';
import { calibrateOPenalty } from './calibrate';
import type { Example } from './data';

const NT = NUM_TAGS;

export interface TrainOptions {
  epochs: number;
  hashBits: number;
  seed: number;
  /** Quantile of |weight| mapped to the int8 limit (larger weights are clipped); chosen on dev when absent. */
  clipQuantile?: number;
  note?: string;
  /** Give each source file its own weight table on top of a shared one. */
  domainAdapt?: boolean;
  /** How tables collapse into the shipped model: 'mixed', 'mean', 'shared' or a source name; best on dev when absent. */
  exportDomain?: string;
  /** Feature set (default: the current FEATURE_VERSION). */
  featureVersion?: number;
  /**
   * Sentences from files that do not annotate every type are decoded with all tags (instead
   * of forbidding the unannotated types); a predicted span of an unannotated type is
   * penalised only where it covers an annotated unit. MSRA then teaches that a position
   * (annotated only in CLUENER) may not swallow its places and organizations (上海|市长).
   */
  latentTypes?: boolean;
  /** Zero int8 weights with |w| <= prune (default: largest of 1..3 within pruneSlack of unpruned dev F1). */
  prune?: number;
  pruneSlack?: number;
  /** Times each sentence of a source file is visited per epoch (fractions sampled); default 1. */
  sourceWeights?: Record<string, number>;
  /** Fixed O penalty (int8 units) instead of the one calibrated on dev; 0 turns calibration off. */
  oPenalty?: number;
  log?: (line: string) => void;
}

export interface EpochStat {
  epoch: number;
  seconds: number;
  trainErrors: number;
  dev: Record<string, Evaluation>;
  /** Mean of the per-source micro F1 (model selection criterion). */
  score: number;
}

export interface TrainResult {
  model: NerModel;
  history: EpochStat[];
  bestEpoch: number;
  /** Dev evaluation of the quantised model. */
  quantisedDev: Record<string, Evaluation>;
  /** O penalty folded into the transitions (calibrate.ts). */
  oPenalty: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Prepared {
  ex: Example;
  feats: Int32Array;
  allowed: Uint8Array;
}

function prepare(examples: readonly Example[], extractor: FeatureExtractor): Prepared[] {
  const NUM_FEATURES = extractor.numFeatures;
  let total = 0;
  for (const ex of examples) total += ex.cps.length * NUM_FEATURES;
  const all = new Int32Array(total);
  const masks = new Map<number, Uint8Array>();
  let o = 0;
  return examples.map((ex) => {
    const n = ex.cps.length;
    const feats = all.subarray(o, o + n * NUM_FEATURES);
    o += n * NUM_FEATURES;
    extractor.extract(ex.cps, n, feats);
    let allowed = masks.get(ex.typeMask);
    if (!allowed) masks.set(ex.typeMask, (allowed = tagMaskForTypes(ex.typeMask)));
    return { ex, feats, allowed };
  });
}

function emissions(feats: Int32Array, n: number, w: Float64Array, emit: Float64Array): void {
  const NUM_FEATURES = feats.length / n;
  let f = 0;
  for (let i = 0, base = 0; i < n; i++, base += NT) {
    for (let t = 0; t < NT; t++) emit[base + t] = 0;
    for (let k = 0; k < NUM_FEATURES; k++) {
      const b = feats[f++];
      for (let t = 0; t < NT; t++) emit[base + t] += w[b + t];
    }
  }
}

/** Per source file, tags dev with the given weights and scores spans of the file's annotated types. */
function evalDev(
  dev: readonly Prepared[],
  tagger: (p: Prepared, out: Uint8Array) => void,
): Record<string, Evaluation> {
  return evalExamples(
    dev.map((p) => p.ex),
    (_ex, out, k) => tagger(dev[k], out),
  );
}

/** Exact span + type F1 per source file of whole dev sentences, over the types each file annotates. */
export function evalExamples(dev: readonly Example[], tagger: (ex: Example, out: Uint8Array, index: number) => void): Record<string, Evaluation> {
  const bySource = new Map<string, { gold: TagSpan[][]; pred: TagSpan[][]; mask: number }>();
  let out = new Uint8Array(256);
  for (let k = 0; k < dev.length; k++) {
    const ex = dev[k];
    const n = ex.cps.length;
    if (out.length < n) out = new Uint8Array(n * 2);
    tagger(ex, out, k);
    let s = bySource.get(ex.source);
    if (!s) bySource.set(ex.source, (s = { gold: [], pred: [], mask: ex.typeMask }));
    s.gold.push(tagsToSpans(ex.gold, n));
    s.pred.push(tagsToSpans(out, n));
  }
  const res: Record<string, Evaluation> = {};
  for (const [source, s] of bySource) {
    const types = NER_TYPES.filter((_, i) => (s.mask >> i) & 1);
    const named = (spans: TagSpan[][]) => spans.map((d) => d.map((x) => ({ type: NER_TYPES[x.type], start: x.start, end: x.end })));
    res[source] = evaluate(named(s.gold), named(s.pred), types);
  }
  return res;
}

export function formatEval(ev: Record<string, Evaluation>): string {
  return Object.entries(ev)
    .map(([src, e]) =>
      `${src}: micro ${(e.micro.f1 * 100).toFixed(2)} (` +
      Object.entries(e.byType).map(([t, s]) => `${t} ${(s.f1 * 100).toFixed(1)}`).join(', ') + ')',
    )
    .join(' | ');
}

function meanF1(ev: Record<string, Evaluation>): number {
  const v = Object.values(ev);
  return v.length ? v.reduce((a, e) => a + e.micro.f1, 0) / v.length : 0;
}

export function train(trainSet: readonly Example[], devSet: readonly Example[], opts: TrainOptions): TrainResult {
  const log = opts.log ?? (() => {});
  const size = (1 << opts.hashBits) * NT;
  const extractor = new FeatureExtractor(opts.hashBits, opts.featureVersion ?? FEATURE_VERSION);
  const NUM_FEATURES = extractor.numFeatures;
  const t0 = Date.now();
  const tr = prepare(trainSet, extractor);
  const dv = prepare(devSet, extractor);
  log(`features: ${tr.length} train / ${dv.length} dev sentences in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Table 0 is shared; with domain adaptation each source file also gets its own
  // table (same buckets), so conflicting conventions need not fight in one weight.
  const sources = [...new Set(trainSet.map((e) => e.source))];
  const adapt = !!opts.domainAdapt && sources.length > 1;
  const tables = adapt ? 1 + sources.length : 1;
  const domainOf = new Int32Array(tr.length);
  tr.forEach((p, i) => (domainOf[i] = adapt ? 1 + sources.indexOf(p.ex.source) : 0));
  if (adapt) log(`domain adaptation: tables shared + ${sources.join(', ')}`);

  const w = new Float64Array(size * tables);
  const u = new Float64Array(size * tables);
  const tw = new Float64Array(TRANS_SIZE * tables);
  const tu = new Float64Array(TRANS_SIZE * tables);
  const avg = new Float64Array(size);
  const tavg = new Float64Array(TRANS_SIZE);
  const transBuf = new Float64Array(TRANS_SIZE);
  let best: { w: Float64Array; t: Float64Array } | null = null;
  let maxLen = 1;
  for (const p of tr) maxLen = Math.max(maxLen, p.ex.cps.length);
  for (const p of dv) maxLen = Math.max(maxLen, p.ex.cps.length);
  const emit = new Float64Array(maxLen * NT);
  const emit2 = new Float64Array(maxLen * NT);
  const pred = new Uint8Array(maxLen);
  const viterbi = new Viterbi();
  const weights = opts.sourceWeights ?? {};
  for (const k of Object.keys(weights)) if (!sources.includes(k)) throw new Error(`--weight: no training source ${k}`);
  const rand = mulberry32(opts.seed);
  const epochOrder = (): Int32Array => {
    const list: number[] = [];
    for (let i = 0; i < tr.length; i++) {
      const wt = weights[tr[i].ex.source] ?? 1;
      let times = Math.floor(wt);
      if (wt !== times && rand() < wt - times) times++;
      for (let r = 0; r < times; r++) list.push(i);
    }
    return Int32Array.from(list);
  };
  let c = 1;
  const history: EpochStat[] = [];
  let bestEpoch = 0;
  let bestScore = -1;
  const allAllowed = tagMaskForTypes(ALL_TYPES_MASK);
  const latent = !!opts.latentTypes;

  const goldBuf = new Uint8Array(maxLen);
  if (latent) log('latent types: unannotated types are penalised only where they cover annotated units');

  const upd = (arr: Float64Array, acc: Float64Array, k: number, d: number): void => {
    arr[k] += d;
    acc[k] += c * d;
  };
  /** Averaged weights of table 0 plus table `d` (0 = shared only). */
  const averaged = (d: number, outW: Float64Array, outT: Float64Array): void => {
    for (let k = 0; k < size; k++) outW[k] = w[k] - u[k] / c;
    for (let k = 0; k < TRANS_SIZE; k++) outT[k] = tw[k] - tu[k] / c;
    if (d > 0) {
      const o = d * size;
      for (let k = 0; k < size; k++) outW[k] += w[o + k] - u[o + k] / c;
      const ot = d * TRANS_SIZE;
      for (let k = 0; k < TRANS_SIZE; k++) outT[k] += tw[ot + k] - tu[ot + k] / c;
    }
  };
  const evalWith = (ws: Float64Array, ts: Float64Array, set: readonly Prepared[]) =>
    evalDev(set, (p, out) => {
      const n = p.ex.cps.length;
      if (n === 0) return;
      emissions(p.feats, n, ws, emit);
      viterbi.decode(emit, n, ts, allAllowed, out);
    });

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const te = Date.now();
    const order = epochOrder();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    let errors = 0;
    for (let oi = 0; oi < order.length; oi++) {
      const idx = order[oi];
      const { ex, feats, allowed } = tr[idx];
      const n = ex.cps.length;
      if (n === 0) continue;
      const d = domainOf[idx];
      let trans: Float64Array = tw;
      emissions(feats, n, w, emit);
      if (d > 0) {
        emissions(feats, n, w.subarray(d * size, (d + 1) * size), emit2);
        for (let k = 0; k < n * NT; k++) emit[k] += emit2[k];
        const ot = d * TRANS_SIZE;
        for (let k = 0; k < TRANS_SIZE; k++) transBuf[k] = tw[k] + tw[ot + k];
        trans = transBuf;
      }
      let gold: Uint8Array = ex.gold;
      if (latent && ex.typeMask !== ALL_TYPES_MASK) {
        viterbi.decode(emit, n, trans, allAllowed, pred);
        // Target: the gold tags, plus each predicted span of an unannotated type that lies
        // wholly on unlabelled units (it may be right; no update). A predicted span that
        // covers an annotated unit is wrong and gets pushed down. The target never holds a
        // span the prediction lacks, so these sentences never push unannotated types up.
        goldBuf.set(ex.gold.subarray(0, n));
        for (let i = 0; i < n; ) {
          const t = pred[i];
          if (t === TAG_O || (ex.typeMask >> ((t - 1) >> 2)) & 1) {
            i++;
            continue;
          }
          let e = i + 1;
          while (e < n && (pred[e] - 1) >> 2 === (t - 1) >> 2 && ((pred[e] - 1) & 3) !== 0 && ((pred[e - 1] - 1) & 3) < 2) e++;
          let free = true;
          for (let k = i; k < e; k++) if (ex.gold[k] !== TAG_O) free = false;
          if (free) for (let k = i; k < e; k++) goldBuf[k] = pred[k];
          i = e;
        }
        gold = goldBuf;
      } else viterbi.decode(emit, n, trans, allowed, pred);
      let wrong = false;
      const off = d * size;
      const toff = d * TRANS_SIZE;
      const up = 1;
      const down = -1;
      for (let i = 0; i < n; i++) {
        const g = gold[i];
        const p = pred[i];
        if (g !== p) {
          wrong = true;
          const fb = i * NUM_FEATURES;
          for (let k = 0; k < NUM_FEATURES; k++) {
            const b = feats[fb + k];
            upd(w, u, b + g, up);
            upd(w, u, b + p, down);
            if (d > 0) {
              upd(w, u, off + b + g, up);
              upd(w, u, off + b + p, down);
            }
          }
        }
        const gp = i === 0 ? -1 : gold[i - 1];
        const pp = i === 0 ? -1 : pred[i - 1];
        if (g !== p || gp !== pp) {
          const kg = i === 0 ? NT * NT + g : gp * NT + g;
          const kp = i === 0 ? NT * NT + p : pp * NT + p;
          upd(tw, tu, kg, up);
          upd(tw, tu, kp, down);
          if (d > 0) {
            upd(tw, tu, toff + kg, up);
            upd(tw, tu, toff + kp, down);
          }
        }
      }
      if (gold[n - 1] !== pred[n - 1]) {
        const kg = (NT + 1) * NT + gold[n - 1];
        const kp = (NT + 1) * NT + pred[n - 1];
        upd(tw, tu, kg, up);
        upd(tw, tu, kp, down);
        if (d > 0) {
          upd(tw, tu, toff + kg, up);
          upd(tw, tu, toff + kp, down);
        }
      }
      if (wrong) errors++;
      c++;
    }
    const seconds = (Date.now() - te) / 1000;
    let dev: Record<string, Evaluation> = {};
    if (adapt) {
      // Each source scored with its own table: what training optimises.
      for (let d = 0; d < sources.length; d++) {
        averaged(1 + d, avg, tavg);
        const ev = evalWith(avg, tavg, dv.filter((p) => p.ex.source === sources[d]));
        if (ev[sources[d]]) dev[sources[d]] = ev[sources[d]];
      }
    } else {
      averaged(0, avg, tavg);
      dev = evalWith(avg, tavg, dv);
    }
    const score = meanF1(dev);
    const stat: EpochStat = { epoch, seconds, trainErrors: errors, dev, score };
    history.push(stat);
    log(`epoch ${epoch}: ${seconds.toFixed(1)} s, ${errors} sentences wrong; dev${adapt ? ' (in-domain)' : ''} ${formatEval(dev)}; mean ${(score * 100).toFixed(2)}`);
    if (score > bestScore || !best) {
      bestScore = score;
      bestEpoch = epoch;
      best ??= { w: new Float64Array(size * tables), t: new Float64Array(TRANS_SIZE * tables) };
      for (let k = 0; k < size * tables; k++) best.w[k] = w[k] - u[k] / c;
      for (let k = 0; k < TRANS_SIZE * tables; k++) best.t[k] = tw[k] - tu[k] / c;
    }
  }
  if (!best) throw new Error('no epochs');
  let finalW = best.w.subarray(0, size);
  let finalT = best.t.subarray(0, TRANS_SIZE);
  if (adapt) {
    const chosen = chooseExport(best.w, best.t, size, sources, trainSet, (ws, ts) => evalWith(ws, ts, dv), opts.exportDomain, log);
    finalW = chosen.w;
    finalT = chosen.t;
  }
  // Pick the int8 clip level on dev: clipping trades resolution of small weights for range.
  const quantiles = opts.clipQuantile !== undefined ? [opts.clipQuantile] : [0.9999, 0.99995, 0.99999, 1];
  let model: NerModel | null = null;
  let quantisedDev: Record<string, Evaluation> = {};
  let qBest = -1;
  for (const q of quantiles) {
    const m = quantise(finalW, finalT, q, opts);
    const ev = evalDev(dv, (p, out) => m.tagUnits(p.ex.cps, p.ex.cps.length, out));
    const s = meanF1(ev);
    log(`clip quantile ${q}: dev ${formatEval(ev)}; mean ${(s * 100).toFixed(2)}`);
    if (s > qBest) {
      qBest = s;
      model = m;
      quantisedDev = ev;
    }
  }
  if (!model) throw new Error('no model');
  // Prune: zero the smallest int8 weights while mean dev F1 stays within PRUNE_SLACK of the
  // unpruned model. Fewer non-zeros make the shipped module smaller and faster to decode.
  const base = model;
  const PRUNE_SLACK = opts.pruneSlack ?? 0.0005;
  for (const t of opts.prune !== undefined ? [opts.prune] : [1, 2, 3]) {
    if (t <= 0) break;
    const w = Int8Array.from(base.weights, (v) => (v <= t && v >= -t ? 0 : v));
    const m = new NerModel({ hashBits: base.hashBits, scale: base.scale, note: base.note, featureVersion: base.featureVersion }, w, base.trans);
    const ev = evalDev(dv, (p, out) => m.tagUnits(p.ex.cps, p.ex.cps.length, out));
    const s = meanF1(ev);
    let nnz = 0;
    for (let k = 0; k < w.length; k++) if (w[k] !== 0) nnz++;
    log(`prune |w| <= ${t}: ${nnz} non-zeros; dev ${formatEval(ev)}; mean ${(s * 100).toFixed(2)}`);
    if (opts.prune === undefined && s < qBest - PRUNE_SLACK) break;
    model = m;
    quantisedDev = ev;
  }
  // Calibrate how readily the decoder leaves O (see calibrate.ts).
  const cal = calibrateOPenalty(model, devSet, log, opts.oPenalty);
  model = cal.model;
  quantisedDev = cal.dev;
  log(`best epoch ${bestEpoch}; O penalty ${cal.penalty}; quantised dev ${formatEval(quantisedDev)}`);
  return { model, history, bestEpoch, quantisedDev, oPenalty: cal.penalty };
}

/**
 * Collapses shared + per-source tables into one. Candidates: shared only, shared + one
 * source, shared + mean of sources, and 'mixed' (each tag column from the first source
 * that annotates its type, O from the first source). Picks the best mean dev F1 unless named.
 */
function chooseExport(
  w: Float64Array,
  t: Float64Array,
  size: number,
  sources: string[],
  examples: readonly Example[],
  evalFn: (w: Float64Array, t: Float64Array) => Record<string, Evaluation>,
  wanted: string | undefined,
  log: (l: string) => void,
): { w: Float64Array; t: Float64Array } {
  const D = sources.length;
  const masks = sources.map((src) => examples.find((e) => e.source === src)?.typeMask ?? 0);
  // Domain table (1-based) used for each tag column in 'mixed'.
  const tagDomain = new Int32Array(NT).fill(1);
  for (let tag = 1; tag < NT; tag++) {
    const type = (tag - 1) >> 2;
    const d = masks.findIndex((m) => (m >> type) & 1);
    tagDomain[tag] = d < 0 ? 1 : d + 1;
  }
  const build = (name: string): { w: Float64Array; t: Float64Array } => {
    const ow = Float64Array.from(w.subarray(0, size));
    const ot = Float64Array.from(t.subarray(0, TRANS_SIZE));
    const addTable = (d: number, f: number, colFilter?: (tag: number) => boolean): void => {
      const o = d * size;
      for (let k = 0; k < size; k++) if (!colFilter || colFilter(k % NT)) ow[k] += f * w[o + k];
      const ot0 = d * TRANS_SIZE;
      for (let k = 0; k < TRANS_SIZE; k++) {
        // Transition column = current tag, except the END block where it is the previous tag.
        const tag = k >= (NT + 1) * NT ? k - (NT + 1) * NT : k % NT;
        if (!colFilter || colFilter(tag)) ot[k] += f * t[ot0 + k];
      }
    };
    if (name === 'mean') for (let d = 1; d <= D; d++) addTable(d, 1 / D);
    else if (name === 'mixed') for (let d = 1; d <= D; d++) addTable(d, 1, (tag) => tagDomain[tag] === d);
    else if (name !== 'shared') addTable(1 + sources.indexOf(name), 1);
    return { w: ow, t: ot };
  };
  const names = wanted ? [wanted] : ['mixed', 'mean', ...sources, 'shared'];
  for (const n of names) if (!['mixed', 'mean', 'shared', ...sources].includes(n)) throw new Error(`unknown export table ${n}`);
  let best: { w: Float64Array; t: Float64Array } | null = null;
  let bestScore = -1;
  for (const name of names) {
    const cand = build(name);
    const ev = evalFn(cand.w, cand.t);
    const s = meanF1(ev);
    log(`export ${name}: dev ${formatEval(ev)}; mean ${(s * 100).toFixed(2)}`);
    if (s > bestScore) {
      bestScore = s;
      best = cand;
    }
  }
  return best!;
}

function quantise(wf: Float64Array, tf: Float64Array, q: number, opts: TrainOptions): NerModel {
  // Sample |w| of non-zero weights to find the clip level.
  const sample: number[] = [];
  const step = Math.max(1, Math.floor(wf.length / 2_000_000));
  for (let k = 0; k < wf.length; k += step) if (wf[k] !== 0) sample.push(Math.abs(wf[k]));
  sample.sort((a, b) => a - b);
  const clip = sample.length ? sample[Math.min(sample.length - 1, Math.floor(q * sample.length))] : 1;
  const scale = 127 / (clip || 1);
  const weights = new Int8Array(wf.length);
  for (let k = 0; k < wf.length; k++) {
    const v = Math.round(wf[k] * scale);
    weights[k] = v > 127 ? 127 : v < -127 ? -127 : v;
  }
  const trans = new Float64Array(TRANS_SIZE);
  for (let k = 0; k < TRANS_SIZE; k++) trans[k] = Math.max(-32767, Math.min(32767, Math.round(tf[k] * scale)));
  return new NerModel({ hashBits: opts.hashBits, scale, note: opts.note ?? '', featureVersion: opts.featureVersion }, weights, trans);
}
