// BIOES tag set shared by training and inference.

export type NerType = 'person' | 'place' | 'organization' | 'position';

export const NER_TYPES: readonly NerType[] = ['person', 'place', 'organization', 'position'];

/** O, then B/I/E/S for each type in NER_TYPES order. */
export const NUM_TAGS = 1 + 4 * NER_TYPES.length;
export const TAG_O = 0;

export const enum Part {
  B = 0,
  I = 1,
  E = 2,
  S = 3,
}

export function tagOf(typeIndex: number, part: Part): number {
  return 1 + typeIndex * 4 + part;
}

export function tagType(tag: number): number {
  return tag === TAG_O ? -1 : ((tag - 1) >> 2);
}

export function tagPart(tag: number): Part {
  return ((tag - 1) & 3) as Part;
}

export function tagName(tag: number): string {
  if (tag === TAG_O) return 'O';
  return 'BIES'[tagPart(tag)] + '-' + NER_TYPES[tagType(tag)];
}

/** Tags that may start an entity or follow O/E/S (O, B-*, S-*). */
function isOpen(tag: number): boolean {
  return tag === TAG_O || tagPart(tag) === Part.B || tagPart(tag) === Part.S;
}

/** Tags after which an entity is closed (O, E-*, S-*). */
function isClosed(tag: number): boolean {
  return tag === TAG_O || tagPart(tag) === Part.E || tagPart(tag) === Part.S;
}

export function allowedTransition(prev: number, cur: number): boolean {
  if (isOpen(cur)) return isClosed(prev);
  // I-x and E-x continue B-x or I-x of the same type.
  const p = tagPart(prev);
  return prev !== TAG_O && tagType(prev) === tagType(cur) && (p === Part.B || p === Part.I);
}

export const allowedStart = (tag: number): boolean => isOpen(tag);
export const allowedEnd = (tag: number): boolean => isClosed(tag);

/** For each tag, the allowed predecessor tags (flattened with offsets). */
export interface PredTable {
  offsets: Int32Array; // length NUM_TAGS + 1
  preds: Int32Array;
}

export function buildPredTable(): PredTable {
  const offsets = new Int32Array(NUM_TAGS + 1);
  const list: number[] = [];
  for (let cur = 0; cur < NUM_TAGS; cur++) {
    offsets[cur] = list.length;
    for (let prev = 0; prev < NUM_TAGS; prev++) if (allowedTransition(prev, cur)) list.push(prev);
  }
  offsets[NUM_TAGS] = list.length;
  return { offsets, preds: Int32Array.from(list) };
}

/** Bit set of tags allowed when only the given types may be predicted. */
export function tagMaskForTypes(typeMask: number): Uint8Array {
  const allowed = new Uint8Array(NUM_TAGS);
  for (let t = 0; t < NUM_TAGS; t++) allowed[t] = t === TAG_O || (typeMask >> tagType(t)) & 1 ? 1 : 0;
  return allowed;
}

export const ALL_TYPES_MASK = (1 << NER_TYPES.length) - 1;

export interface TagSpan {
  type: number;
  start: number;
  end: number;
}

/** Decodes a well-formed BIOES sequence into unit spans [start, end). */
export function tagsToSpans(tags: ArrayLike<number>, n: number, out: TagSpan[] = []): TagSpan[] {
  let begin = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (t === TAG_O) {
      begin = -1;
      continue;
    }
    const part = tagPart(t);
    if (part === Part.S) {
      out.push({ type: tagType(t), start: i, end: i + 1 });
      begin = -1;
    } else if (part === Part.B) {
      begin = i;
    } else if (part === Part.E) {
      if (begin >= 0 && tagType(tags[begin]) === tagType(t)) out.push({ type: tagType(t), start: begin, end: i + 1 });
      begin = -1;
    }
  }
  return out;
}

/** Writes BIOES tags for non-overlapping unit spans; later overlapping spans are dropped. */
export function spansToTags(spans: readonly TagSpan[], n: number, out: Uint8Array): Uint8Array {
  out.fill(TAG_O, 0, n);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let last = 0;
  for (const s of sorted) {
    if (s.start < last || s.end > n || s.end <= s.start) continue;
    if (s.end - s.start === 1) out[s.start] = tagOf(s.type, Part.S);
    else {
      out[s.start] = tagOf(s.type, Part.B);
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = tagOf(s.type, Part.I);
      out[s.end - 1] = tagOf(s.type, Part.E);
    }
    last = s.end;
  }
  return out;
}
