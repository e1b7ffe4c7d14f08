// First-order Viterbi over BIOES tags with invalid transitions forbidden.

import { NUM_TAGS, allowedEnd, allowedStart, buildPredTable } from './tags';

const NT = NUM_TAGS;
/** Transition table layout: [prev * NT + cur], START row at NT * NT, END column at (NT + 1) * NT + prev. */
export const TRANS_SIZE = NT * (NT + 2);
export const START_ROW = NT * NT;
export const END_COL = (NT + 1) * NT;

const PRED = buildPredTable();
const START_OK = Uint8Array.from({ length: NT }, (_, t) => (allowedStart(t) ? 1 : 0));
const END_OK = Uint8Array.from({ length: NT }, (_, t) => (allowedEnd(t) ? 1 : 0));

/** Follows back-pointers (`back[i * NT + tag]` = best previous tag) from `last` at position n - 1 into `out`. */
export function backtrace(back: Uint8Array, n: number, last: number, out: Uint8Array): void {
  let arg = last;
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) {
    arg = back[i * NT + arg];
    out[i - 1] = arg;
  }
}

export class Viterbi {
  private cap = 0;
  private delta = new Float64Array(0);
  private back = new Uint8Array(0);

  private ensure(n: number): void {
    if (n <= this.cap) return;
    this.cap = Math.max(n, this.cap * 2, 64);
    this.delta = new Float64Array(this.cap * NT);
    this.back = new Uint8Array(this.cap * NT);
  }

  /** emit: n * NT scores; allowed: per-tag 0/1; writes the best tags into out. Returns the path score. */
  decode(emit: Float64Array, n: number, trans: ArrayLike<number>, allowed: Uint8Array, out: Uint8Array): number {
    if (n === 0) return 0;
    this.ensure(n);
    const { delta, back } = this;
    const { offsets, preds } = PRED;
    for (let t = 0; t < NT; t++) {
      delta[t] = allowed[t] && START_OK[t] ? emit[t] + trans[START_ROW + t] : -Infinity;
    }
    for (let i = 1; i < n; i++) {
      const prevBase = (i - 1) * NT;
      const base = i * NT;
      for (let cur = 0; cur < NT; cur++) {
        if (allowed[cur] === 0) {
          delta[base + cur] = -Infinity;
          continue;
        }
        let best = -Infinity;
        let arg = 0;
        for (let k = offsets[cur], e = offsets[cur + 1]; k < e; k++) {
          const p = preds[k];
          const s = delta[prevBase + p] + trans[p * NT + cur];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        delta[base + cur] = best + emit[base + cur];
        back[base + cur] = arg;
      }
    }
    const lastBase = (n - 1) * NT;
    let best = -Infinity;
    let arg = 0;
    for (let t = 0; t < NT; t++) {
      if (!END_OK[t]) continue;
      const s = delta[lastBase + t] + trans[END_COL + t];
      if (s > best) {
        best = s;
        arg = t;
      }
    }
    backtrace(back, n, arg, out);
    return best;
  }
}
