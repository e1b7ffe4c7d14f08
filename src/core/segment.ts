// Article segmentation over the lines of the analysis string.
// Lines are classified (dateline / continuation / credit / headline / body), bodies are cut at
// datelines, headlines and credits, then headline lines are matched to articles: a text layer
// may print a headline before, after, or several articles away from its report.
import type { ArticleKind } from './types';
import type { Normalized } from './normalize';
import { lineTable, printed, type LineTable } from './normalize';
import type { DatelineMatch } from './dateline';
import { MARK_CHARS, parseByline, parseCredit, parseDateline, parseTrailing } from './dateline';

export interface Segment {
  title: string;
  subtitle: string | null;
  kind: ArticleKind;
  continued: boolean;
  dateline: DatelineMatch | null;
  /** Analysis offsets of the whole article, adjacent headline lines included. */
  start: number;
  end: number;
  bodyStart: number;
  bodyEnd: number;
  /** Analysis ranges of its headline lines (they may lie elsewhere on the page). */
  headRanges: Array<[number, number]>;
}

export interface SegmentOptions {
  singleArticle?: boolean;
  title?: string;
}

const enum K {
  Body,
  Head,
  Date,
  Cont,
  Credit,
  Furn,
  Byline,
}

const RE_CONT = /^[（(](?:上|下)?(?:紧)?接(?:第)?[0-9一二三四五六七八九十]{1,3}版[）)]?/;
/** A jump to another page at the end of a line: 其余部分（下转第二版）, （转2版）. The text after it is another piece. */
const RE_JUMP = /[（(](?:下|上)?转(?:第)?[0-9一二三四五六七八九十]{1,3}版[）)]$/;
const RE_FURN = /^(?:责任编辑|编辑|校对|审核|审校|来源|作者|美编|责编|值班编辑|出版|第[0-9一二三四五六七八九十]+版|[（(]完[）)])/;
/** Page metadata lines: source, author, timestamps. */
const RE_META = /来源[：:]|作者[：:]|编辑[：:]|发布时间|浏览次数|点击[：:]|^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;
const RE_ORDINAL = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、])/;
const RE_COMMENTARY = /评论员|社论|短评|时评|述评|编者按|观察者说/;
const CLOSERS = '”’」』）)》"\'';
const FINAL = '。！？!?；;…';

function codeTable(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}
// Exact prefilters: a regex above can only match when these hold, so most lines skip the
// slice and the regex.
/** First units of the RE_FURN alternatives. */
const FURN_FIRST = codeTable('责编校审来作美值出第（(');
const ASCII_DIGIT = codeTable('0123456789');
/** First units of the RE_ORDINAL alternatives. */
const ORDINAL_FIRST = codeTable('一二三四五六七八九十（(0123456789');

/** RE_FURN on the first 8 units of the line, or RE_META on a line of at most 60 (`flags`: see lineFlags). */
function furniture(text: string, s: number, e: number, flags: number): boolean {
  if (FURN_FIRST[text.charCodeAt(s)] === 1 && RE_FURN.test(text.slice(s, Math.min(e, s + 8)))) return true;
  if (e - s > 60) return false;
  if (ASCII_DIGIT[text.charCodeAt(s)] !== 1 && (flags & L_META) === 0) return false;
  return RE_META.test(text.slice(s, e));
}

const CLOSE = new Uint8Array(65536);
for (const ch of CLOSERS) CLOSE[ch.charCodeAt(0)] = 1;
const FIN = new Uint8Array(65536);
for (const ch of FINAL) FIN[ch.charCodeAt(0)] = 1;

// Per code unit, for the one pass over each line (width and what the line holds): bit 0 narrow
// (half a column), then the classes that the line tests below only need to know are present.
const L_NARROW = 1;
/** First units of the unanchored RE_META alternatives. */
const L_META = 2;
/** Prose punctuation other than the full-width comma: a headline holds none. */
const L_PROSE = 4;
/** The full-width comma, counted. */
const L_COMMA = 8;
const LINE_CLASS = new Uint8Array(65536);
LINE_CLASS.fill(L_NARROW, 0, 0x2000);
for (const ch of '来作编发浏点') LINE_CLASS[ch.charCodeAt(0)] |= L_META;
for (const ch of '。；！？;!?') LINE_CLASS[ch.charCodeAt(0)] |= L_PROSE;
LINE_CLASS[0xff0c] |= L_COMMA;

