// Datelines, bylines and photo credits. Parsing runs on the analysis string; reporter
// names are split where the ORIGINAL text had spaces (PDF layers put spaces inside names).
import type { Dateline } from './types';
import type { Normalized } from './normalize';
import { isCjkIdeograph } from './normalize';
import { SURNAME_CODES } from './rules/lexicon';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A parsed dateline, offsets in analysis coordinates (the engine maps them to the caller's text). */
export interface DatelineMatch extends Dateline {
  reporterSpans: Span[];
  placeSpan: Span | null;
  dateSpan: Span | null;
  /** Where the article text proper starts (after the dateline and its punctuation). */
  bodyStart: number;
}

const DATE_SRC = '(?:(?:\\d{4}|[〇零一二三四五六七八九]{4})年)?(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\\d{1,2}|[一二三四五六七八九十]{1,3})日';
const AGENCIES =
  '新华社|中新社|中新网|中国新闻网|人民网|人民日报|央视网|央视新闻|央广网|光明网|中国网|国际在线|环球网|中国青年网|中青网|新京报|澎湃新闻|经济日报|工人日报|法治日报|中国日报网|每日甘肃网|新甘肃';
const ROLE_SRC = '(?:本报|新华社|人民日报|本刊)?(?:特约|见习|实习|首席|摄影)?(?:记者|通讯员)|实习生';

// 本报平凉讯, 【本报讯】; the place never holds a role (本报记者…通讯员: that 讯 is 通讯员's).
const RE_BENBAO = /(本报|本刊)((?:(?!记者|通讯|实习)[\u4e00-\u9fff]){0,8}?)讯(?!员)】?/y;
const RE_AGENCY = new RegExp(`(本报|${AGENCIES}|[\\u4e00-\\u9fff]{2,6}?(?:社|网|报|台))([\\u4e00-\\u9fff]{0,8}?)(${DATE_SRC})(?:电|消息)`, 'y');
/** Typographic marks some papers print before a dateline or byline (■本报记者, □本报记者). */
export const MARK_CHARS = '■□●○◆◇★☆▲△▶►◎';
const RE_MARKS = new RegExp(`[${MARK_CHARS}【\\s]*`, 'y');
const RE_DATE = new RegExp(DATE_SRC, 'y');
const RE_GROUP = /[（(]([^（）()\n]{1,40})[）)]/y;
const RE_INLINE_REPORTER = new RegExp(`(?:${ROLE_SRC})([\\u4e00-\\u9fff、]{2,16}?)(?:报道)?[：:]`, 'y');
const RE_ROLE = new RegExp(ROLE_SRC, 'g');
const RE_HAS_ROLE = new RegExp(ROLE_SRC);
const RE_CREDIT = new RegExp(
  `^(?:(?:${ROLE_SRC})|文/图|图/文|文图)?([\\u4e00-\\u9fff、]{2,16}?)(?:摄影报道|摄影|摄|供图)$`,
);
const RE_BYLINE = new RegExp(
  `^[${MARK_CHARS}]?(?:文/图|图/文|文图|文)?(?:${ROLE_SRC})((?:[\\u4e00-\\u9fff、]|/){2,24}?)(?:摄影报道|报道)?$`,
);
const RE_TRAILING = new RegExp(`[（(]((?:${ROLE_SRC})[^（）()]{2,30})[）)]$`);

/** Characters that never occur in a personal name (a char-code table: no one-char strings). */
const NOT_NAME = new Uint8Array(65536);
for (const ch of '的了是在与及等会议这那其此各们我你他她它从就将把被于之也都并而或但年月日号电讯政协委员市县区省部局厅党组摄影报道责') NOT_NAME[ch.charCodeAt(0)] = 1;

export function plausibleName(s: string): boolean {
  return plausibleNameAt(s, 0, s.length);
}

/** plausibleName(text.slice(start, end)) without the slice. */
export function plausibleNameAt(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len < 2 || len > 4) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isCjkIdeograph(c) || NOT_NAME[c] === 1) return false;
  }
  return true;
}

