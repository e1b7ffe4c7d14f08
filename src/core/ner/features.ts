// Hashed character features. Training and inference share this file, so any
// change to templates, hashing or the lexicon must bump FEATURE_VERSION.

import { lexiconEntries } from './lexicon';
import { NUM_TAGS } from './tags';

// v1: one hashed row per template. v2: v1 + a gazetteer feature (no dev gain, 20 % slower;
// dropped). v3: n-gram templates in block layout (below); models of v1/v2 need retraining.
export const FEATURE_VERSION = 3;
export const NUM_FEATURES = 18;

/** Features per unit of a supported feature version, or 0 if unsupported. */
export function featureCount(version: number): number {
  return version === FEATURE_VERSION ? NUM_FEATURES : 0;
}

const BOS = 0x110001;
const EOS = 0x110002;
const PAD = 2;

const enum Cls {
  Other = 0,
  Digit = 1,
  Latin = 2,
  Han = 3,
  HanNum = 4,
  Punct = 5,
  Space = 6,
  Edge = 7,
}

const HAN_NUMERALS = '〇零一二三四五六七八九十百千万亿两';

/** Full-width ASCII to half-width, lower-case Latin, all ASCII digits to '0'. */
export function normalizeCodePoint(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000) c = 0x20;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c >= 0x30 && c <= 0x39) return 0x30;
  return c;
}

const CLASS_TABLE = buildClassTable();

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let k: Cls = Cls.Other;
    if (c === 0x30) k = Cls.Digit;
    else if (c >= 0x61 && c <= 0x7a) k = Cls.Latin;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) k = Cls.Han;
    else if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) k = Cls.Space;
    else if ((c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e))
      k = Cls.Punct;
    else if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f)) k = Cls.Punct;
    t[c] = k;
  }
  for (const ch of HAN_NUMERALS) t[ch.charCodeAt(0)] = Cls.HanNum;
  return t;
}

function classOf(c: number): number {
  if (c < 0x10000) return CLASS_TABLE[c];
  if (c >= 0x110000) return Cls.Edge;
  return c >= 0x20000 && c <= 0x3ffff ? Cls.Han : Cls.Other;
}

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x5bd1e995);
  return h ^ (h >>> 15);
}

function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Lexicon category sets fit in this many bits (LEX_* in lexicon.ts). */
const LEX_BITS = 5;
const LEX_MASK = (1 << LEX_BITS) - 1;

const SEED = 0x2545f491;
const SKIP_SEED = 0x61c88647;
const LEX_SEED = 0x7f4a7c15;

/** Lexicon lookup: hashes of normalised words to category bits. */
class Lexicon {
  /** Longest word starting with each BMP code point (0: none). */
  readonly first = new Uint8Array(0x10000);
  readonly cats = new Map<number, number>();

  constructor() {
    for (const { word, cats } of lexiconEntries()) {
      if (cats >>> LEX_BITS !== 0) throw new Error(`lexicon category ${cats} does not fit in ${LEX_BITS} bits`);
      const cps = Array.from(word, (ch) => normalizeCodePoint(ch.codePointAt(0)!));
      let h = LEX_SEED;
      for (const c of cps) h = mix(h, c);
      this.cats.set(h, (this.cats.get(h) ?? 0) | cats);
      if (cps[0] < 0x10000) this.first[cps[0]] = Math.max(this.first[cps[0]], cps.length);
    }
  }
}

let lexicon: Lexicon | null = null;

/**
 * Computes NUM_FEATURES hashed feature offsets (bucket * NUM_TAGS) per unit.
 * Reuses its buffers; not re-entrant.
 */
export class FeatureExtractor {
  readonly hashBits: number;
  readonly version: number;
  readonly numFeatures: number;
  private readonly shift: number;
  private cap = 0;
  private u = new Int32Array(0);
  private cls = new Uint8Array(0);
  private h1 = new Int32Array(0);
  private h2 = new Int32Array(0);
  private h3 = new Int32Array(0);
  private starts = new Uint8Array(0);
  private ends = new Uint8Array(0);
  private inside = new Uint8Array(0);
  private readonly lex: Lexicon;
  /**
   * Buckets of the class-pattern and lexicon features, precomputed: their inputs take few
   * values (a 15-bit class pattern; 5-bit lexicon category sets, with a 3-bit class), so a
   * table lookup replaces a hash per unit. Same buckets as hashing them each time.
   */
  private readonly patternRow: Int32Array;
  private readonly lexEdgeRow: Int32Array;
  private readonly lexAroundRow: Int32Array;
  private readonly lexInsideRow: Int32Array;

