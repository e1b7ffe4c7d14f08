// The compact model: hashed int8 emission weights plus int16 transitions.

import { FEATURE_VERSION, FeatureExtractor, featureCount } from './features';
import { allowedEnd, allowedStart, NUM_TAGS } from './tags';
import { END_COL, START_ROW, TRANS_SIZE } from './viterbi';

const MAGIC = 0x524e4c42; // "BLNR" little-endian
const FORMAT_VERSION = 1;
const NT = NUM_TAGS;
/** Scores are int32: per unit |emission| <= 127 * features and |transition| <= 32767. */
const LIMIT = 32767;
const NEG = -(1 << 29);
/** Tags that may follow a closed tag (O, B-*, S-*) and the closed tags (O, E-*, S-*). */
const OPEN = Int32Array.of(0, 1, 4, 5, 8, 9, 12, 13, 16);
const CLOSED = Int32Array.of(0, 3, 4, 7, 8, 11, 12, 15, 16);

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
  /** (2^hashBits) * NUM_TAGS weights, bucket-major. */
  readonly weights: Int8Array;
  readonly trans: Float64Array;
  private readonly extractor: FeatureExtractor;
  private readonly nf: number;
  /** Transitions as int32 in the order the decoder reads them (see tagUnits). */
  private readonly tOpen = new Int32Array(9 * 9);
  private readonly tIn = new Int32Array(4 * 4);
  private readonly tStart = new Int32Array(NT);
  private readonly tEnd = new Int32Array(NT);
  private readonly em = new Int32Array(NT);
  private d0 = new Int32Array(NT);
  private d1 = new Int32Array(NT);
  private cap = 0;
  private feats = new Int32Array(0);
  private back = new Uint8Array(0);
  /** Kept so the touch loop is not dead code. */
  touch = 0;

  constructor(meta: ModelMeta, weights: Int8Array, trans: ArrayLike<number>) {
    if (weights.length !== (1 << meta.hashBits) * NT) throw new Error('NER model: weight table has the wrong size');
    if (trans.length !== TRANS_SIZE) throw new Error('NER model: transition table has the wrong size');
    this.hashBits = meta.hashBits;
    this.scale = meta.scale;
    this.note = meta.note;
    this.weights = weights;
    this.trans = Float64Array.from(trans);
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
    for (let t = 0; t < NT; t++) {
      this.tStart[t] = allowedStart(t) ? clamp(tr[START_ROW + t]) : NEG;
      this.tEnd[t] = allowedEnd(t) ? clamp(tr[END_COL + t]) : NEG;
    }
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
    const w = this.weights;
    const nf = this.nf;
    this.extractor.extract(cps, n, feats);
    // Touch every weight row first: these independent loads overlap their cache misses,
    // which the long add chains of the emission loop below do not (~10 % faster).
    let touch = 0;
    for (let k = 0, e = n * nf; k < e; k++) touch ^= w[feats[k]];
    this.touch = touch;
    const { em, back, tOpen, tIn, tStart, tEnd } = this;
    let prev = this.d0;
    let cur = this.d1;
    let f = 0;
    for (let i = 0; i < n; i++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
      let s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
      for (const fe = f + nf; f < fe; f++) {
        const b = feats[f];
        s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
        s5 += w[b + 5]; s6 += w[b + 6]; s7 += w[b + 7]; s8 += w[b + 8]; s9 += w[b + 9];
        s10 += w[b + 10]; s11 += w[b + 11]; s12 += w[b + 12]; s13 += w[b + 13];
        s14 += w[b + 14]; s15 += w[b + 15]; s16 += w[b + 16];
      }
      em[0] = s0; em[1] = s1; em[2] = s2; em[3] = s3; em[4] = s4; em[5] = s5; em[6] = s6;
      em[7] = s7; em[8] = s8; em[9] = s9; em[10] = s10; em[11] = s11; em[12] = s12;
      em[13] = s13; em[14] = s14; em[15] = s15; em[16] = s16;
      if (i === 0) {
        for (let t = 0; t < NT; t++) cur[t] = tStart[t] + em[t];
      } else {
        const base = i * NT;
        // Open tags: best over the closed predecessors.
        const c0 = prev[0], c1 = prev[3], c2 = prev[4], c3 = prev[7], c4 = prev[8];
        const c5 = prev[11], c6 = prev[12], c7 = prev[15], c8 = prev[16];
        for (let j = 0, o = 0; j < 9; j++, o += 9) {
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
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) {
      arg = back[i * NT + arg];
      out[i - 1] = arg;
    }
  }

  /** Compact binary form: header, int16 transitions, sparse int8 weights (varint gaps). */
  toBinary(): Uint8Array {
    const noteBytes = new Uint8Array(this.note.length * 2);
    for (let i = 0; i < this.note.length; i++) {
      noteBytes[2 * i] = this.note.charCodeAt(i) & 0xff;
      noteBytes[2 * i + 1] = this.note.charCodeAt(i) >> 8;
    }
    const w = this.weights;
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
    const weights = new Int8Array((1 << hashBits) * NT);
    const size = weights.length;
    const end = buf.length;
    let idx = -1;
    // Hot loop: most gaps fit one varint byte. Bounds are checked once per entry on the
    // index and once at the end for the input (a read past the end yields undefined).
    for (let k = 0; k < nnz; k++) {
      let b = buf[o++];
      if (b < 0x80) idx += b + 1;
      else {
        let gap = b & 0x7f;
        let shift = 7;
        do {
          b = buf[o++];
          gap |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80 && shift < 35);
        idx += gap + 1;
      }
      if (idx >= size) throw new Error(o > end ? 'NER model: truncated weights' : 'NER model: weight index out of range');
      weights[idx] = (buf[o++] << 24) >> 24;
    }
    if (o > end) throw new Error('NER model: truncated weights');
    return new NerModel({ hashBits, scale, note, featureVersion: fv }, weights, trans);
  }
}
