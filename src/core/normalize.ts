// One linear pass from the caller's text to the analysis string.
// Every analysis char comes from exactly one original UTF-16 unit, so offsets map 1:1.

export const BREAK_NONE = 0;
export const BREAK_LINE = 1;
export const BREAK_BLANK = 2;

export interface Normalized {
  original: string;
  /** Analysis string: whitespace between CJK removed, full-width ASCII folded. */
  text: string;
  /** map[i] = original index of analysis char i; map[text.length] = original.length. */
  map: Int32Array;
  /** breaks[i] = strength of the break just before analysis char i (0 none, 1 line, 2 blank line). */
  breaks: Uint8Array;
  /**
   * Every i in 1 .. text.length - 1 with a break before it, ascending, as normalize found them:
   * lineTable reads the lines from these instead of scanning `breaks` again.
   */
  breakAt?: Int32Array;
  /** The code units of `text`, as normalize wrote them: scans read these instead of the string. */
  units?: Uint16Array;
}

/**
 * Buffers for normalize to write into instead of fresh ones (map and breaks longer than the
 * text, units at least as long): the result then views them, valid until they are reused.
 */
export interface NormScratch {
  map: Int32Array;
  breaks: Uint8Array;
  units: Uint16Array;
}

/** CJK ideographs, CJK/full-width punctuation and general punctuation: no spaces needed around them. */
export function isWide(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0x2010 && c <= 0x206f) ||
    c === 0xb7
  );
}