/** 0 = no gap, 1 = spaces, 2 = a line break between analysis chars i and i+1 in the original. */
function gapAfter(norm: Normalized, i: number): number {
  const a = norm.map[i] + 1;
  const b = norm.map[i + 1];
  if (b <= a) return 0;
  let kind = 0;
  for (let k = a; k < b; k++) {
    const c = norm.original.charCodeAt(k);
    if (c === 10 || c === 13) return 2;
    kind = 1;
  }
  return kind;
}

/**
 * Names in an analysis range holding a reporter list: roles and separators split,
 * original spaces split only when the parts are plausible names (`高 磊` is one person).
 */
export function splitNames(norm: Normalized, text: string, start: number, end: number): Span[] {
  // mark role words as separators
  const len = end - start;
  const sep = new Uint8Array(len);
  const seg = text.slice(start, end);
  // an exec loop rather than matchAll, which clones the regex on every call
  RE_ROLE.lastIndex = 0;
  for (let m = RE_ROLE.exec(seg); m !== null; m = RE_ROLE.exec(seg)) {
    for (let k = m.index; k < m.index + m[0].length; k++) sep[k] = 1;
    if (m[0].length === 0) RE_ROLE.lastIndex++;
  }
  RE_ROLE.lastIndex = 0;
  const tail = creditTail(seg);
  if (tail >= 0) sep.fill(1, tail);
  // groups split by hard separators; inside a group, tokens split at original spaces.
  // Tokens of the open group are kept as start/end pairs in analysis offsets.
  const out: Span[] = [];
  const gs: number[] = [];
  const ge: number[] = [];
  let tok = -1;
  for (let k = 0; k <= len; k++) {
    const hard = k === len || sep[k] === 1 || !isCjkIdeograph(seg.charCodeAt(k));
    if (hard) {
      if (tok >= 0) {
        gs.push(start + tok);
        ge.push(start + k);
      }
      tok = -1;
      if (gs.length > 0) flushGroup(text, gs, ge, out);
      continue;
    }
    if (tok < 0) tok = k;
    if (k + 1 < len && gapAfter(norm, start + k) === 1) {
      gs.push(start + tok);
      ge.push(start + k + 1);
      tok = -1;
    }
  }
  return out;
}

/**
 * Merges single-char tokens with a neighbour (`高 磊` → 高磊, `欧阳 明` → 欧阳明) and keeps the
 * plausible names. Tokens are adjacent in the group's text, so a merged token is a plain range.
 */
function flushGroup(text: string, gs: number[], ge: number[], out: Span[]): void {
  if (gs.length >= 4 && spacedOut(gs, ge)) {
    splitSpacedOut(text, gs, ge, out);
    gs.length = 0;
    ge.length = 0;
    return;
  }
  let ms = -1;
  let me = -1;
  for (let g = 0; g < gs.length; g++) {
    const ts = gs[g];
    const te = ge[g];
    if (ms >= 0 && (me - ms === 1 || (te - ts === 1 && me - ms <= 2))) {
      me = te;
      continue;
    }
    if (ms >= 0 && plausibleNameAt(text, ms, me)) out.push({ start: ms, end: me, text: text.slice(ms, me) });
    ms = ts;
    me = te;
  }
  if (ms >= 0 && plausibleNameAt(text, ms, me)) out.push({ start: ms, end: me, text: text.slice(ms, me) });
  gs.length = 0;
  ge.length = 0;
}

/** Every token one character: a list typeset character by character (`刘 洋 王 丽`). */
function spacedOut(gs: number[], ge: number[]): boolean {
  for (let g = 0; g < gs.length; g++) if (ge[g] - gs[g] !== 1) return false;
  return true;
}

/**
 * Splits a run of single characters into names of two, and one of three where the count is odd: the
 * three goes where the names then start with surnames (a surname table, not a list of names).
 */
