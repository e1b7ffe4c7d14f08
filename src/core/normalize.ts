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

function wsKind(c: number): number {
  // 0 not whitespace, 1 space-like, 2 newline, 3 invisible (dropped outright)
  if (c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0b || c === 0x0c || c === 0x2002 || c === 0x2003 || c === 0x2009) return 1;
  if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85) return 2;
  if (c === 0x200b || c === 0xfeff || c === 0x200c || c === 0x200d || c === 0xad) return 3;
  return 0;
}

/** Full-width digits and letters to ASCII (same length). */
function fold(c: number): number {
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return c - 0xfee0;
  return c;
}

export function normalize(original: string): Normalized {
  const n = original.length;
  const out = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  const breaks = new Uint8Array(n + 1);
  let len = 0;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    // fast path: CJK and most text are neither whitespace nor foldable
    if ((c > 0x3000 && c < 0xfeff) || (c > 0x20 && c < 0x85)) {
      out[len] = c;
      map[len] = i;
      len++;
      i++;
      continue;
    }
    const k = wsKind(c);
    if (k === 0) {
      out[len] = fold(c);
      map[len] = i;
      len++;
      i++;
      continue;
    }
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
    const left = out[len - 1];
    const right = original.charCodeAt(i);
    if (newlines > 0) breaks[len] = newlines > 1 ? BREAK_BLANK : BREAK_LINE;
    if (isWide(left) || isWide(right) || (firstSpace < 0 && newlines === 0)) continue;
    // Between two narrow chars keep one space (Latin words, numbers).
    out[len] = 0x20;
    map[len] = firstSpace >= 0 ? firstSpace : runStart;
    len++;
    if (newlines > 0) {
      // keep the break on the char after the space
      breaks[len] = breaks[len - 1];
      breaks[len - 1] = BREAK_NONE;
    }
  }
  map[len] = n;
  let text = '';
  const CHUNK = 8192;
  for (let p = 0; p < len; p += CHUNK) {
    text += String.fromCharCode.apply(null, out.subarray(p, Math.min(len, p + CHUNK)) as unknown as number[]);
  }
  return { original, text, map: map.subarray(0, len + 1), breaks: breaks.subarray(0, len + 1) };
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

/** Lines of the analysis string, split where the original had line breaks. */
export function lines(norm: Normalized): Line[] {
  const out: Line[] = [];
  const b = norm.breaks;
  const len = norm.text.length;
  let s = 0;
  for (let i = 1; i <= len; i++) {
    if (i === len || b[i] !== BREAK_NONE) {
      if (i > s) out.push({ start: s, end: i, before: s === 0 ? 0 : b[s] });
      s = i;
    }
  }
  return out;
}

/** Original text of a range with line breaks dropped and space runs collapsed: titles keep their printed spaces. */
export function printed(norm: Normalized, start: number, end: number): string {
  if (end <= start) return '';
  const [s, e] = toOriginal(norm, start, end);
  let out = '';
  let pendingSpace = false;
  for (let i = s; i < e; i++) {
    const c = norm.original.charCodeAt(i);
    const k = wsKind(c);
    if (k === 2) {
      pendingSpace = false;
      // a line break inside a title is layout, not a space: skip the rest of the run
      while (i + 1 < e && wsKind(norm.original.charCodeAt(i + 1)) !== 0) i++;
      continue;
    }
    if (k === 1) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (k === 3) continue;
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(fold(c));
  }
  return out;
}
