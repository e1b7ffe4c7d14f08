// Exact-match span evaluation (same start, end and type).

export interface SpanLike {
  type: string;
  start: number;
  end: number;
}

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  micro: Scores;
  byType: Record<string, Scores>;
}

function scores(tp: number, fp: number, fn: number): Scores {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Scores predicted spans against gold spans, document by document (gold[i] pairs with pred[i]).
 * Only spans whose type is in `types` count, when given.
 */
export function evaluate(
  gold: readonly (readonly SpanLike[])[],
  pred: readonly (readonly SpanLike[])[],
  types?: readonly string[],
): Evaluation {
  if (gold.length !== pred.length) throw new Error(`evaluate: ${gold.length} gold documents but ${pred.length} predicted`);
  const keep = types ? new Set(types) : null;
  const counts = new Map<string, [number, number, number]>();
  const bump = (type: string, k: 0 | 1 | 2): void => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = [0, 0, 0]));
    c[k]++;
  };
  for (let d = 0; d < gold.length; d++) {
    const g = new Set<string>();
    for (const s of gold[d]) if (!keep || keep.has(s.type)) g.add(`${s.type}\u0000${s.start}\u0000${s.end}`);
    const seen = new Set<string>();
    for (const s of pred[d]) {
      if (keep && !keep.has(s.type)) continue;
      const key = `${s.type}\u0000${s.start}\u0000${s.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      bump(s.type, g.has(key) ? 0 : 1);
    }
    for (const key of g) if (!seen.has(key)) bump(key.slice(0, key.indexOf('\u0000')), 2);
  }
  let tp = 0, fp = 0, fn = 0;
  const byType: Record<string, Scores> = {};
  for (const [type, [a, b, c]] of [...counts].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    byType[type] = scores(a, b, c);
    tp += a;
    fp += b;
    fn += c;
  }
  return { micro: scores(tp, fp, fn), byType };
}

/** One document. */
export function evaluateSpans(gold: readonly SpanLike[], pred: readonly SpanLike[], types?: readonly string[]): Evaluation {
  return evaluate([gold], [pred], types);
}