function splitSpacedOut(text: string, gs: number[], ge: number[], out: Span[]): void {
  const k = gs.length;
  const sizes: number[][] = [];
  if (k % 2 === 0) sizes.push(new Array<number>(k / 2).fill(2));
  else for (let at = 0; at <= (k - 3) / 2; at++) {
    const s = new Array<number>((k - 3) / 2).fill(2);
    s.splice(at, 0, 3);
    sizes.push(s);
  }
  let best = sizes[0];
  let bestScore = -1;
  for (const s of sizes) {
    let score = 0;
    let i = 0;
    for (const len of s) {
      if (SURNAME_CODES[text.charCodeAt(gs[i])] === 1) score++;
      i += len;
    }
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  let i = 0;
  for (const len of best) {
    const a = gs[i];
    const b = ge[i + len - 1];
    if (plausibleNameAt(text, a, b)) out.push({ start: a, end: b, text: text.slice(a, b) });
    i += len;
  }
}

/** Start of a credit word ending the string (摄影报道, 摄影, 报道, 摄, 供图, 文/图, 图/文), or -1: the leftmost, i.e. the longest. */
function creditTail(seg: string): number {
  const n = seg.length;
  if (seg.endsWith('摄影报道')) return n - 4;
  if (seg.endsWith('文/图') || seg.endsWith('图/文')) return n - 3;
  if (seg.endsWith('摄影') || seg.endsWith('报道') || seg.endsWith('供图')) return n - 2;
  if (seg.endsWith('摄')) return n - 1;
  return -1;
}

const PUNCT = new Uint8Array(65536);
for (const ch of '，,：:　 、') PUNCT[ch.charCodeAt(0)] = 1;

function skipPunct(text: string, p: number): number {
  while (p < text.length && PUNCT[text.charCodeAt(p)] === 1) p++;
  return p;
}

function make(
  text: string,
  start: number,
  end: number,
  agency: string | null,
  placeSpan: Span | null,
  dateSpan: Span | null,
  reporterSpans: Span[],
  bodyStart: number,
): DatelineMatch {
  return {
    text: text.slice(start, end),
    agency,
    place: placeSpan ? placeSpan.text : null,
    reporters: reporterSpans.map((r) => r.text),
    date: dateSpan ? dateSpan.text : null,
    start,
    end,
    reporterSpans,
    placeSpan,
    dateSpan,
    bodyStart,
  };
}

/** A dateline starting exactly at `pos` (`本报平凉讯（通讯员孙景慧）3月23日`, `新华社北京3月5日电（记者 …）`, …). */
export function parseDateline(norm: Normalized, text: string, pos: number): DatelineMatch | null {
  RE_MARKS.lastIndex = pos;
  RE_MARKS.test(text); // only to move lastIndex past the marks: test builds no match array
  // 据新华社北京…电: the agency is 新华社; 据 stays in the dateline's text
  let p = RE_MARKS.lastIndex;
  const ju = text.charCodeAt(p) === 0x636e ? 1 : 0; // 据
  pos = p;
  p += ju;
  let agency: string | null = null;
  let placeSpan: Span | null = null;
  let dateSpan: Span | null = null;
  let reporters: Span[] = [];
  let hasDian = false;
  RE_BENBAO.lastIndex = p;
  let m = RE_BENBAO.exec(text);
  if (m) {
    agency = m[1];
    if (m[2]) placeSpan = { start: p + m[1].length, end: p + m[1].length + m[2].length, text: m[2] };
    p = RE_BENBAO.lastIndex;
  } else {
    RE_AGENCY.lastIndex = p;
    m = RE_AGENCY.exec(text);
    if (!m) return null;
    agency = m[1];
    const ps = p + m[1].length;
    if (m[2]) placeSpan = { start: ps, end: ps + m[2].length, text: m[2] };
    const ds = ps + m[2].length;
    dateSpan = { start: ds, end: ds + m[3].length, text: m[3] };
    hasDian = true;
    p = RE_AGENCY.lastIndex;
  }
  let end = p;
  // (记者 …) group, then date, then 电 — in either order
  for (let step = 0; step < 3; step++) {
    RE_GROUP.lastIndex = p;
    const g = RE_GROUP.exec(text);
    if (g && reporters.length === 0 && (RE_HAS_ROLE.test(g[1]) || /摄/.test(g[1]))) {
      const names = splitNames(norm, text, p + 1, RE_GROUP.lastIndex - 1);
      if (names.length > 0) {
        reporters = names;
        p = end = RE_GROUP.lastIndex;
        continue;
      }
    }
    if (!dateSpan) {
      RE_DATE.lastIndex = p;
      const d = RE_DATE.exec(text);
      if (d) {
        dateSpan = { start: p, end: RE_DATE.lastIndex, text: d[0] };
        p = end = RE_DATE.lastIndex;
        if (text[p] === '电') {
          p = end = p + 1;
          hasDian = true;
        }
        continue;
      }
    }
    if (reporters.length === 0 && agency) {
      RE_INLINE_REPORTER.lastIndex = p;
      const r = RE_INLINE_REPORTER.exec(text);
      if (r) {
        const rs = RE_INLINE_REPORTER.lastIndex - r[0].length;
        const names = splitNames(norm, text, rs, RE_INLINE_REPORTER.lastIndex - 1);
        if (names.length > 0) {
          reporters = names;
          end = RE_INLINE_REPORTER.lastIndex - 1;
          p = RE_INLINE_REPORTER.lastIndex;
          continue;
        }
      }
    }
    break;
  }
  return make(text, pos, end, agency, placeSpan, dateSpan, reporters, skipPunct(text, Math.max(p, end)));
}

/** A whole line that is a photo credit: `通讯员 董少君 摄影报道`, `张三 摄`. */
export function parseCredit(norm: Normalized, text: string, start: number, end: number): DatelineMatch | null {
  if (end - start > 40) return null;
  const line = text.slice(start, end);
  const m = RE_CREDIT.exec(line);
  if (!m) return null;
  const names = splitNames(norm, text, start, end);
  if (names.length === 0) return null;
  return make(text, start, end, null, null, null, names, end);
}

/** A commentary's byline: 本报评论员, 人民日报特约评论员 — the paper speaks, no person is named. */
const RE_COMMENTATOR = /^[■□●◆]?(本报|本刊|新华社|人民日报|[\u4e00-\u9fff]{2,4}报)?(?:特约)?评论员$/;

/** A line that is only a byline: `本报记者 张三 李四`, or a commentary's `本报评论员`. */
export function parseByline(norm: Normalized, text: string, start: number, end: number): DatelineMatch | null {
  if (end - start > 30) return null;
  const line = text.slice(start, end);
  const c = RE_COMMENTATOR.exec(line);
  if (c) return make(text, start, end, c[1] ?? null, null, null, [], end);
  const m = RE_BYLINE.exec(line);
  if (!m) return null;
  // names are read from the first role on: a leading 文/图 is not a name
  const roleAt = Math.max(0, line.search(RE_HAS_ROLE));
  const names = splitNames(norm, text, start + roleAt, end);
  if (names.length === 0) return null;
  // every char after the first role must be a name, another role or a separator, or this is prose
  // starting with 记者 (记者从会上获悉)
  const nameChars = names.reduce((a, n) => a + n.text.length, 0);
  const rest = m[1].replace(RE_ROLE, '').replace(/[、/]|摄影报道$|报道$/g, '');
  if (nameChars !== rest.length) return null;
  // the first role is where RE_BYLINE's marks and 文/图 end; 本报 opens it when the paper is named
  return make(text, start, end, line.startsWith('本报', roleAt) ? '本报' : null, null, null, names, end);
}

/** A trailing `（记者 李东华）` at the end of a body range. */
export function parseTrailing(norm: Normalized, text: string, start: number, end: number): DatelineMatch | null {
  // RE_TRAILING ends with a closing bracket: most bodies end otherwise and need no regex
  const last = end > start ? text.charCodeAt(end - 1) : -1;
  if (last !== 0xff09 && last !== 0x29) return null;
  const from = Math.max(start, end - 40);
  const m = RE_TRAILING.exec(text.slice(from, end));
  if (!m) return null;
  const s = from + m.index;
  const names = splitNames(norm, text, s + 1, end - 1);
  if (names.length === 0) return null;
  return make(text, s, end, null, null, null, names, end);
}
