// Generic Aho–Corasick over UTF-16 code units with a compact serialized form.
// States are numbered in BFS order with children of a state allocated
// consecutively, so edge k always leads to state k+1 and one label per state
// plus a "first child" index describe the whole trie.
import { codeUnits } from '../units';

export interface SerializedAho {
  /** Format version. */
  v: 1;
  /** Number of patterns. */
  n: number;
  /** Label (code unit) of each non-root state, in state order, as a string. */
  labels: string;
  /** Varint-encoded arrays, see encodeInts. */
  firstChild: string;
  fail: string;
  /** Pattern index ending exactly at the state, +1 (0 = none). */
  out: string;
  /** Pattern lengths in code units. */
  lengths: string;
}

/**
 * The int fields of a SerializedAho as plain arrays (the values decodeInts gives), for JSON.parse:
 * the worker decodes them natively at start-up instead of in a JS loop over the varint strings.
 */
export interface AhoArrays {
  firstChild: number[];
  fail: number[];
  out: number[];
  lengths: number[];
}

/** One match: [start, end) in code units and the index of the pattern. */
export interface AhoMatch {
  start: number;
  end: number;
  pattern: number;
}

/**
 * Positions of "marked" code units collected during a scan, so a second matcher (numbered-slogan
 * patterns) can visit only those positions instead of making its own pass over the text.
 */
export interface Marks {
  /** Class table from AhoCorasick.markTable: the automaton's classes plus the mark bit. */
  table: Uint8Array;
  positions: Int32Array;
  count: number;
}

/** Class-table bit of a marked code unit (bits 0–2 are the automaton's own). */
const MARK = 8;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Non-negative ints as little-endian base-32 digits with a continuation bit. */
export function encodeInts(values: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    if (!Number.isInteger(v) || v < 0) throw new Error(`encodeInts: bad value ${v}`);
    do {
      const d = v & 31;
      v = Math.floor(v / 32);
      s += B64[v > 0 ? d | 32 : d];
    } while (v > 0);
  }
  return s;
}

export function decodeInts(s: string, count: number): Int32Array {
  const out = new Int32Array(count);
  let k = 0;
  let v = 0;
  let mul = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? B64_INDEX[c] : -1;
    if (d < 0) throw new Error('decodeInts: bad character');
    v += (d & 31) * mul;
    if (d & 32) {
      mul *= 32;
    } else {
      if (k >= count) throw new Error('decodeInts: too many values');
      out[k++] = v;
      v = 0;
      mul = 1;
    }
  }
  if (k !== count) throw new Error(`decodeInts: expected ${count} values, got ${k}`);
  return out;
}

/** An Int32Array copy of `values`, which must hold `count` values (as decodeInts checks). */
function sized(values: readonly number[], count: number): Int32Array {
  if (values.length !== count) throw new Error(`AhoCorasick: expected ${count} values, got ${values.length}`);
  return Int32Array.from(values);
}

/** Builds the serialized automaton. Empty patterns are rejected; duplicates keep the first index. */
export function buildAho(patterns: readonly string[]): SerializedAho {
  interface Node {
    next: Map<number, Node>;
    out: number;
    id: number;
    label: number;
  }
  const root: Node = { next: new Map(), out: -1, id: 0, label: 0 };
  patterns.forEach((p, idx) => {
    if (p.length === 0) throw new Error(`buildAho: empty pattern at ${idx}`);
    let node = root;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let nx = node.next.get(c);
      if (!nx) {
        nx = { next: new Map(), out: -1, id: -1, label: c };
        node.next.set(c, nx);
      }
      node = nx;
    }
    if (node.out < 0) node.out = idx;
  });

  // BFS numbering; children sorted by label so lookups can binary-search.
  const order: Node[] = [root];
  const firstChild: number[] = [];
  for (let q = 0; q < order.length; q++) {
    const node = order[q];
    firstChild.push(order.length);
    const kids = [...node.next.values()].sort((a, b) => a.label - b.label);
    for (const k of kids) {
      k.id = order.length;
      order.push(k);
    }
  }
  firstChild.push(order.length);

  const fail = new Int32Array(order.length);
  const parentOf = new Int32Array(order.length);
  for (const node of order) for (const k of node.next.values()) parentOf[k.id] = node.id;
  for (let q = 1; q < order.length; q++) {
    const node = order[q];
    const p = parentOf[q];
    if (p === 0) {
      fail[q] = 0;
      continue;
    }
    let f = fail[p];
    for (;;) {
      const nx = order[f].next.get(node.label);
      if (nx) {
        fail[q] = nx.id;
        break;
      }
      if (f === 0) {
        fail[q] = 0;
        break;
      }
      f = fail[f];
    }
  }

  let labels = '';
  for (let q = 1; q < order.length; q++) labels += String.fromCharCode(order[q].label);
  return {
    v: 1,
    n: patterns.length,
    labels,
    firstChild: encodeInts(firstChild),
    fail: encodeInts(fail),
    out: encodeInts(order.map((nd) => nd.out + 1)),
    lengths: encodeInts(patterns.map((p) => p.length)),
  };
}

