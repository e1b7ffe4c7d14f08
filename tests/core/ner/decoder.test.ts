import { describe, expect, it } from 'vitest';
import { FeatureExtractor, FEATURE_VERSION } from '../../../src/core/ner/features';
import { NerModel } from '../../../src/core/ner/model';
import { NUM_TAGS } from '../../../src/core/ner/tags';
import { TRANS_SIZE, Viterbi } from '../../../src/core/ner/viterbi';

let seed = 99;
const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);

// The inference decoder is a fused, BIOES-specialised int32 Viterbi; the generic
// decoder in viterbi.ts (used in training) is the reference it must agree with.
describe('fused inference decoder', () => {
  const bits = 10;
  const weights = Int8Array.from({ length: (1 << bits) * NUM_TAGS }, () => Math.floor(rand() * 255) - 127);
  // Coarse transition values make ties likely, so tie-breaking is checked too.
  const trans = Float64Array.from({ length: TRANS_SIZE }, () => Math.floor(rand() * 7 - 3) * 100);
  const model = new NerModel({ hashBits: bits, scale: 1, note: '' }, weights, trans);

  it('matches the generic Viterbi on random weights', () => {
    const extractor = new FeatureExtractor(bits);
    const nf = extractor.numFeatures;
    const viterbi = new Viterbi();
    const all = new Uint8Array(NUM_TAGS).fill(1);
    const pool = '张王李明华北京市省委员会主席在了的，。𠀀😀Ａ1 和美国中央党校'.match(/./gu)!;
    for (let k = 0; k < 300; k++) {
      // One long input crosses the decoder's periodic re-centring of int32 scores.
      const n = k === 0 ? 2500 : 1 + Math.floor(rand() * 120);
      const cps = Int32Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)].codePointAt(0)!);
      const feats = new Int32Array(n * nf);
      extractor.extract(cps, n, feats);
      const emit = new Float64Array(n * NUM_TAGS);
      for (let i = 0; i < n; i++)
        for (let f = 0; f < nf; f++)
          for (let t = 0; t < NUM_TAGS; t++) emit[i * NUM_TAGS + t] += weights[feats[i * nf + f] + t];
      const want = new Uint8Array(n);
      viterbi.decode(emit, n, trans, all, want);
      const got = new Uint8Array(n);
      model.tagUnits(cps, n, got);
      expect(Array.from(got)).toEqual(Array.from(want));
    }
  });

  it('with an O penalty, decodes as if the O score of every unit were lowered by it', () => {
    const extractor = new FeatureExtractor(bits);
    const nf = extractor.numFeatures;
    const viterbi = new Viterbi();
    const all = new Uint8Array(NUM_TAGS).fill(1);
    const pool = '张王李明华北京市省委员会主席在了的，。Ａ1 和美国中央党校'.match(/./gu)!;
    let changed = 0;
    for (const penalty of [3, 40, 300]) {
      const m = model.withOPenalty(penalty);
      for (let k = 0; k < 60; k++) {
        const n = 1 + Math.floor(rand() * 80);
        const cps = Int32Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)].codePointAt(0)!);
        const feats = new Int32Array(n * nf);
        extractor.extract(cps, n, feats);
        const emit = new Float64Array(n * NUM_TAGS);
        for (let i = 0; i < n; i++) {
          for (let f = 0; f < nf; f++) for (let t = 0; t < NUM_TAGS; t++) emit[i * NUM_TAGS + t] += weights[feats[i * nf + f] + t];
          emit[i * NUM_TAGS] -= penalty;
        }
        const want = new Uint8Array(n);
        viterbi.decode(emit, n, trans, all, want);
        const got = new Uint8Array(n);
        m.tagUnits(cps, n, got);
        expect(Array.from(got)).toEqual(Array.from(want));
        const plain = new Uint8Array(n);
        model.tagUnits(cps, n, plain);
        if (plain.some((t, i) => t !== got[i])) changed++;
      }
    }
    // the penalty does change some readings (O less often)
    expect(changed).toBeGreaterThan(0);
  });

  it('keeps the weights it was given through packing, saving and loading', () => {
    expect(model.weights).toEqual(weights);
    const again = NerModel.fromBinary(model.toBinary());
    expect(again.weights).toEqual(weights);
    expect(model.byteLength).toBe((1 << bits) * (16 + 1));
  });

  it('rejects a model of another feature version with a clear error', () => {
    const bin = model.toBinary();
    expect(NerModel.fromBinary(bin).featureVersion).toBe(FEATURE_VERSION);
    const old = bin.slice();
    old[8] = 1; // feature version field (uint16 LE at byte 8)
    old[9] = 0;
    expect(() => NerModel.fromBinary(old)).toThrow(/incompatible model.*Retrain/);
  });
});