/** Per line: half-column width, the classes present and the number of full-width commas. */
interface LineInfo {
  widths: Float64Array;
  flags: Uint8Array;
  commas: Int32Array;
}

function lineInfo(text: string, ls: LineTable): LineInfo {
  const n = ls.length;
  const widths = new Float64Array(n);
  const flags = new Uint8Array(n);
  const commas = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = ls.start[i];
    const e = ls.end[i];
    let narrow = 0;
    let comma = 0;
    let any = 0;
    for (let k = s; k < e; k++) {
      const f = LINE_CLASS[text.charCodeAt(k)];
      narrow += f & L_NARROW;
      comma += f >> 3;
      any |= f;
    }
    // counted in half columns as an integer: the same value as summing 0.5 and 1, exactly
    widths[i] = (2 * (e - s) - narrow) / 2;
    flags[i] = any;
    commas[i] = comma;
  }
  return { widths, flags, commas };
}

function endsSentence(text: string, s: number, e: number): boolean {
  let k = e - 1;
  while (k >= s && CLOSE[text.charCodeAt(k)] === 1) k--;
  if (k < s) return false;
  if (FIN[text.charCodeAt(k)] === 1) return true;
  // a trailing （记者 X） closes an article too
  return text.charCodeAt(e - 1) === 0xff09 && /[（(](?:本报)?(?:特约)?(?:记者|通讯员)[^（）]*）$/.test(text.slice(Math.max(s, e - 30), e));
}

function titleish(text: string, s: number, e: number, flags: number): boolean {
  const len = e - s;
  if (len < 2 || len > 48) return false;
  const last = text.charCodeAt(e - 1);
  if (last === 0xff1a || last === 0x3a || last === 0x3001) return false; // ： : 、
  if ((flags & (L_PROSE | L_COMMA)) !== 0) return false;
  return ORDINAL_FIRST[text.charCodeAt(s)] !== 1 || !RE_ORDINAL.test(text.slice(s, Math.min(e, s + 5)));
}

/** A short line whose only prose punctuation is one or two commas, not at its end. */
function commaHeadline(text: string, s: number, e: number, flags: number, commas: number): boolean {
  if (e - s > 32 || e - s < 4) return false;
  if ((flags & L_PROSE) !== 0) return false;
  return commas > 0 && commas <= 2 && text.charCodeAt(e - 1) !== 0xff0c;
}

/**
 * The next 月 at or after a position, found with indexOf and remembered: lines are asked for in
 * order, so one search serves every line up to that 月 and the text is searched once overall.
 */
class NextYue {
  private from = -1;
  private pos = -1;
  constructor(private readonly text: string) {}

  at(s: number): number {
    if (this.from < 0 || s < this.from || (this.pos >= 0 && this.pos < s)) {
      this.from = s;
      this.pos = this.text.indexOf('月', s);
    }
    return this.pos;
  }
}

/** Cheap test before the dateline parser: 本报/本刊, or 月 and 电/消息 near the line start. */
function mayBeDateline(text: string, s: number, yue: NextYue): boolean {
  // a typographic mark or 据 before the dateline (【本报讯】, ■本报…, 据新华社…)
  while (s < text.length && MARKS[text.charCodeAt(s)] === 1) s++;
  const c = text.charCodeAt(s);
  if (c === 0x672c && (text.charCodeAt(s + 1) === 0x62a5 || text.charCodeAt(s + 1) === 0x520a)) return true;
  let k = yue.at(s);
  if (k < 0 || k >= Math.min(text.length, s + 16)) return false;
  const e = Math.min(text.length, s + 24);
  for (; k < e; k++) {
    const d = text.charCodeAt(k);
    if (d === 0x7535 || d === 0x6d88) return true; // 电 消息
  }
  return false;
}

const MARKS = new Uint8Array(65536);
for (const ch of `${MARK_CHARS}【据`) MARKS[ch.charCodeAt(0)] = 1;

const JI = 0x8bb0; // 记
const ZHE = 0x8005; // 者
const TONG = 0x901a; // 通
const XUN = 0x8baf; // 讯
const YUAN = 0x5458; // 员
const SHI2 = 0x5b9e; // 实
const PING = 0x8bc4; // 评
const LUN = 0x8bba; // 论
const XI = 0x4e60; // 习
const SHENG = 0x751f; // 生

/** 记者, 通讯员, 评论员 or 实习生 within the first ten units of the line. */
function hasRole(text: string, s: number, e: number): boolean {
  const lim = Math.min(e, s + 10);
  for (let k = s; k < lim; k++) {
    const c = text.charCodeAt(k);
    if (c === JI) {
      if (k + 1 < lim && text.charCodeAt(k + 1) === ZHE) return true;
    } else if (c === TONG) {
      if (k + 2 < lim && text.charCodeAt(k + 1) === XUN && text.charCodeAt(k + 2) === YUAN) return true;
    } else if (c === PING) {
      if (k + 2 < lim && text.charCodeAt(k + 1) === LUN && text.charCodeAt(k + 2) === YUAN) return true;
    } else if (c === SHI2) {
      if (k + 2 < lim && text.charCodeAt(k + 1) === XI && text.charCodeAt(k + 2) === SHENG) return true;
    }
  }
  return false;
}

/** A sentence that opens a report: a headline line before it cannot be the start of its paragraph. */
const RE_OPENER = /^(?:近日|日前|近期|目前|今年以来|连日来|\d{1,2}月\d{1,2}日|[昨今前]天|[昨今]日|本月|上周|本周|为[^，]{1,12}，)[，,]?/;

/** Median of line widths ≥ 4 (half-column steps), by histogram: linear. */
function medianWidth(ws: ArrayLike<number>): number {
  const hist = new Int32Array(402);
  let count = 0;
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k];
    if (w < 4) continue;
    hist[Math.min(401, Math.round(w * 2))]++;
    count++;
  }
  if (count === 0) return 0;
  let seen = 0;
  for (let h = 0; h < hist.length; h++) {
    seen += hist[h];
    if (seen > count >> 1) return h / 2;
  }
  return 0;
}