export class AhoCorasick {
  readonly patternCount: number;
  private readonly labels: Uint16Array;
  private readonly first: Int32Array;
  private readonly fail: Int32Array;
  private readonly out: Int32Array;
  /** Next state (self or via fail chain) that reports a pattern; -1 when none. */
  private readonly report: Int32Array;
  private readonly lengths: Int32Array;
  /** Dense root transitions: most text positions sit at the root. */
  private readonly root: Int32Array;
  /**
   * Entry filters: at the root the trie is entered only when the pair (and,
   * for longer patterns, the triple) at this position starts some pattern.
   * A skipped state could neither match nor lead to a match, and skipping it
   * avoids poorly predicted child searches: in Chinese news about a quarter
   * of positions start a one-character prefix, under 1% a real one.
   * Hashed bit sets: a false positive only costs a normal trie walk.
   */
  private readonly pairBits: Int32Array;
  /** Pairs that are whole two-unit patterns. */
  private readonly pairEndBits: Int32Array;
  /** Three-unit prefixes of patterns. */
  private readonly triBits: Int32Array;
  /**
   * Per code unit: bit 0 = starts some pattern, bit 1 = second unit of some
   * pattern (every unit when a one-unit pattern exists), bit 2 = is a whole
   * one-unit pattern. One 64 KiB table, read once per character.
   */
  private readonly cls: Uint8Array;

  /** `arrays`, when given, are `data`'s int fields already decoded (see AhoArrays). */
  constructor(data: SerializedAho, arrays?: AhoArrays) {
    if (data.v !== 1) throw new Error(`AhoCorasick: unknown format ${String(data.v)}`);
    const states = data.labels.length + 1;
    this.patternCount = data.n;
    this.labels = new Uint16Array(states);
    for (let i = 1; i < states; i++) this.labels[i] = data.labels.charCodeAt(i - 1);
    this.first = arrays ? sized(arrays.firstChild, states + 1) : decodeInts(data.firstChild, states + 1);
    this.fail = arrays ? sized(arrays.fail, states) : decodeInts(data.fail, states);
    this.out = arrays ? sized(arrays.out, states) : decodeInts(data.out, states);
    for (let i = 0; i < states; i++) this.out[i] -= 1;
    this.lengths = arrays ? sized(arrays.lengths, data.n) : decodeInts(data.lengths, data.n);
    this.report = new Int32Array(states);
    // BFS order guarantees fail[s] < s, so one forward pass suffices.
    this.report[0] = -1;
    for (let s = 1; s < states; s++) {
      this.report[s] = this.out[s] >= 0 ? s : this.report[this.fail[s]];
    }
    this.root = new Int32Array(65536);
    for (let t = this.first[0]; t < this.first[1]; t++) this.root[this.labels[t]] = t;
    this.pairBits = new Int32Array(PAIR_WORDS);
    this.cls = new Uint8Array(65536);
    // A one-unit pattern makes every unit a possible second unit: bit 1 everywhere, set by one fill
    // before the other bits rather than by a pass over all 65536 units after them.
    for (let t = this.first[0]; t < this.first[1]; t++) {
      if (this.out[t] >= 0) {
        this.cls.fill(2);
        break;
      }
    }
    for (let t = this.first[0]; t < this.first[1]; t++) {
      const c = this.labels[t];
      this.cls[c] |= 1;
      if (this.out[t] >= 0) this.cls[c] |= 4;
      for (let u = this.first[t]; u < this.first[t + 1]; u++) {
        this.cls[this.labels[u]] |= 2;
        setBit(this.pairBits, pairHash(c, this.labels[u]));
      }
    }
    this.pairEndBits = new Int32Array(PAIR_WORDS);
    this.triBits = new Int32Array(PAIR_WORDS);
    for (let t = this.first[0]; t < this.first[1]; t++) {
      const c = this.labels[t];
      for (let u = this.first[t]; u < this.first[t + 1]; u++) {
        const c2 = this.labels[u];
        if (this.out[u] >= 0) setBit(this.pairEndBits, pairHash(c, c2));
        for (let v = this.first[u]; v < this.first[u + 1]; v++) setBit(this.triBits, triHash(c, c2, this.labels[v]));
      }
    }
  }