export function isCjkIdeograph(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

// Built from short lists rather than by asking a function about all 65,536 code units: that loop was 5 ms
// of the engine worker's start-up (top-level code runs once, unoptimised).
const WS_KINDS: ReadonlyArray<readonly [1 | 2 | 3, readonly number[]]> = [
  // 1 space-like, 2 newline, 3 invisible (dropped outright)
  [1, [0x20, 0x09, 0x3000, 0xa0, 0x0b, 0x0c, 0x2002, 0x2003, 0x2009]],
  [2, [0x0a, 0x0d, 0x2028, 0x2029, 0x85]],
  [3, [0x200b, 0xfeff, 0x200c, 0x200d, 0xad]],
];
/** Full-width digits and letters, folded to ASCII (same length). */
const FOLDED: ReadonlyArray<readonly [number, number]> = [
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
];

const WS = new Uint8Array(65536);
for (const [kind, codes] of WS_KINDS) for (const c of codes) WS[c] = kind;

// Per code unit: 0 copied as is, 1 folded (full-width ASCII), 2 whitespace (any kind).
const CLS = new Uint8Array(65536);
for (const [a, b] of FOLDED) CLS.fill(1, a, b + 1);
for (const [, codes] of WS_KINDS) for (const c of codes) CLS[c] = 2;

/** 0 not whitespace, 1 space-like, 2 newline, 3 invisible. */
function wsKind(c: number): number {
  return WS[c] | 0; // 0 past the end (NaN), as for any other unit
}

function fold(c: number): number {
  return CLS[c] === 1 ? c - 0xfee0 : c;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** CLS plus 3 = a surrogate (checked for pairing: see decodeUnits). */
const NCLS = new Uint8Array(CLS);
NCLS.fill(3, 0xd800, 0xe000);

/** The Encoding Standard's decoder, as far as used here; core keeps to ES types (no DOM or Node lib). */
interface Utf16Decoder {
  decode(units: Uint16Array): string;
}
type DecoderCtor = new (label: string, opts: { ignoreBOM: boolean }) => Utf16Decoder;

/**
 * A fast path where the runtime has TextDecoder (browsers, workers and Node all do); without it
 * fromCharCode builds the same string, about twice as slowly.
 */
let utf16: Utf16Decoder | null | undefined;

/** Code units per decoded piece: small enough that no runtime makes it an external string. */
const PIECE = 16384;

/**
 * A string from code units. A lone surrogate would be replaced by the decoder, so such a piece
 * is turned into a string with fromCharCode instead.
 */
function decodePiece(units: Uint16Array, lone: boolean): string {
  if (utf16 === undefined) {
    const Ctor = (globalThis as { TextDecoder?: DecoderCtor }).TextDecoder;
    try {
      utf16 = Ctor ? new Ctor('utf-16le', { ignoreBOM: true }) : null;
    } catch {
      utf16 = null;
    }
  }
  if (!lone && utf16) return utf16.decode(units);
  return String.fromCharCode.apply(null, units as unknown as number[]);
}

/**
 * One pass: code units are written to a buffer beside their offsets, and each PIECE of it is
 * decoded into a piece of the analysis string, joined once at the end. A page's text layer
 * breaks lines every few words, and a slice of the original per line cost several times more
 * (an object per slice, then the copy); one decode of the whole text would do too, but Node
 * returns a large decoded string as an external string, which every later scan reads slower.
 */
export function normalize(original: string, scratch?: NormScratch): Normalized {
  const n = original.length;
  let map: Int32Array;
  let breaks: Uint8Array;
  // every output unit (never more than the input's): decoded piece by piece, and kept for the scans
  let units: Uint16Array;
  if (scratch !== undefined && scratch.map.length > n) {
    map = scratch.map;
    breaks = scratch.breaks;
    breaks.fill(0, 0, n + 1); // only breaks are written below, the rest must read 0
    units = scratch.units;
  } else {
    map = new Int32Array(n + 1);
    breaks = new Uint8Array(n + 1);
    units = new Uint16Array(n);
  }
  const pieces: string[] = [];
  /** Analysis offsets of the breaks inside the text (see Normalized.breakAt). */
  let breakAt = new Int32Array(64);
  let nBreaks = 0;
  /** Analysis offset where the piece being written starts. */
  let base = 0;
  /** The piece holds an unpaired surrogate (see decodePiece). */
  let lone = false;
  let len = 0;
  /** Anything dropped or folded: otherwise the analysis string is the original. */
  let changed = false;
  /** Last analysis code unit emitted (for the wide/narrow test at whitespace). */
  let last = 0;
  let i = 0;
  while (i < n) {
    if (len - base >= PIECE) {
      pieces.push(decodePiece(units.subarray(base, len), lone));
      base = len;
      lone = false;
    }
    let c = original.charCodeAt(i);
    let k = NCLS[c];
    if (k === 0) {
      // a run copied as is (up to the end of the piece): one table load per char
      const stop = Math.min(n, i + (PIECE - (len - base)));
      do {
        units[len] = c;
        map[len++] = i++;
        if (i >= stop) break;
        c = original.charCodeAt(i);
        k = NCLS[c];
      } while (k === 0);
      last = original.charCodeAt(i - 1);
      if (i >= stop) continue;
    }
    if (k === 1) {
      last = fold(c);
      units[len] = last;
      map[len++] = i++;
      changed = true;
      continue;
    }
    if (k === 3) {
      // copied as is; a high surrogate takes its low one along
      units[len] = c;
      map[len++] = i++;
      last = c;
      if (c <= 0xdbff && i < n) {
        const d = original.charCodeAt(i);
        if (d >= 0xdc00 && d <= 0xdfff) {
          units[len] = d;
          map[len++] = i++;
          last = d;
          continue;
        }
      }
      lone = true;
      continue;
    }
    changed = true;
    // A run of whitespace: count newlines (\r\n counts once), remember first space-like unit.
    const runStart = i;
    let newlines = 0;
    let firstSpace = -1;
    while (i < n) {
      const d = original.charCodeAt(i);
      const kd = wsKind(d);
      if (kd === 0) break;
      if (kd === 2) {
        if (!(d === 0x0a && i > 0 && original.charCodeAt(i - 1) === 0x0d)) newlines++;
      } else if (kd === 1 && firstSpace < 0) firstSpace = i;
      i++;
    }
    if (len === 0 || i >= n) {
      if (len > 0 && newlines > 0) breaks[len] = newlines > 1 ? BREAK_BLANK : BREAK_LINE;
      continue;
    }
    const right = original.charCodeAt(i);
    if (newlines > 0) {
      breaks[len] = newlines > 1 ? BREAK_BLANK : BREAK_LINE;
      if (nBreaks === breakAt.length) {
        const nb = new Int32Array(nBreaks * 2);
        nb.set(breakAt);
        breakAt = nb;
      }
      breakAt[nBreaks++] = len; // len > 0 here, and `right` follows: inside the text
    }
    if (firstSpace < 0 && newlines === 0) continue;
    // Between two digits, full-width ones too, the space parts two numbers (２０２４－０６－１２　１０：０５).
    if ((isWide(last) || isWide(right)) && !(isDigit(last) && isDigit(fold(right)))) continue;
    // Between two narrow chars keep one space (Latin words, numbers).
    units[len] = 0x20;
    last = 0x20;
    map[len] = firstSpace >= 0 ? firstSpace : runStart;
    len++;
    if (newlines > 0) {
      // keep the break on the char after the space
      breaks[len] = breaks[len - 1];
      breaks[len - 1] = BREAK_NONE;
      breakAt[nBreaks - 1] = len;
    }
  }
  map[len] = n;
  let text = original;
  if (changed) {
    if (len > base) pieces.push(decodePiece(units.subarray(base, len), lone));
    text = pieces.length === 1 ? pieces[0] : pieces.join('');
  }
  return { original, text, map: map.subarray(0, len + 1), breaks: breaks.subarray(0, len + 1), breakAt: breakAt.subarray(0, nBreaks), units: units.subarray(0, len) };
}

/** Map an analysis range [start, end) to the original text; spans crossing line breaks stay whole. */
export function toOriginal(norm: Normalized, start: number, end: number): [number, number] {
  const s = norm.map[start];
  if (end <= start) return [s, s];
  return [s, norm.map[end - 1] + 1];
}

/** Analysis index of the first analysis char at or after an original offset. */
export function fromOriginal(norm: Normalized, orig: number): number {
  const m = norm.map;
  let lo = 0;
  let hi = m.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m[mid] < orig) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Line {
  /** Analysis range. */
  start: number;
  end: number;
  /** Break strength before the line (0 for the first). */
  before: number;
}

/** Lines of the analysis string, split where the original had line breaks, in typed arrays: no object per line. */
export interface LineTable {
  start: Int32Array;
  end: Int32Array;
  length: number;
}

export function lineTable(norm: Normalized): LineTable {
  const len = norm.text.length;
  if (norm.breakAt) {
    const at = norm.breakAt;
    const m = at.length;
    const start = new Int32Array(m + 1);
    const end = new Int32Array(m + 1);
    let s = 0;
    for (let k = 0; k < m; k++) {
      start[k] = s;
      end[k] = s = at[k];
    }
    start[m] = s;
    end[m] = len;
    return { start, end, length: len > s ? m + 1 : m };
  }
  const b = norm.breaks;
  // Break marks are sparse: test four at a time through a 32-bit view where aligned. A first
  // pass counts them, so the tables are allocated once at their size.
  const words = b.byteOffset % 4 === 0 ? new Uint32Array(b.buffer, b.byteOffset, b.length >> 2) : null;
  const scan = (emit: ((at: number) => void) | null): number => {
    let count = 0;
    let i = 1;
    while (i < len) {
      if (words !== null && (i & 3) === 0 && i + 4 <= len && words[i >> 2] === 0) {
        i += 4;
        continue;
      }
      if (b[i] !== BREAK_NONE) {
        count++;
        if (emit) emit(i);
      }
      i++;
    }
    return count;
  };
  const cap = scan(null) + 1;
  const start = new Int32Array(cap);
  const end = new Int32Array(cap);
  let n = 0;
  let s = 0;
  scan((i) => {
    if (i > s) {
      start[n] = s;
      end[n++] = i;
    }
    s = i;
  });
  if (len > s) {
    start[n] = s;
    end[n++] = len;
  }
  return { start, end, length: n };
}

/** Lines of the analysis string as objects, with the break strength before each. */
export function lines(norm: Normalized): Line[] {
  const t = lineTable(norm);
  const out: Line[] = [];
  for (let k = 0; k < t.length; k++) {
    const s = t.start[k];
    out.push({ start: s, end: t.end[k], before: s === 0 ? 0 : norm.breaks[s] });
  }
  return out;
}

/** Original text of a range with line breaks dropped and space runs collapsed: titles keep their printed spaces. */
export function printed(norm: Normalized, start: number, end: number): string {
  if (end <= start) return '';
  const [s, e] = toOriginal(norm, start, end);
  const src = norm.original;
  // Runs copied as is are appended as slices, not char by char.
  let out = '';
  let pendingSpace = false;
  let run = -1; // start of the pending run of unchanged chars
  for (let i = s; i < e; i++) {
    const c = src.charCodeAt(i);
    const k = CLS[c] === 2 ? wsKind(c) : 0;
    if (k === 0 && CLS[c] === 0 && !pendingSpace) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) {
      out += src.slice(run, i);
      run = -1;
    }
    if (k === 2) {
      pendingSpace = false;
      // a line break inside a title is layout, not a space: skip the rest of the run
      while (i + 1 < e && wsKind(src.charCodeAt(i + 1)) !== 0) i++;
      continue;
    }
    if (k === 1) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (k === 3) continue;
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    if (CLS[c] === 0) run = i;
    else out += String.fromCharCode(fold(c));
  }
  if (run >= 0) out += src.slice(run, e);
  return out;
}