/** Printed headline text; a text layer sometimes doubles a headline (`XX XX`). */
function headText(norm: Normalized, s: number, e: number): string {
  const t = printed(norm, s, e);
  if (t.length >= 8 && t.length % 2 === 0) {
    const h = t.length / 2;
    if (t.slice(0, h) === t.slice(h)) return t.slice(0, h);
  }
  return t;
}

/** CJK bigram key of text[k], text[k+1] (-1 if either is not a CJK ideograph); small ints, no heap numbers. */
function keyAt(text: string, k: number): number {
  const a = text.charCodeAt(k) - 0x4e00;
  const b = text.charCodeAt(k + 1) - 0x4e00;
  return a >= 0 && a < 0x5200 && b >= 0 && b < 0x5200 ? a * 0x5200 + b : -1;
}

/**
 * Adds the CJK bigram keys of the bigrams starting in [s, e) to an open-addressing set at
 * table[base .. base + mask] (key + 1 per slot, 0 = empty). Headlines are then probed against
 * it: a dozen lookups instead of a test per body bigram.
 */
function fillKeySet(table: Int32Array, base: number, mask: number, text: string, s: number, e: number): void {
  if (e <= s) return;
  // keyAt(text, k) with each unit read once
  let b = text.charCodeAt(s) - 0x4e00;
  for (let k = s; k < e; k++) {
    const a = b;
    b = text.charCodeAt(k + 1) - 0x4e00;
    if (!(a >= 0 && a < 0x5200 && b >= 0 && b < 0x5200)) continue;
    const key = a * 0x5200 + b;
    let h = (Math.imul(key, 0x9e3779b1) >>> 16) & mask;
    for (;;) {
      const v = table[base + h];
      if (v === 0) {
        table[base + h] = key + 1;
        break;
      }
      if (v === key + 1) break;
      h = (h + 1) & mask;
    }
  }
}

/**
 * The bigrams of one headline, each once, in load order; overlap() counts how many of them a
 * key set holds.
 */
class HeadKeys {
  private readonly slots = new Int32Array(256);
  /** A slot holds a key of the current headline only when its generation matches. */
  private readonly gen = new Int32Array(256);
  /** The distinct keys of the current headline, in load order. */
  private readonly list = new Int32Array(200);
  private generation = 0;
  size = 0;