  /** The class table with MARK set on every code unit whose `mark` entry is non-zero. */
  markTable(mark: Uint8Array, units?: readonly number[]): Uint8Array {
    const t = new Uint8Array(this.cls);
    // `units`, when given, lists the non-zero entries of `mark`: no pass over all 65536 at start-up.
    if (units) for (const c of units) t[c] |= MARK;
    else for (let c = 0; c < 65536; c++) if (mark[c] !== 0) t[c] |= MARK;
    return t;
  }

  static fromPatterns(patterns: readonly string[]): AhoCorasick {
    return new AhoCorasick(buildAho(patterns));
  }

  /**
   * Every occurrence of every pattern, possibly overlapping, ordered by end
   * then by decreasing length. Packed as [start, end, pattern] triples.
   */
  scanAllPacked(text: string, marks?: Marks): Int32Array {
    return this.scanUnitsPacked(codeUnits(text), marks);
  }

  /**
   * scanAllPacked over code units the caller already has (Normalized.units): the scan reads indexed
   * units, a fifth faster than charCodeAt, and the copy is saved.
   */
  scanUnitsPacked(units: Uint16Array, marks?: Marks): Int32Array {
    const n = units.length;
    const root = this.root;
    const fail = this.fail;
    const report = this.report;
    const out = this.out;
    const lengths = this.lengths;
    const first = this.first;
    const labels = this.labels;
    const bits = this.pairBits;
    const cls = marks ? marks.table : this.cls;
    let mpos = marks ? marks.positions : EMPTY;
    let mk = 0;
    const endBits = this.pairEndBits;
    const triBits = this.triBits;
    // sized from the input (bulletin text has about one match per 32 units): it seldom grows
    let buf = new Int32Array(3 * ((n >> 5) + 16));
    let k = 0;
    let s = 0;
    let next = n > 0 ? units[0] : 0;
    let nextCls = cls[next];
    for (let i = 0; i < n; i++) {
      const c = next;
      const cCls = nextCls;
      next = i + 1 < n ? units[i + 1] : 0;
      nextCls = cls[next];
      if ((cCls & MARK) !== 0) {
        if (mk === mpos.length) {
          const nb = new Int32Array(Math.max(64, mk * 2));
          nb.set(mpos);
          mpos = nb;
        }
        mpos[mk++] = i;
      }
      if (s !== 0) {
        // Follow failure links until a transition on c exists or the root is reached.
        for (;;) {
          let lo = first[s];
          let hi = first[s + 1] - 1;
          let t = 0;
          if (hi - lo < 8) {
            for (; lo <= hi; lo++) {
              if (labels[lo] === c) {
                t = lo;
                break;
              }
            }
          } else {
            while (lo <= hi) {
              const mid = (lo + hi) >>> 1;
              const l = labels[mid];
              if (l === c) {
                t = mid;
                break;
              }
              if (l < c) lo = mid + 1;
              else hi = mid - 1;
            }
          }
          if (t !== 0) {
            s = t;
            break;
          }
          s = fail[s];
          if (s === 0) break;
        }
      }
      if (s === 0) {
        // One class-table bit test rejects most positions; the pair filter then
        // rejects pairs that start no pattern. Past the end, next reads as 0.
        if ((cCls & (nextCls >> 1) & 1) === 0) continue;
        if ((cCls & 4) === 0) {
          const h = pairHash(c, next);
          if ((bits[h >>> 5] & (1 << (h & 31))) === 0) continue;
          // The pair starts a pattern: enter only if it is one, or the triple is a prefix.
          if ((endBits[h >>> 5] & (1 << (h & 31))) === 0) {
            const h3 = triHash(c, next, i + 2 < n ? units[i + 2] : 0);
            if ((triBits[h3 >>> 5] & (1 << (h3 & 31))) === 0) continue;
          }
        }
        s = root[c];
      }
      let r = report[s];
      while (r >= 0) {
        const p = out[r];
        if (k + 3 > buf.length) {
          const nb = new Int32Array(buf.length * 2);
          nb.set(buf);
          buf = nb;
        }
        buf[k] = i + 1 - lengths[p];
        buf[k + 1] = i + 1;
        buf[k + 2] = p;
        k += 3;
        r = report[fail[r]];
      }
    }
    if (marks) {
      marks.positions = mpos;
      marks.count = mk;
    }
    return buf.subarray(0, k);
  }

