// The compact model: hashed int8 emission weights plus int16 transitions.

import { FEATURE_VERSION, FeatureExtractor, featureCount } from './features';
import { allowedEnd, allowedStart, NUM_TAGS, TAG_O } from './tags';
import { END_COL, START_ROW, TRANS_SIZE, backtrace } from './viterbi';

const MAGIC = 0x524e4c42; // "BLNR" little-endian
const FORMAT_VERSION = 1;
const NT = NUM_TAGS;
/** Scores are int32: per unit |emission| <= 127 * features and |transition| <= 32767. */
const LIMIT = 32767;
const NEG = -(1 << 29);
/** Tags that may follow a closed tag (O, B-*, S-*) and the closed tags (O, E-*, S-*). */
const OPEN = Int32Array.of(0, 1, 4, 5, 8, 9, 12, 13, 16);
const CLOSED = Int32Array.of(0, 3, 4, 7, 8, 11, 12, 15, 16);

/** Four biased zero weights (128 each) in one packed word. */
const BIASED_ZERO = 0x80808080 | 0;
/** Packed words are read as little-endian byte lanes; on a big-endian host they are swapped once. */
const BIG_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 0;

function swapWords(words: Int32Array): Int32Array {
  for (let k = 0; k < words.length; k++) {
    const x = words[k];
    words[k] = ((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24);
  }
  return words;
}

export interface ModelMeta {
  hashBits: number;
  /** Quantised value = round(weight * scale). */
  scale: number;
  /** Free-form provenance, e.g. training data and date. */
  note: string;
  /** Feature set the weights were trained with (default: the current FEATURE_VERSION). */
  featureVersion?: number;
}

export class NerModel {
  readonly hashBits: number;
  readonly scale: number;
  readonly note: string;
  readonly featureVersion: number;
  /**
   * The weight table, packed for inference: row r's weights for tags 0–15 are bytes
   * 16r…16r+15 of `packed` (as w + 128, four to an int32 word, little-endian lane order), and
   * its tag-16 weight is `last[r]`. Rows are 16-byte aligned, so a row never straddles a cache
   * line, and a row is summed with 4 word loads and mask-and-add (two 16-bit lanes per
   * accumulator) instead of 17 byte loads. The same 35.7 MB for 2^21 rows as a plain table.
   */
  private readonly packed: Int32Array;
  private readonly last: Int8Array;
  /**
   * One bit per row: whether it holds a non-zero weight. Most bigram, trigram and skip-pair
   * rows of unseen text are empty (pruned or never trained); those features are pointed at one
   * shared empty row, which stays in cache, instead of a cold row that adds nothing.
   */
  private readonly nonZero: Int32Array;
  private zeroRow = -1;
  readonly trans: Float64Array;
  private readonly extractor: FeatureExtractor;
  private readonly nf: number;
  /** Transitions as int32 in the order the decoder reads them (see tagUnits). */
  private readonly tOpen = new Int32Array(9 * 9);
  private readonly tIn = new Int32Array(4 * 4);
  private readonly tStart = new Int32Array(NT);
  private readonly tEnd = new Int32Array(NT);
  /** Largest spread (max − min) of any open tag's transitions from the 9 closed tags. */
  private readonly spread: number;
  private readonly em = new Int32Array(NT);
  private d0 = new Int32Array(NT);
  private d1 = new Int32Array(NT);
  private cap = 0;
  private feats = new Int32Array(0);
  private back = new Uint8Array(0);
  /** Kept so the touch loop is not dead code. */
  touch = 0;

  /**
   * weights: (2^hashBits) * NUM_TAGS int8 weights, bucket-major (not kept: packed, see above).
   * `packed` / `last` instead: an already packed table (fromBinary decodes straight into it).
   */
  constructor(meta: ModelMeta, weights: Int8Array | null, trans: ArrayLike<number>, packed?: { packed: Int32Array; last: Int8Array; nonZero?: Int32Array }) {
    const rows = 1 << meta.hashBits;
    if (trans.length !== TRANS_SIZE) throw new Error('NER model: transition table has the wrong size');
    if (packed) {
      if (packed.packed.length !== rows * 4 || packed.last.length !== rows) throw new Error('NER model: weight table has the wrong size');
      this.packed = packed.packed;
      this.last = packed.last;
    } else {
      if (!weights || weights.length !== rows * NT) throw new Error('NER model: weight table has the wrong size');
      const p = NerModel.emptyPacked(meta.hashBits);
      const bytes = new Uint8Array(p.packed.buffer);
      for (let r = 0, o = 0; r < rows; r++, o += NT) {
        for (let t = 0; t < 16; t++) bytes[r * 16 + t] = weights[o + t] + 128;
        p.last[r] = weights[o + 16];
      }
      if (BIG_ENDIAN) swapWords(p.packed);
      this.packed = p.packed;
      this.last = p.last;
    }
    this.hashBits = meta.hashBits;
    this.scale = meta.scale;
    this.note = meta.note;
    this.trans = Float64Array.from(trans);
    // Which rows hold a non-zero weight (fromBinary marks them as it decodes), and one that holds none.
    if (packed?.nonZero) this.nonZero = packed.nonZero;
    else {
      this.nonZero = new Int32Array((rows + 31) >>> 5);
      const P = this.packed;
      for (let r = 0; r < rows; r++) {
        const q = r << 2;
        if ((P[q] ^ BIASED_ZERO) | (P[q + 1] ^ BIASED_ZERO) | (P[q + 2] ^ BIASED_ZERO) | (P[q + 3] ^ BIASED_ZERO) | this.last[r]) this.nonZero[r >>> 5] |= 1 << (r & 31);
      }
    }
    for (let k = 0; k < this.nonZero.length && this.zeroRow < 0; k++) {
      const free = ~this.nonZero[k];
      if (free !== 0) this.zeroRow = Math.min(rows, k * 32 + (31 - Math.clz32(free & -free)));
    }
    if (this.zeroRow >= rows) this.zeroRow = -1;
    this.featureVersion = meta.featureVersion ?? FEATURE_VERSION;
    this.extractor = new FeatureExtractor(meta.hashBits, this.featureVersion);
    this.nf = this.extractor.numFeatures;
    const tr = this.trans;
    const clamp = (v: number): number => Math.max(-LIMIT, Math.min(LIMIT, Math.round(v)));
    for (let j = 0; j < 9; j++) for (let k = 0; k < 9; k++) this.tOpen[j * 9 + k] = clamp(tr[CLOSED[k] * NT + OPEN[j]]);
    for (let t = 0; t < 4; t++) {
      const b = 1 + 4 * t, i = b + 1, e = b + 2;
      this.tIn[4 * t] = clamp(tr[b * NT + i]);
      this.tIn[4 * t + 1] = clamp(tr[i * NT + i]);
      this.tIn[4 * t + 2] = clamp(tr[b * NT + e]);
      this.tIn[4 * t + 3] = clamp(tr[i * NT + e]);
    }
    let spread = 0;
    for (let j = 0; j < 9; j++) {
      let lo = this.tOpen[j * 9];
      let hi = lo;
      for (let k = 1; k < 9; k++) {
        lo = Math.min(lo, this.tOpen[j * 9 + k]);
        hi = Math.max(hi, this.tOpen[j * 9 + k]);
      }
      spread = Math.max(spread, hi - lo);
    }
    this.spread = spread;
    for (let t = 0; t < NT; t++) {
      this.tStart[t] = allowedStart(t) ? clamp(tr[START_ROW + t]) : NEG;
      this.tEnd[t] = allowedEnd(t) ? clamp(tr[END_COL + t]) : NEG;
    }
  }

  /**
   * The same weights with every transition into O lowered by `penalty`: exactly as if each
   * unit's O score were lowered by it (every unit's tag has one incoming transition, the first
   * unit's from START), so entities are read a little more readily. Shares the weight table.
   */
  withOPenalty(penalty: number): NerModel {
    const t = Float64Array.from(this.trans);
    for (let p = 0; p < NT; p++) t[p * NT + TAG_O] -= penalty;
    t[START_ROW + TAG_O] -= penalty;
    return new NerModel({ hashBits: this.hashBits, scale: this.scale, note: this.note, featureVersion: this.featureVersion }, null, t, { packed: this.packed, last: this.last, nonZero: this.nonZero });
  }

  /** A packed table of all-zero weights (every byte is the bias 128). */
  private static emptyPacked(hashBits: number): { packed: Int32Array; last: Int8Array } {
    const rows = 1 << hashBits;
    return { packed: new Int32Array(rows * 4).fill(BIASED_ZERO), last: new Int8Array(rows) };
  }

  /**
   * The plain weight table, (2^hashBits) * NUM_TAGS int8, bucket-major: unpacked on each call
   * (for saving, pruning and inspection; inference reads the packed table).
   */
  get weights(): Int8Array {
    const rows = 1 << this.hashBits;
    const out = new Int8Array(rows * NT);
    const words = BIG_ENDIAN ? swapWords(this.packed.slice()) : this.packed;
    const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
    for (let r = 0, o = 0; r < rows; r++, o += NT) {
      for (let t = 0; t < 16; t++) out[o + t] = bytes[r * 16 + t] - 128;
      out[o + 16] = this.last[r];
    }
    return out;
  }

  /** Bytes the weight tables take in memory. */
  get byteLength(): number {
    return this.packed.byteLength + this.last.byteLength;
  }

  private ensure(n: number): void {
    if (n <= this.cap) return;
    this.cap = Math.max(n, this.cap * 2, 256);
    this.feats = new Int32Array(this.cap * this.nf);
    this.back = new Uint8Array(this.cap * NT);
  }

  /**
   * Tags n code points; writes BIOES tag ids into out. Not re-entrant.
   * Emissions and first-order Viterbi are fused and integer-only. BIOES leaves few legal
   * predecessors: O, B-x and S-x follow one of the 9 "closed" tags (O, E-*, S-*); I-x and
   * E-x follow only B-x or I-x. Ties go to the lower predecessor id, as in viterbi.ts.
   */
  tagUnits(cps: ArrayLike<number>, n: number, out: Uint8Array): void {
    if (n === 0) return;
    this.ensure(n);
    const feats = this.feats;
    const P = this.packed;
    const L = this.last;
    const nf = this.nf;
    // row indices, not offsets: a row is 4 words of `packed` and one byte of `last`
    this.extractor.extract(cps, n, feats, 1);
    const zero = this.zeroRow;
    if (zero >= 0) {
      // n-gram and skip-pair features (6–13 of each unit): an empty row reads as the shared one
      const nz = this.nonZero;
      for (let k = 6, e = n * nf; k < e; k += nf) {
        for (let j = k; j < k + 8; j++) {
          const r = feats[j];
          feats[j] = zero ^ ((r ^ zero) & -((nz[r >>> 5] >>> (r & 31)) & 1));
        }
      }
    }
    // Touch every weight row first: these independent loads overlap their cache misses,
    // which the long add chains of the emission loop below do not (~10 % faster).
    // (n-gram and skip-pair rows, 1–13 of each unit: the bias, class and lexicon rows are few
    // and stay in cache)
    let touch = 0;
    for (let k = 1, e = n * nf; k < e; k += nf) {
      for (let j = k; j < k + 13; j++) touch ^= P[feats[j] << 2];
    }
    this.touch = touch;
    const { em, back, tOpen, tIn, tStart, tEnd, spread } = this;
    // each of the nf rows adds 128 to every lane
    const bias = nf * 128;
    let prev = this.d0;
    let cur = this.d1;
    let f = 0;
    for (let i = 0; i < n; i++) {
      // Two 16-bit lanes per accumulator: even bytes of word q in eq, odd bytes in oq. A lane
      // sums nf values of 0..255, so it cannot carry into the next (nf <= 257).
      let e0 = 0, o0 = 0, e1 = 0, o1 = 0, e2 = 0, o2 = 0, e3 = 0, o3 = 0, s16 = 0;
      for (const fe = f + nf; f < fe; f++) {
        const r = feats[f];
        const q = r << 2;
        const x0 = P[q], x1 = P[q + 1], x2 = P[q + 2], x3 = P[q + 3];
        e0 += x0 & 0xff00ff; o0 += (x0 >>> 8) & 0xff00ff;
        e1 += x1 & 0xff00ff; o1 += (x1 >>> 8) & 0xff00ff;
        e2 += x2 & 0xff00ff; o2 += (x2 >>> 8) & 0xff00ff;
        e3 += x3 & 0xff00ff; o3 += (x3 >>> 8) & 0xff00ff;
        s16 += L[r];
      }
      em[0] = (e0 & 0xffff) - bias; em[1] = (o0 & 0xffff) - bias; em[2] = (e0 >>> 16) - bias; em[3] = (o0 >>> 16) - bias;
      em[4] = (e1 & 0xffff) - bias; em[5] = (o1 & 0xffff) - bias; em[6] = (e1 >>> 16) - bias; em[7] = (o1 >>> 16) - bias;
      em[8] = (e2 & 0xffff) - bias; em[9] = (o2 & 0xffff) - bias; em[10] = (e2 >>> 16) - bias; em[11] = (o2 >>> 16) - bias;
      em[12] = (e3 & 0xffff) - bias; em[13] = (o3 & 0xffff) - bias; em[14] = (e3 >>> 16) - bias; em[15] = (o3 >>> 16) - bias;
      em[16] = s16;
      if (i === 0) {
        for (let t = 0; t < NT; t++) cur[t] = tStart[t] + em[t];
      } else {
        const base = i * NT;
        // Open tags: best over the closed predecessors.
        const c0 = prev[0], c1 = prev[3], c2 = prev[4], c3 = prev[7], c4 = prev[8];
        const c5 = prev[11], c6 = prev[12], c7 = prev[15], c8 = prev[16];
        // The best closed predecessor and the runner-up: when the best leads by more than any
        // open tag's spread of transitions, it is every open tag's unique best predecessor (most
        // steps: one reading of the previous unit clearly wins), so 9 sums replace 81 and 72
        // compares. Otherwise the full search below, with the same result and ties.
        let bv = c0, sv = c1, bk = 0;
        if (c1 > c0) { bv = c1; sv = c0; bk = 1; }
        if (c2 > bv) { sv = bv; bv = c2; bk = 2; } else if (c2 > sv) sv = c2;
        if (c3 > bv) { sv = bv; bv = c3; bk = 3; } else if (c3 > sv) sv = c3;
        if (c4 > bv) { sv = bv; bv = c4; bk = 4; } else if (c4 > sv) sv = c4;
        if (c5 > bv) { sv = bv; bv = c5; bk = 5; } else if (c5 > sv) sv = c5;
        if (c6 > bv) { sv = bv; bv = c6; bk = 6; } else if (c6 > sv) sv = c6;
        if (c7 > bv) { sv = bv; bv = c7; bk = 7; } else if (c7 > sv) sv = c7;
        if (c8 > bv) { sv = bv; bv = c8; bk = 8; } else if (c8 > sv) sv = c8;
        if (bv - sv > spread) {
          const arg = CLOSED[bk];
          for (let j = 0; j < 9; j++) {
            const tag = OPEN[j];
            cur[tag] = bv + tOpen[j * 9 + bk] + em[tag];
            back[base + tag] = arg;
          }
        } else for (let j = 0, o = 0; j < 9; j++, o += 9) {
          let best = c0 + tOpen[o];
          let arg = 0;
          let s = c1 + tOpen[o + 1];
          if (s > best) { best = s; arg = 3; }
          s = c2 + tOpen[o + 2];
          if (s > best) { best = s; arg = 4; }
          s = c3 + tOpen[o + 3];
          if (s > best) { best = s; arg = 7; }
          s = c4 + tOpen[o + 4];
          if (s > best) { best = s; arg = 8; }
          s = c5 + tOpen[o + 5];
          if (s > best) { best = s; arg = 11; }
          s = c6 + tOpen[o + 6];
          if (s > best) { best = s; arg = 12; }
          s = c7 + tOpen[o + 7];
          if (s > best) { best = s; arg = 15; }
          s = c8 + tOpen[o + 8];
          if (s > best) { best = s; arg = 16; }
          const tag = OPEN[j];
          cur[tag] = best + em[tag];
          back[base + tag] = arg;
        }
        // Inside and end tags continue B-x or I-x of the same type.
        for (let t = 0, b = 1; t < 4; t++, b += 4) {
          const dB = prev[b];
          const dI = prev[b + 1];
          const q = 4 * t;
          let x = dB + tIn[q];
          let y = dI + tIn[q + 1];
          if (y > x) { cur[b + 1] = y + em[b + 1]; back[base + b + 1] = b + 1; }
          else { cur[b + 1] = x + em[b + 1]; back[base + b + 1] = b; }
          x = dB + tIn[q + 2];
          y = dI + tIn[q + 3];
          if (y > x) { cur[b + 2] = y + em[b + 2]; back[base + b + 2] = b + 1; }
          else { cur[b + 2] = x + em[b + 2]; back[base + b + 2] = b; }
        }
      }
      const tmp = prev;
      prev = cur;
      cur = tmp;
      if ((i & 1023) === 1023) {
        // Only differences matter: re-centre so long inputs cannot overflow int32.
        let mx = prev[0];
        for (let t = 1; t < NT; t++) if (prev[t] > mx) mx = prev[t];
        for (let t = 0; t < NT; t++) prev[t] -= mx;
      }
    }
    let best = prev[0] + tEnd[0];
    let arg = 0;
    for (let t = 1; t < NT; t++) {
      const s = prev[t] + tEnd[t];
      if (s > best) {
        best = s;
        arg = t;
      }
    }
    backtrace(back, n, arg, out);
  }

  /** Compact binary form: header, int16 transitions, sparse int8 weights (varint gaps). */
  toBinary(): Uint8Array {
    const noteBytes = new Uint8Array(this.note.length * 2);
    for (let i = 0; i < this.note.length; i++) {
      noteBytes[2 * i] = this.note.charCodeAt(i) & 0xff;
      noteBytes[2 * i + 1] = this.note.charCodeAt(i) >> 8;
    }
    const w = this.weights; // unpacked once here
    let nnz = 0;
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) nnz++;
    const buf = new Uint8Array(24 + noteBytes.length + TRANS_SIZE * 2 + nnz * 6);
    const dv = new DataView(buf.buffer);
    let o = 0;
    dv.setUint32(o, MAGIC, true); o += 4;
    dv.setUint8(o++, FORMAT_VERSION);
    dv.setUint8(o++, NT);
    dv.setUint8(o++, this.extractor.numFeatures);
    dv.setUint8(o++, this.hashBits);
    dv.setUint16(o, this.featureVersion, true); o += 2;
    dv.setFloat32(o, this.scale, true); o += 4;
    dv.setUint16(o, noteBytes.length, true); o += 2;
    buf.set(noteBytes, o); o += noteBytes.length;
    for (let i = 0; i < TRANS_SIZE; i++) {
      const v = this.trans[i];
      dv.setInt16(o, Math.max(-32767, Math.min(32767, Math.round(v))), true);
      o += 2;
    }
    dv.setUint32(o, nnz, true); o += 4;
    let prev = -1;
    for (let i = 0; i < w.length; i++) {
      if (w[i] === 0) continue;
      let gap = i - prev - 1;
      prev = i;
      while (gap >= 0x80) {
        buf[o++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      buf[o++] = gap;
      buf[o++] = w[i] & 0xff;
    }
    return buf.slice(0, o);
  }

  static fromBinary(buf: Uint8Array): NerModel {
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let o = 0;
    if (buf.length < 24 || dv.getUint32(0, true) !== MAGIC) throw new Error('NER model: not a Bulletin Lens model');
    o += 4;
    const format = dv.getUint8(o++);
    const nt = dv.getUint8(o++);
    const nf = dv.getUint8(o++);
    const hashBits = dv.getUint8(o++);
    const fv = dv.getUint16(o, true); o += 2;
    if (format !== FORMAT_VERSION || nt !== NT || featureCount(fv) === 0 || nf !== featureCount(fv)) {
      throw new Error(
        `NER model: incompatible model (format ${format}, features v${fv}/${nf}, tags ${nt}); ` +
          `this build expects format ${FORMAT_VERSION}, features v${FEATURE_VERSION}/${featureCount(FEATURE_VERSION)}, tags ${NT}. Retrain it.`,
      );
    }
    const scale = dv.getFloat32(o, true); o += 4;
    const noteLen = dv.getUint16(o, true); o += 2;
    let note = '';
    for (let i = 0; i + 1 < noteLen; i += 2) note += String.fromCharCode(buf[o + i] | (buf[o + i + 1] << 8));
    o += noteLen;
    const trans = new Float64Array(TRANS_SIZE);
    for (let i = 0; i < TRANS_SIZE; i++, o += 2) trans[i] = dv.getInt16(o, true);
    const nnz = dv.getUint32(o, true); o += 4;
    // Straight into the packed table: index idx = row * NT + tag.
    const table = NerModel.emptyPacked(hashBits);
    const bytes = new Uint8Array(table.packed.buffer);
    const last = table.last;
    const nonZero = new Int32Array(((1 << hashBits) + 31) >>> 5);
    const size = (1 << hashBits) * NT;
    const end = buf.length;
    let idx = -1;
    let row = 0;
    let col = -1;
    // Hot loop: most gaps fit one varint byte. Bounds are checked once per entry on the
    // index and once at the end for the input (a read past the end yields undefined).
    for (let k = 0; k < nnz; k++) {
      let b = buf[o++];
      if (b < 0x80) {
        idx += b + 1;
        col += b + 1;
        // a one-byte gap (< 128) moves at most 8 rows on
        while (col >= NT) {
          col -= NT;
          row++;
        }
      } else {
        let gap = b & 0x7f;
        let shift = 7;
        do {
          b = buf[o++];
          gap |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80 && shift < 35);
        idx += gap + 1;
        row = Math.floor(idx / NT);
        col = idx - row * NT;
      }
      if (idx >= size) throw new Error(o > end ? 'NER model: truncated weights' : 'NER model: weight index out of range');
      const v = (buf[o++] << 24) >> 24;
      if (col === 16) last[row] = v;
      else bytes[row * 16 + col] = v + 128;
      if (v !== 0) nonZero[row >>> 5] |= 1 << (row & 31);
    }
    if (o > end) throw new Error('NER model: truncated weights');
    if (BIG_ENDIAN) swapWords(table.packed);
    return new NerModel({ hashBits, scale, note, featureVersion: fv }, null, trans, { ...table, nonZero });
  }
}