  load(text: string, s: number, e: number): void {
    const g = ++this.generation;
    this.size = 0;
    for (let k = s; k < e - 1 && this.size < 200; k++) {
      const key = keyAt(text, k);
      if (key < 0) continue;
      let h = Math.imul(key, 0x9e3779b1) >>> 24;
      while (this.gen[h] === g && this.slots[h] !== key) h = (h + 1) & 255;
      if (this.gen[h] !== g) {
        this.gen[h] = g;
        this.slots[h] = key;
        this.list[this.size] = key;
        this.size++;
      }
    }
  }

  /** Distinct headline bigrams found in the key set at table[base .. base + mask] (see fillKeySet). */
  overlap(table: Int32Array, base: number, mask: number): number {
    const list = this.list;
    let hits = 0;
    for (let q = 0; q < this.size; q++) {
      const key = list[q];
      let h = (Math.imul(key, 0x9e3779b1) >>> 16) & mask;
      for (;;) {
        const v = table[base + h];
        if (v === 0) break;
        if (v === key + 1) {
          hits++;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    return hits;
  }
}

interface Draft {
  firstLine: number;
  lastLine: number;
  kind: ArticleKind;
  continued: boolean;
  dateline: DatelineMatch | null;
  bodyStart: number;
  bodyEnd: number;
  /** Line of a photo credit closing the article, if any. */
  creditLine: number;
  title: number[];
  subtitle: number[];
}

export function segment(norm: Normalized, text: string, opts: SegmentOptions = {}): Segment[] {
  const ls = lineTable(norm);
  const n = ls.length;
  if (n === 0) return [];
  // printed width: half-width chars take half a column, so full column lines measure alike
  const info = lineInfo(text, ls);
  const widths = info.widths;
  const yue = new NextYue(text);
  const m = medianWidth(widths) || 1;
  const inBand = (w: number): boolean => w >= 0.9 * m && w <= 1.12 * m;
  const ends = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (endsSentence(text, ls.start[i], ls.end[i])) ends[i] = 1;
  const cls = new Uint8Array(n);
  /** Datelines, credits and bylines by line: a few per page, so a map rather than a line-length array. */
  const dl = new Map<number, DatelineMatch>();
  const contLen = new Int32Array(n);
  /** Length of a page-jump mark ending the line (0: none). */
  const jumpLen = new Int32Array(n);

  // 1. classify lines
  for (let i = 0; i < n; i++) {
    const boundary = i === 0 || ends[i - 1] === 1 || cls[i - 1] === K.Head || cls[i - 1] === K.Credit || cls[i - 1] === K.Furn || cls[i - 1] === K.Byline;
    const c0 = text.charCodeAt(ls.start[i]);
    const cm = c0 === 0xff08 || c0 === 0x28 ? RE_CONT.exec(text.slice(ls.start[i], Math.min(ls.end[i], ls.start[i] + 12))) : null;
    if (cm) {
      cls[i] = K.Cont;
      contLen[i] = cm[0].length;
      continue;
    }
    // A page-jump mark cuts the article wherever it falls (print cuts reports mid-sentence at the column's end).
    const z = text.charCodeAt(ls.end[i] - 1);
    if (z === 0xff09 || z === 0x29) {
      const from = Math.max(ls.start[i], ls.end[i] - 10);
      const jm = RE_JUMP.exec(text.slice(from, ls.end[i]));
      if (jm) {
        if (from + jm.index === ls.start[i]) {
          cls[i] = K.Furn;
          continue;
        }
        jumpLen[i] = jm[0].length;
      }
    }
    // datelines open a paragraph; a full-width line before means we are mid-paragraph
    const maybe = boundary || (i > 0 && widths[i - 1] < 0.9 * m);
    const d = maybe && mayBeDateline(text, ls.start[i], yue) ? parseDateline(norm, text, ls.start[i]) : null;
    if (d) {
      cls[i] = K.Date;
      dl.set(i, d);
      continue;
    }
    const last = text.charCodeAt(ls.end[i] - 1);
    const c = ls.end[i] - ls.start[i] <= 40 && (last === 0x6444 || last === 0x9053 || last === 0x5f71 || last === 0x56fe) ? parseCredit(norm, text, ls.start[i], ls.end[i]) : null;
    if (c) {
      cls[i] = K.Credit;
      dl.set(i, c);
      continue;
    }
    if (!boundary) continue;
    const b = ls.end[i] - ls.start[i] <= 30 && hasRole(text, ls.start[i], ls.end[i]) ? parseByline(norm, text, ls.start[i], ls.end[i]) : null;
    if (b) {
      cls[i] = K.Byline;
      dl.set(i, b);
      continue;
    }
    if (furniture(text, ls.start[i], ls.end[i], info.flags[i])) cls[i] = K.Furn;
    else if (titleish(text, ls.start[i], ls.end[i], info.flags[i])) cls[i] = K.Head;
    else if (i + 1 < n && commaHeadline(text, ls.start[i], ls.end[i], info.flags[i], info.commas[i]) && mayBeDateline(text, ls.start[i + 1], yue) && parseDateline(norm, text, ls.start[i + 1])) {
      cls[i] = K.Head; // 守正创新，奋力谱写新篇章 — a headline with a comma, proven by the dateline below
    }
  }
  // 2. a run of headline-like lines followed by prose: only out-of-band leading lines are headlines
  for (let i = 0; i < n; ) {
    if (cls[i] !== K.Head) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && cls[j] === K.Head) j++;
    const next = j < n ? cls[j] : K.Furn;
    if (next === K.Body && !RE_OPENER.test(text.slice(ls.start[j], ls.start[j] + 8))) {
      let k = i;
      while (k < j && !inBand(widths[k])) k++;
      for (let q = k; q < j; q++) cls[q] = K.Body;
    }
    i = j;
  }

  if (opts.singleArticle) return [single(norm, text, ls, cls, dl, contLen, opts)];

  // 3. cut bodies
  const drafts: Draft[] = [];
  const owner = new Int32Array(n).fill(-1);
  let cur: Draft | null = null;
  const open = (i: number, kind: ArticleKind, bodyStart: number, dateline: DatelineMatch | null, continued = false): Draft => {
    const d: Draft = { firstLine: i, lastLine: i, kind, continued, dateline, bodyStart, bodyEnd: ls.end[i], creditLine: -1, title: [], subtitle: [] };
    drafts.push(d);
    owner[i] = drafts.length - 1;
    return d;
  };
  const paraStart = (d: Draft, before: number): number => {
    for (let q = before - 1; q > d.firstLine; q--) {
      if (ends[q - 1] === 1 && (widths[q - 1] < 0.9 * m || m >= 40)) return q;
    }
    return d.firstLine;
  };
  for (let i = 0; i < n; i++) {
    switch (cls[i]) {
      case K.Date:
      case K.Byline: {
        const d = dl.get(i) as DatelineMatch;
        cur = open(i, d.text.endsWith('评论员') ? 'commentary' : 'report', d.bodyStart, d);
        break;
      }
      case K.Cont:
        cur = open(i, 'continuation', ls.start[i] + contLen[i], null, true);
        break;
      case K.Credit: {
        if (cur) {
          const q = paraStart(cur, i);
          if (q > cur.firstLine) {
            cur.lastLine = q - 1;
            cur.bodyEnd = ls.end[q - 1];
            for (let r = q; r < i; r++) owner[r] = -1;
            cur = open(q, 'photo', ls.start[q], null);
            for (let r = q; r < i; r++) owner[r] = drafts.length - 1;
          }
          cur.kind = cur.continued ? cur.kind : 'photo';
          cur.bodyEnd = ls.end[i - 1 >= cur.firstLine ? i - 1 : i];
          const credit = dl.get(i) as DatelineMatch;
          if (!cur.dateline) cur.dateline = credit;
          cur.creditLine = i;
          cur.lastLine = i;
          owner[i] = drafts.length - 1;
        }
        cur = null;
        break;
      }
      case K.Head:
      case K.Furn:
        cur = null;
        break;
      default:
        if (cur) {
          cur.lastLine = i;
          cur.bodyEnd = ls.end[i];
          owner[i] = drafts.length - 1;
        } else cur = open(i, 'brief', ls.start[i], null);
    }
    if (jumpLen[i] > 0 && cur && owner[i] === drafts.length - 1) {
      cur.bodyEnd = ls.end[i] - jumpLen[i];
      cur = null;
    }
  }

  // 4. headlines → articles
  assignHeads(text, ls, cls, owner, drafts);

  // 5. finish
  return drafts.map((d) => finish(norm, text, ls, d));
}

const LEAD_MASK = 127;
/** The lead sets' table, kept from call to call (it never leaves assignHeads): fresh memory each time costs page faults. */
let leadScratch = new Int32Array(0);

/** A zeroed table of `size` slots. */
function leadTable(size: number): Int32Array {
  if (leadScratch.length < size) leadScratch = new Int32Array(size);
  else leadScratch.fill(0, 0, size);
  return leadScratch;
}

function assignHeads(text: string, ls: LineTable, cls: Uint8Array, owner: Int32Array, drafts: Draft[]): void {
  const n = ls.length;
  const heads: number[] = [];
  for (let i = 0; i < n; i++) if (cls[i] === K.Head) heads.push(i);
  if (heads.length === 0 || drafts.length === 0) return;
  // runs and their neighbouring articles
  const runOf = new Int32Array(n).fill(-1);
  const runs: Array<{ a: number; b: number; before: number; after: number }> = [];
  // indexed loops here: assignHeads runs once a call, mostly unoptimised, where for-of allocates a
  // result object per step
  for (let q = 0; q < heads.length; q++) {
    const i = heads[q];
    if (i > 0 && runOf[i - 1] >= 0) {
      runOf[i] = runOf[i - 1];
      runs[runOf[i]].b = i + 1;
    } else {
      runOf[i] = runs.length;
      runs.push({ a: i, b: i + 1, before: -1, after: -1 });
    }
  }
  for (let q = 0; q < runs.length; q++) {
    const r = runs[q];
    r.before = r.a > 0 ? owner[r.a - 1] : -1;
    r.after = r.b < n ? owner[r.b] : -1;
    if (r.after >= 0 && drafts[r.after].firstLine !== r.b) r.after = -1;
    if (r.before >= 0 && drafts[r.before].lastLine !== r.a - 1) r.before = -1;
  }
  // nearest article index for windowing
  const nearest = (i: number): number => {
    for (let k = i; k < n; k++) if (owner[k] >= 0) return owner[k];
    return drafts.length - 1;
  };
  // Each article's lead bigrams (at most 59), worked out once, as a set of 128 slots of its own:
  // every headline nearby is probed against it.
  const leads = leadTable(drafts.length * (LEAD_MASK + 1));
  const leadBuilt = new Uint8Array(drafts.length);
  const leadOverlap = (a: number): number => {
    const base = a * (LEAD_MASK + 1);
    if (leadBuilt[a] === 0) {
      const d = drafts[a];
      leadBuilt[a] = 1;
      fillKeySet(leads, base, LEAD_MASK, text, d.bodyStart, Math.min(d.bodyEnd, d.bodyStart + 60) - 1);
    }
    return hk.overlap(leads, base, LEAD_MASK);
  };
  // A headline printed after its report is also compared with that report's opening. Headlines of
  // one run share the article before them, so only the last opening's set is kept (399 bigrams at
  // most in 1024 slots).
  const OPEN_MASK = 1023;
  const opening = new Int32Array(OPEN_MASK + 1);
  let openA = -1;
  const openingOverlap = (a: number): number => {
    if (a !== openA) {
      const d = drafts[a];
      opening.fill(0);
      fillKeySet(opening, 0, OPEN_MASK, text, d.bodyStart, Math.min(d.bodyEnd, d.bodyStart + 400) - 1);
      openA = a;
    }
    return hk.overlap(opening, 0, OPEN_MASK);
  };
  const hk = new HeadKeys();
  const WINDOW = 6;
  const adjacent = (i: number): { a: number; score: number } => {
    hk.load(text, ls.start[i], ls.end[i]);
    let a = -1;
    let score = 0;
    if (hk.size === 0) return { a, score };
    const r = runs[runOf[i]];
    if (r.after >= 0) {
      score = scoreOf(r.after, r);
      a = r.after;
    }
    if (r.before >= 0) {
      const v = scoreOf(r.before, r);
      if (v > score) {
        score = v;
        a = r.before;
      }
    }
    return { a, score };
  };
  // the lead decides; the whole body counts only for the articles next to the headline block
  const scoreOf = (a: number, r: { after: number; before: number }): number => {
    let v = leadOverlap(a) / hk.size;
    // a headline printed after its report may quote any part of it: look further into that body
    if (v < 0.5 && a === r.before) {
      v = Math.max(v, (0.8 * openingOverlap(a)) / hk.size);
    }
    if (a === r.after) v += 0.15;
    else if (a === r.before) v += 0.1;
    return v;
  };
  const adj = heads.map(adjacent);
  const clear = (k: number): boolean => k >= 0 && k < heads.length && adj[k].score >= 0.9;
  const best = heads.map((i, k) => {
    const own = adj[k];
    const r = runs[runOf[i]];
    // a clear match next door settles it; so does being the sub/lead line of such a headline
    if (own.score >= 0.9) return { i, a: own.a, score: own.score };
    if ((inRun(heads, runOf, k - 1, i) && clear(k - 1)) || (inRun(heads, runOf, k + 1, i) && clear(k + 1))) return { i, a: own.a, score: own.score };
    hk.load(text, ls.start[i], ls.end[i]);
    if (hk.size === 0) return { i, a: -1, score: 0 };
    let bestA = own.a;
    let bestS = own.score;
    const c = nearest(i);
    for (let a = Math.max(0, c - WINDOW); a <= Math.min(drafts.length - 1, c + WINDOW); a++) {
      if (a === r.after || a === r.before) continue;
      const v = scoreOf(a, r);
      if (v > bestS) {
        bestS = v;
        bestA = a;
      }
    }
    return { i, a: bestA, score: bestS };
  });
  const assigned = new Int32Array(n).fill(-1);
  // strong matches, most certain first; longer headlines win ties
  const strong = best.filter((h) => h.a >= 0 && h.score >= 0.5).sort((x, y) => y.score - x.score || (ls.end[y.i] - ls.start[y.i]) - (ls.end[x.i] - ls.start[x.i]));
  for (let q = 0; q < strong.length; q++) {
    const h = strong[q];
    const d = drafts[h.a];
    if (d.title.length === 0) {
      d.title.push(h.i);
      assigned[h.i] = h.a;
    }
  }
  // Does this page print headlines before or after their reports? Follow the clear cases.
  let leading = 0;
  let trailing = 0;
  for (let q = 0; q < strong.length; q++) {
    const h = strong[q];
    if (assigned[h.i] < 0) continue;
    const r = runs[runOf[h.i]];
    if (r.after === h.a) leading++;
    else if (r.before === h.a) trailing++;
  }
  const preferAfterArticle = trailing > leading;
  // weak lines: subtitle of the adjacent headline's article, else the title of an untitled neighbour
  for (let q = 0; q < best.length; q++) {
    const h = best[q];
    const i = h.i;
    if (assigned[i] >= 0) continue;
    const r = runs[runOf[i]];
    let done = false;
    for (let side = 0; side < 2; side++) {
      const nb = side === 0 ? i - 1 : i + 1;
      if (nb < r.a || nb >= r.b || assigned[nb] < 0) continue;
      const a = assigned[nb];
      if (a !== r.before && a !== r.after) continue;
      if (drafts[a].title[0] !== nb && drafts[a].subtitle.length === 0) continue;
      if (nb === i + 1 && drafts[a].title[0] === nb && drafts[a].subtitle.length > 0) continue;
      drafts[a].subtitle.push(i);
      assigned[i] = a;
      done = true;
      break;
    }
    if (done) continue;
    for (let side = 0; side < 2; side++) {
      const a = (side === 0) === preferAfterArticle ? r.before : r.after;
      if (a >= 0 && drafts[a].title.length === 0) {
        drafts[a].title.push(i);
        assigned[i] = a;
        break;
      }
    }
  }
}

/** Is line q a headline of the same run as line i? */
function inRun(heads: readonly number[], runOf: Int32Array, q: number, i: number): boolean {
  return q >= 0 && q < heads.length && runOf[heads[q]] === runOf[i];
}

function byNumber(a: number, b: number): number {
  return a - b;
}

/** A headline line opening with a dash (——围绕…建言资政) is a 副题 under the title. */
function dashLine(text: string, ls: LineTable, k: number): boolean {
  const c = text.charCodeAt(ls.start[k]);
  return c === 0x2014 || c === 0x2015 || c === 0x2500 || (c === 0x2d && text.charCodeAt(ls.start[k] + 1) === 0x2d);
}

function finish(norm: Normalized, text: string, ls: LineTable, d: Draft): Segment {
  // the title chosen by overlap with the report may be its dashed subtitle: the line above is the title
  if (d.title.length === 1 && d.subtitle.length > 0 && dashLine(text, ls, d.title[0])) {
    const t = d.title[0];
    const plain = d.subtitle.filter((k) => !dashLine(text, ls, k));
    const above = plain.filter((k) => k < t);
    const k = above.length ? Math.max(...above) : plain.length ? Math.min(...plain) : -1;
    if (k >= 0) {
      d.title = [k];
      d.subtitle = [...d.subtitle.filter((x) => x !== k), t];
    }
  }
  let start = ls.start[d.firstLine];
  let end = ls.end[d.lastLine];
  // the draft's own headline lines (a handful: arrays, not a Set)
  for (let k = d.firstLine - 1; k >= 0 && (d.title.includes(k) || d.subtitle.includes(k)); k--) start = ls.start[k];
  for (let k = d.lastLine + 1; k < ls.length && (d.title.includes(k) || d.subtitle.includes(k)); k++) end = ls.end[k];
  const title = d.title.length ? headText(norm, ls.start[d.title[0]], ls.end[d.title[0]]) : '';
  d.subtitle.sort(byNumber);
  const subs: string[] = [];
  for (const k of d.subtitle) subs.push(headText(norm, ls.start[k], ls.end[k]));
  let dateline = d.dateline;
  if (!dateline || dateline.reporters.length === 0) {
    const t = parseTrailing(norm, text, d.bodyStart, d.bodyEnd);
    if (t) {
      if (!dateline) dateline = t;
      else dateline = { ...dateline, reporters: t.reporters, reporterSpans: t.reporterSpans };
    }
  }
  let kind = d.kind;
  if (kind === 'brief') {
    if (RE_COMMENTARY.test(title) || RE_COMMENTARY.test(text.slice(d.bodyStart, d.bodyStart + 12))) kind = 'commentary';
    else if (title || d.bodyEnd - d.bodyStart >= 400 || dateline) kind = 'report';
  }
  return {
    title,
    subtitle: subs.length ? subs.join(' ') : null,
    kind,
    continued: d.continued,
    dateline,
    start,
    end,
    bodyStart: Math.min(d.bodyStart, d.bodyEnd),
    bodyEnd: d.bodyEnd,
    headRanges: headRanges(ls, d),
  };
}

function headRanges(ls: LineTable, d: Draft): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const k of d.title) out.push([ls.start[k], ls.end[k]]);
  for (const k of d.subtitle) out.push([ls.start[k], ls.end[k]]);
  return out;
}

