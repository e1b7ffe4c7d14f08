// The compact model: hashed int8 emission weights plus int16 transitions.

import { FEATURE_VERSION, FeatureExtractor, NUM_FEATURES } from './features';
import { ALL_TYPES_MASK, NUM_TAGS, tagMaskForTypes } from './tags';
import { TRANS_SIZE, Viterbi } from './viterbi';

const MAGIC = 0x524e4c42; // "BLNR" little-endian
const FORMAT_VERSION = 1;
const NT = NUM_TAGS;

export interface ModelMeta {
  hashBits: number;
  /** Quantised value = round(weight * scale). */
  scale: number;
  /** Free-form provenance, e.g. training data and date. */
  note: string;
}

export class NerModel {
  readonly hashBits: number;
  readonly scale: number;
  readonly note: string;
  /** (2^hashBits) * NUM_TAGS weights, bucket-major. */
  readonly weights: Int8Array;
  readonly trans: Float64Array;
  private readonly extractor: FeatureExtractor;
  private readonly viterbi = new Viterbi();
  private readonly allowed = tagMaskForTypes(ALL_TYPES_MASK);
  private cap = 0;
  private feats = new Int32Array(0);
  private emit = new Float64Array(0);

  constructor(meta: ModelMeta, weights: Int8Array, trans: ArrayLike<number>) {
    if (weights.length !== (1 << meta.hashBits) * NT) throw new Error('NER model: weight table has the wrong size');
    if (trans.length !== TRANS_SIZE) throw new Error('NER model: transition table has the wrong size');
    this.hashBits = meta.hashBits;
    this.scale = meta.scale;
    this.note = meta.note;
    this.weights = weights;
    this.trans = Float64Array.from(trans);
    this.extractor = new FeatureExtractor(meta.hashBits);
  }

  private ensure(n: number): void {
    if (n <= this.cap) return;
    this.cap = Math.max(n, this.cap * 2, 64);
    this.feats = new Int32Array(this.cap * NUM_FEATURES);
    this.emit = new Float64Array(this.cap * NT);
  }

  /** Tags n code points; writes BIOES tag ids into out. Not re-entrant. */
  tagUnits(cps: ArrayLike<number>, n: number, out: Uint8Array): void {
    if (n === 0) return;
    this.ensure(n);
    const feats = this.feats;
    const emit = this.emit;
    const w = this.weights;
    this.extractor.extract(cps, n, feats);
    let f = 0;
    for (let i = 0, base = 0; i < n; i++, base += NT) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
      let s9 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0, s14 = 0, s15 = 0, s16 = 0;
      for (let k = 0; k < NUM_FEATURES; k++) {
        const b = feats[f++];
        s0 += w[b]; s1 += w[b + 1]; s2 += w[b + 2]; s3 += w[b + 3]; s4 += w[b + 4];
        s5 += w[b + 5]; s6 += w[b + 6]; s7 += w[b + 7]; s8 += w[b + 8]; s9 += w[b + 9];
        s10 += w[b + 10]; s11 += w[b + 11]; s12 += w[b + 12]; s13 += w[b + 13];
        s14 += w[b + 14]; s15 += w[b + 15]; s16 += w[b + 16];
      }
      emit[base] = s0; emit[base + 1] = s1; emit[base + 2] = s2; emit[base + 3] = s3;
      emit[base + 4] = s4; emit[base + 5] = s5; emit[base + 6] = s6; emit[base + 7] = s7;
      emit[base + 8] = s8; emit[base + 9] = s9; emit[base + 10] = s10; emit[base + 11] = s11;
      emit[base + 12] = s12; emit[base + 13] = s13; emit[base + 14] = s14; emit[base + 15] = s15;
      emit[base + 16] = s16;
    }
    this.viterbi.decode(emit, n, this.trans, this.allowed, out);
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
    dv.setUint8(o++, NUM_FEATURES);
    dv.setUint8(o++, this.hashBits);
    dv.setUint16(o, FEATURE_VERSION, true); o += 2;
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
    if (format !== FORMAT_VERSION || nt !== NT || nf !== NUM_FEATURES || fv !== FEATURE_VERSION) {
      throw new Error(
        `NER model: incompatible model (format ${format}, features v${fv}/${nf}, tags ${nt}); ` +
          `this build expects format ${FORMAT_VERSION}, features v${FEATURE_VERSION}/${NUM_FEATURES}, tags ${NT}. Retrain it.`,
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
    let idx = -1;
    for (let k = 0; k < nnz; k++) {
      let gap = 0;
      let shift = 0;
      let b: number;
      do {
        if (o >= buf.length) throw new Error('NER model: truncated weights');
        b = buf[o++];
        gap |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      idx += gap + 1;
      if (idx >= weights.length) throw new Error('NER model: weight index out of range');
      weights[idx] = (buf[o++] << 24) >> 24;
    }
    return new NerModel({ hashBits, scale, note }, weights, trans);
  }
}