  constructor(hashBits: number, version: number = FEATURE_VERSION) {
    if (hashBits < 8 || hashBits > 24) throw new Error(`hashBits out of range: ${hashBits}`);
    if (!featureCount(version)) throw new Error(`unsupported feature version ${version}`);
    this.hashBits = hashBits;
    this.version = version;
    this.numFeatures = featureCount(version);
    const shift = (this.shift = 32 - hashBits);
    this.lex = lexicon ??= new Lexicon();
    this.patternRow = Int32Array.from({ length: 1 << 15 }, (_, v) => fin(mix(SEED, 0x1000000 | v)) >>> shift);
    // category sets are below 1 << LEX_BITS (checked when the lexicon is built)
    const lexRows = (tag: number, hi: number) =>
      Int32Array.from({ length: 1 << (LEX_BITS + hi) }, (_, v) => fin(mix(SEED, tag | (v & LEX_MASK) | ((v >>> LEX_BITS) << 8))) >>> shift);
    this.lexEdgeRow = lexRows(0x2000000, LEX_BITS);
    this.lexAroundRow = lexRows(0x3000000, LEX_BITS);
    this.lexInsideRow = lexRows(0x4000000, 3);
  }

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 64);
    this.cap = cap;
    const m = cap + 2 * PAD + 4;
    this.u = new Int32Array(m);
    this.cls = new Uint8Array(m);
    this.h1 = new Int32Array(m);
    this.h2 = new Int32Array(m);
    this.h3 = new Int32Array(m);
    this.starts = new Uint8Array(cap + 2);
    this.ends = new Uint8Array(cap + 2);
    this.inside = new Uint8Array(cap + 2);
  }

  /**
   * cps: raw code points of one sentence; out must hold n * numFeatures row offsets
   * (bucket * NUM_TAGS): bias; unigrams c-2..c+2; bigrams (-2,-1)..(1,2); trigrams
   * (-2..0)..(0..2); skip pair (c-1, c+1); class pattern c-2..c+2; three lexicon features.
   * `stride` multiplies the bucket: NUM_TAGS for a bucket-major table (training), 1 for row
   * indices (the inference model's packed table).
   */
  extract(cps: ArrayLike<number>, n: number, out: Int32Array, stride: number = NUM_TAGS): void {
    this.ensure(n);
    const { u, cls, h1, h2, h3 } = this;
    const m = n + 2 * PAD;
    for (let p = 0; p < PAD; p++) {
      u[p] = BOS;
      u[n + PAD + p] = EOS;
    }
    for (let i = 0; i < n; i++) u[i + PAD] = normalizeCodePoint(cps[i]);
    u[m] = EOS;
    u[m + 1] = EOS;
    u[m + 2] = EOS;
    for (let p = 0; p < m + 3; p++) {
      cls[p] = classOf(u[p]);
      h1[p] = mix(SEED, u[p]);
    }
    for (let p = 0; p < m + 2; p++) h2[p] = mix(h1[p], u[p + 1]);
    for (let p = 0; p < m + 1; p++) h3[p] = mix(h2[p], u[p + 2]);
    this.matchLexicon(n);
    const { starts, ends, inside, patternRow, lexEdgeRow, lexAroundRow, lexInsideRow } = this;
    const shift = this.shift;
    const NT = stride;
    const bias = (fin(mix(SEED, 0)) >>> shift) * NT;
    let o = 0;
    // Block layout: an n-gram owns consecutive rows, one per offset from the tagged unit,
    // so the 5 unigram, 4 bigram and 3 trigram templates read a few neighbouring rows
    // that the next units read again, instead of 12 scattered ones (cache misses dominate).
    const rowMask = (1 << this.hashBits) - 1;
    for (let p = 0; p < m + 1; p++) {
      h1[p] = fin(h1[p] ^ 0x100) >>> shift;
      h2[p] = fin(h2[p] ^ 0x200) >>> shift;
      h3[p] = fin(h3[p] ^ 0x300) >>> shift;
    }
    for (let i = 0; i < n; i++) {
      const p = i + PAD;
      out[o] = bias;
      out[o + 1] = (h1[p - 2] & rowMask) * NT;
      out[o + 2] = ((h1[p - 1] + 1) & rowMask) * NT;
      out[o + 3] = ((h1[p] + 2) & rowMask) * NT;
      out[o + 4] = ((h1[p + 1] + 3) & rowMask) * NT;
      out[o + 5] = ((h1[p + 2] + 4) & rowMask) * NT;
      out[o + 6] = (h2[p - 2] & rowMask) * NT;
      out[o + 7] = ((h2[p - 1] + 1) & rowMask) * NT;
      out[o + 8] = ((h2[p] + 2) & rowMask) * NT;
      out[o + 9] = ((h2[p + 1] + 3) & rowMask) * NT;
      out[o + 10] = (h3[p - 2] & rowMask) * NT;
      out[o + 11] = ((h3[p - 1] + 1) & rowMask) * NT;
      out[o + 12] = ((h3[p] + 2) & rowMask) * NT;
      out[o + 13] = (fin(mix(mix(SKIP_SEED, u[p - 1]), u[p + 1])) >>> shift) * NT;
      const pattern = cls[p - 2] | (cls[p - 1] << 3) | (cls[p] << 6) | (cls[p + 1] << 9) | (cls[p + 2] << 12);
      // = hash(0x1000000 | pattern), hash(0x2000000 | starts | ends << 8), … (see the tables)
      out[o + 14] = patternRow[pattern] * NT;
      out[o + 15] = lexEdgeRow[starts[i] | (ends[i] << LEX_BITS)] * NT;
      out[o + 16] = lexAroundRow[(i > 0 ? ends[i - 1] : 0) | (starts[i + 1] << LEX_BITS)] * NT;
      out[o + 17] = lexInsideRow[inside[i] | (cls[p] << LEX_BITS)] * NT;
      o += 18;
    }
  }

  private matchLexicon(n: number): void {
    const { starts, ends, inside, u, lex } = this;
    starts.fill(0, 0, n + 2);
    ends.fill(0, 0, n + 2);
    inside.fill(0, 0, n + 2);
    const first = lex.first;
    for (let i = 0; i < n; i++) {
      const c0 = u[i + PAD];
      if (c0 >= 0x10000 || first[c0] === 0) continue;
      let h = LEX_SEED;
      const lim = Math.min(first[c0], n - i);
      for (let len = 1; len <= lim; len++) {
        h = mix(h, u[i + PAD + len - 1]);
        const cats = lex.cats.get(h);
        if (cats === undefined) continue;
        starts[i] |= cats;
        ends[i + len - 1] |= cats;
        for (let k = i; k < i + len; k++) inside[k] |= cats;
      }
    }
  }
}