function single(
  norm: Normalized,
  text: string,
  ls: LineTable,
  cls: Uint8Array,
  dl: ReadonlyMap<number, DatelineMatch>,
  contLen: Int32Array,
  opts: SegmentOptions,
): Segment {
  let first = 0;
  const headRanges: Array<[number, number]> = [];
  let title = opts.title?.trim() ?? '';
  const subs: string[] = [];
  while (first < ls.length && cls[first] === K.Head && first < 3) {
    const t = headText(norm, ls.start[first], ls.end[first]);
    headRanges.push([ls.start[first], ls.end[first]]);
    if (!title) title = t;
    else if (t !== title && !opts.title?.includes(t)) subs.push(t);
    first++;
  }
  let dateline: DatelineMatch | null = null;
  let bodyStart = first < ls.length ? ls.start[first] : text.length;
  for (let k = first; k < Math.min(ls.length, first + 4); k++) {
    if (cls[k] === K.Date || cls[k] === K.Byline) {
      dateline = dl.get(k) as DatelineMatch;
      bodyStart = dateline.bodyStart;
      break;
    }
  }
  const continued = first < ls.length && cls[first] === K.Cont;
  if (continued) bodyStart = ls.start[first] + contLen[first];
  const bodyEnd = ls.end[ls.length - 1];
  if (!dateline) dateline = parseTrailing(norm, text, bodyStart, bodyEnd);
  return {
    title,
    subtitle: subs.length ? subs.join(' ') : null,
    kind: continued ? 'continuation' : RE_COMMENTARY.test(title) ? 'commentary' : 'report',
    continued,
    dateline,
    start: 0,
    end: text.length,
    bodyStart: Math.min(bodyStart, bodyEnd),
    bodyEnd,
    headRanges,
  };
}
