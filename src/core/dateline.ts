// Datelines, bylines and photo credits. Parsing runs on the analysis string; reporter
// names are split where the ORIGINAL text had spaces (PDF layers put spaces inside names).
import type { Normalized } from './normalize';
import { isCjkIdeograph } from './normalize';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A parsed dateline, offsets in analysis coordinates. */
export interface DatelineMatch {
  text: string;
  agency: string | null;
  place: string | null;
  reporters: string[];
  date: string | null;
  start: number;
  end: number;
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

const RE_BENBAO = /(本报|本刊)([\u4e00-\u9fff]{0,8}?)讯/y;
const RE_AGENCY = new RegExp(`(${AGENCIES}|[\\u4e00-\\u9fff]{2,6}?(?:社|网|报|台))([\\u4e00-\\u9fff]{0,8}?)(${DATE_SRC})(?:电|消息)`, 'y');
const RE_DATE = new RegExp(DATE_SRC, 'y');
const RE_GROUP = /[（(]([^（）()\n]{1,40})[）)]/y;
const RE_INLINE_REPORTER = new RegExp(`(?:${ROLE_SRC})([\\u4e00-\\u9fff、]{2,16}?)(?:报道)?[：:]`, 'y');
const RE_ROLE = new RegExp(ROLE_SRC, 'g');
const RE_HAS_ROLE = new RegExp(ROLE_SRC);
const RE_CREDIT = new RegExp(
  `^(?:(?:${ROLE_SRC})|文/图|图/文|文图)?([\\u4e00-\\u9fff、]{2,16}?)(?:摄影报道|摄影|摄|供图)$`,
);
const RE_BYLINE = new RegExp(`^(?:${ROLE_SRC})([\\u4e00-\\u9fff、]{2,16})$`);
const RE_TRAILING = new RegExp(`[（(]((?:${ROLE_SRC})[^（）()]{2,30})[）)]$`);

/** Characters that never occur in a personal name. */
const NOT_NAME = new Set(
  '的了是在与及等会议这那其此各们我你他她它从就将把被于之也都并而或但年月日号电讯政协委员市县区省部局厅党组摄影报道责'.split(''),
);

export function plausibleName(s: string): boolean {
  if (s.length < 2 || s.length > 4) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isCjkIdeograph(c)) return false;
  }
  for (let i = 0; i < s.length; i++) if (NOT_NAME.has(s[i])) return false;
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
  const sep = new Uint8Array(end - start);
  const seg = text.slice(start, end);
  // an exec loop rather than matchAll, which clones the regex on every call
  RE_ROLE.lastIndex = 0;
  for (let m = RE_ROLE.exec(seg); m !== null; m = RE_ROLE.exec(seg)) {
    for (let k = m.index; k < m.index + m[0].length; k++) sep[k] = 1;
    if (m[0].length === 0) RE_ROLE.lastIndex++;
  }
  RE_ROLE.lastIndex = 0;
  const tail = /(?:摄影报道|摄影|报道|摄|供图|文\/图|图\/文)$/.exec(seg);
  if (tail) for (let k = tail.index; k < seg.length; k++) sep[k] = 1;
  // groups split by hard separators; inside a group, tokens split at original spaces
  const out: Span[] = [];
  let group: Span[] = [];
  let tok = -1;
  const flushGroup = (): void => {
    // merge single-char tokens with a neighbour: `高 磊` → 高磊, `欧阳 明` → 欧阳明
    const merged: Span[] = [];
    for (let g = 0; g < group.length; g++) {
      const t = group[g];
      const prev = merged[merged.length - 1];
      if (prev && (prev.text.length === 1 || (t.text.length === 1 && prev.text.length <= 2))) {
        prev.end = t.end;
        prev.text += t.text;
      } else merged.push({ ...t });
    }
    for (const t of merged) if (plausibleName(t.text)) out.push(t);
    group = [];
  };
  const closeTok = (k: number): void => {
    if (tok >= 0) group.push({ start: start + tok, end: start + k, text: seg.slice(tok, k) });
    tok = -1;
  };
  for (let k = 0; k < seg.length; k++) {
    const c = seg.charCodeAt(k);
    const hard = sep[k] === 1 || !isCjkIdeograph(c);
    if (hard) {
      closeTok(k);
      flushGroup();
      continue;
    }
    if (tok < 0) tok = k;
    if (k + 1 < seg.length && gapAfter(norm, start + k) === 1) closeTok(k + 1);
  }
  closeTok(seg.length);
  flushGroup();
  return out;
}

function skipPunct(text: string, p: number): number {
  while (p < text.length && '，,：:　 、'.includes(text[p])) p++;
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
  let p = pos;
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
    if (reporters.length === 0 && agency && !hasDian) {
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

/** A line that is only a byline: `本报记者 张三 李四`. */
export function parseByline(norm: Normalized, text: string, start: number, end: number): DatelineMatch | null {
  if (end - start > 30) return null;
  const line = text.slice(start, end);
  const m = RE_BYLINE.exec(line);
  if (!m) return null;
  const names = splitNames(norm, text, start, end);
  if (names.length === 0) return null;
  // every non-role char must belong to a name, or this is prose starting with 记者
  const nameChars = names.reduce((a, n) => a + n.text.length, 0);
  if (nameChars !== m[1].replace(/、/g, '').length) return null;
  return make(text, start, end, line.startsWith('本报') ? '本报' : null, null, null, names, end);
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
