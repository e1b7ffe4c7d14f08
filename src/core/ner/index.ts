// Learned character-level NER: averaged structured perceptron over BIOES tags.

import { decodeBase64 } from './base64';
import { NerModel } from './model';
import { NER_MODEL_BASE64 } from './model/weights';
import { NER_TYPES, type NerType, tagsToSpans, type TagSpan } from './tags';

export { NerModel } from './model';
export type { ModelMeta } from './model';
export { NER_TYPES } from './tags';
export type { NerType } from './tags';
export { evaluate, evaluateSpans } from './evaluate';
export type { Evaluation, Scores, SpanLike } from './evaluate';

export interface NerSpan {
  type: NerType;
  start: number;
  end: number;
  text: string;
  score?: number;
}

let cached: NerModel | null = null;

/** The shipped model, decoded on first use and cached. */
export function loadModel(): NerModel {
  if (!cached) cached = NerModel.fromBinary(decodeBase64(NER_MODEL_BASE64));
  return cached;
}

/** Longest unit run tagged at once; long runs are cut at a comma or pause where possible. */
export const MAX_SENTENCE_UNITS = 256;
const SOFT_CUT_FROM = 96;

function isSentenceEnd(c: number): boolean {
  // 。！？；!?;
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0x3b;
}

function isPause(c: number): boolean {
  // ，、, space, ideographic space, ：
  return c === 0xff0c || c === 0x3001 || c === 0x2c || c === 0x20 || c === 0x3000 || c === 0xff1a;
}

/**
 * Finds person, place, organization and position names. Offsets are UTF-16
 * indices into `text`, end exclusive; a surrogate pair is one unit and never split.
 */
export function tagEntities(text: string, model: NerModel = loadModel()): NerSpan[] {
  const out: NerSpan[] = [];
  const cps = new Int32Array(MAX_SENTENCE_UNITS);
  const offs = new Int32Array(MAX_SENTENCE_UNITS + 1);
  const tags = new Uint8Array(MAX_SENTENCE_UNITS);
  const spans: TagSpan[] = [];
  let n = 0;

  const run = (count: number): void => {
    model.tagUnits(cps, count, tags);
    spans.length = 0;
    tagsToSpans(tags, count, spans);
    for (const s of spans) {
      const start = offs[s.start];
      const end = offs[s.end];
      out.push({ type: NER_TYPES[s.type], start, end, text: text.slice(start, end) });
    }
    if (count < n) {
      cps.copyWithin(0, count, n);
      offs.copyWithin(0, count, n + 1);
    }
    n -= count;
  };

  const len = text.length;
  for (let i = 0; i < len; ) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (n > 0) run(n);
      i++;
      continue;
    }
    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    cps[n] = cp;
    offs[n] = i;
    n++;
    i += w;
    offs[n] = i;
    if (isSentenceEnd(c)) run(n);
    else if (n === MAX_SENTENCE_UNITS) {
      let cut = n;
      for (let k = n - 1; k >= SOFT_CUT_FROM; k--) {
        if (isPause(cps[k])) {
          cut = k + 1;
          break;
        }
      }
      run(cut);
    }
  }
  if (n > 0) run(n);
  return out;
}