  scanAll(text: string): AhoMatch[] {
    return unpack(this.scanAllPacked(text));
  }

  /** Leftmost-longest, non-overlapping matches sorted by start. */
  scan(text: string): AhoMatch[] {
    return unpack(leftmostLongest(this.scanAllPacked(text)));
  }
}

const EMPTY = new Int32Array(0);
const PAIR_BITS_LOG = 18;
const PAIR_WORDS = (1 << PAIR_BITS_LOG) >>> 5;

function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - PAIR_BITS_LOG);
}

function triHash(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> (32 - PAIR_BITS_LOG);
}

function setBit(bits: Int32Array, h: number): void {
  bits[h >>> 5] |= 1 << (h & 31);
}

function unpack(packed: Int32Array): AhoMatch[] {
  const res: AhoMatch[] = [];
  for (let i = 0; i < packed.length; i += 3) {
    res.push({ start: packed[i], end: packed[i + 1], pattern: packed[i + 2] });
  }
  return res;
}

/**
 * Picks leftmost-longest non-overlapping matches from packed triples.
 * Ties in span keep the lower pattern index.
 *
 * Triples come from scanAllPacked ordered by end, so a start is out of order by less than the
 * longest pattern: an insertion sort on (start, -end, pattern) is linear here, allocates one
 * copy (none with `inPlace`, which reuses `packed`), and needs no comparator closure. Any input
 * order is still sorted correctly.
 */
export function leftmostLongest(packed: Int32Array, inPlace = false): Int32Array {
  const count = packed.length / 3;
  if (count === 0) return packed;
  const a = inPlace ? packed : packed.slice();
  for (let j = 1; j < count; j++) {
    const s = a[j * 3];
    const e = a[j * 3 + 1];
    const p = a[j * 3 + 2];
    let q = j - 1;
    for (; q >= 0; q--) {
      const qs = a[q * 3];
      const qe = a[q * 3 + 1];
      // keep q before the new triple when (qs, -qe, qp) <= (s, -e, p)
      if (qs < s || (qs === s && (qe > e || (qe === e && a[q * 3 + 2] <= p)))) break;
      a[q * 3 + 3] = qs;
      a[q * 3 + 4] = qe;
      a[q * 3 + 5] = a[q * 3 + 2];
    }
    a[q * 3 + 3] = s;
    a[q * 3 + 4] = e;
    a[q * 3 + 5] = p;
  }
  let k = 0;
  let lastEnd = -1;
  for (let j = 0; j < a.length; j += 3) {
    if (a[j] < lastEnd) continue;
    a[k] = a[j];
    a[k + 1] = a[j + 1];
    a[k + 2] = a[j + 2];
    lastEnd = a[j + 1];
    k += 3;
  }
  return a.subarray(0, k);
}
