// Rule-based recognisers over the analysis string: positions, persons from context,
// organisations from structure, dates. One scan per recogniser, a typed-array probe per char.
import { unitsOf } from '../units';
import type { Entity, EntityInfo, EntityType } from '../types';
import { ENTITY_TYPES } from '../types';
import { BY_NAMES, B_PATTERN, B_RULE, CandStore, F_LOOSE, F_WEAK, T_DATE, T_ORG, T_PERSON, T_POSITION, type CandSink } from '../cands';
import { isCjkIdeograph } from '../normalize';
import { plausibleName, plausibleNameAt } from '../dateline';
import {
  ADDRESS,
  DOUBLE_SURNAMES,
  Keywords,
  NAME_FOLLOWERS,
  NAME_VERBS,
  NATIONAL_ORGS,
  ORG_BODIES,
  ORG_LEVELS,
  ORG_SUBUNITS,
  PARTIES,
  PARTY_SUFFIXES,
  SURNAME_CODES,
  codeSet,
  STRONG_POSITIONS,
  WEAK_POSITIONS,
  pairHash,
} from './lexicon';

/** A candidate entity in analysis coordinates. */
export interface Cand {
  type: EntityType;
  start: number;
  end: number;
  by: NonNullable<Entity['by']>;
  /** 3 structural certainty, 2 dictionary, 1 loose pattern, 0 model. */
  prio: number;
  info?: EntityInfo;
  /** A guess the learned model may overrule: a bare gazetteer name, a name found only before a verb. */
  weak?: boolean;
  /** A weak dictionary name run into the words around it: dropped when the model has read the text. */
  loose?: boolean;
  /** Kept on a layer of its own, inside a policy term (邓小平 in 邓小平理论). */
  layered?: boolean;
}

/**
 * A candidate with every common field present, in one order: all candidates then share one
 * hidden class and the engine's loops over them stay monomorphic. Absent info / weak are
 * undefined, which every reader treats as absent.
 */
export function cand(type: EntityType, start: number, end: number, by: Cand['by'], prio: number, info?: EntityInfo, weak?: boolean): Cand {
  return { type, start, end, by, prio, info, weak };
}

export interface PlaceSpan {
  start: number;
  end: number;
}

export interface RuleContext {
  /** Places already found (gazetteer), analysis offsets; used to anchor organisations. */
  places?: readonly PlaceSpan[];
  /** The text's code units (Prepared.units), when the caller has them: the scan reads these. */
  units?: Uint16Array;
}

const POSITIONS = new Keywords([...STRONG_POSITIONS, ...WEAK_POSITIONS, '党委书记', '党工委书记']);
const STRONG = new Set([...STRONG_POSITIONS, '党委书记', '党工委书记']);
const BODIES = new Keywords(ORG_BODIES);
/** A position word followed by these is part of another word (主席会议, 委员会, 书记处, 大使馆, 总经理助理). */
const NOT_AFTER_POSITION = codeSet('会团处台室们制站节证级职馆助');
/** Chars that end the phrase before a name or a place. */
const BOUNDARY = codeSet('的在由和与及同对向到了日年月是为以将把被从于、，。；：！？“”‘’（）《》()·');
/** Function chars that are rarely a surname when they precede a name (向王毅同志). */
const FUNCTION = codeSet('向对和与及同在由为把将被给让请是了的从于');
const LEVELS = codeSet(ORG_LEVELS);
const CN_DIGIT = codeSet('〇零一二三四五六七八九十');
const DUN = 0x3001; // 、
/** Two-char words that start with a surname char but are not names. */
const NOT_NAMES = new Set(
  '明确 高度 方面 全面 同时 文化 安全 文件 时间 和谐 管理 齐心 于是 单位 车辆 关于 相关 强化 成员 成立 常委 常务 秦岭 黄河 石油 金融 钟点 严格 严肃 尤其 于此 伍仟 万元 江河 华侨 向前 向着 余下 任务 任何 关心 关注 关怀 高兴 方便 温暖 宁静 安心 安排 安置 严重 严厉 向上 向下 成为 成果 成效 成绩 应该 应当 解决 通过 包括 易地 平台 平安 宁夏 海南 云南 湖南 江苏 安徽 福建 广东 广西 山东 山西 河南 河北 湖北 甘肃 青海 西藏 新疆 陕西 四川 贵州 重庆 天津 上海 北京'.split(' '),
);

function isBoundaryAt(text: string, k: number): boolean {
  if (k < 0) return true;
  const c = text.charCodeAt(k);
  return !isCjkIdeograph(c) || BOUNDARY[c] === 1;
}

const DOUBLE_FIRST = codeSet([...DOUBLE_SURNAMES].map((d) => d[0]));

function surnameLen(text: string, s: number): number {
  if (DOUBLE_FIRST[text.charCodeAt(s)] === 1 && DOUBLE_SURNAMES.has(text.substr(s, 2))) return 2;
  return SURNAME_CODES[text.charCodeAt(s)] === 1 ? 1 : 0;
}

function followerAt(text: string, k: number): boolean {
  if (k >= text.length) return true;
  const c = text.charCodeAt(k);
  if (!isCjkIdeograph(c)) return true;
  return NAME_FOLLOWERS.at(text, k) !== null;
}

function nameOk(text: string, s: number, L: number): boolean {
  // plausibleName(text.slice(s, s + L)), without the slice (the range may run past the text)
  return plausibleNameAt(text, s, Math.min(text.length, s + L)) && !NOT_NAMES.has(text.substr(s, 2)) && POSITIONS.at(text, s) === null;
}

/** Surname from the table, then a plausible given name (used to vet model spans). */
export function isNameShaped(s: string): boolean {
  const sl = surnameLen(s, 0);
  return sl > 0 && FUNCTION[s.charCodeAt(0)] !== 1 && s.length > sl && s.length <= sl + 2 && plausibleName(s) && !NOT_NAMES.has(s.slice(0, 2));
}

/** A name starting at s (after a title): surname + 1–2 chars, followed by a verb, punctuation or a list mark. */
export function nameAt(text: string, s: number): number {
  // 总理强调: a verb of speech right after the title is the verb, not a name (强 is a surname)
  if (NAME_VERBS.starts(text.charCodeAt(s)) && NAME_VERBS.at(text, s)) return 0;
  const sl = surnameLen(text, s);
  if (sl === 0) return 0;
  for (let g = 1; g <= 2; g++) {
    const L = sl + g;
    if (s + L > text.length) break;
    if (nameOk(text, s, L) && followerAt(text, s + L)) return L;
  }
  return 0;
}

/** A name ending at e (before 同志, 主持 …). Longest plausible, with a boundary before it when required. */
function nameBefore(text: string, e: number, needBoundary: boolean): number {
  for (let L = 3; L >= 2; L--) {
    const s = e - L;
    if (s < 0) continue;
    if (L === 3 && FUNCTION[text.charCodeAt(s)] === 1) continue;
    const sl = surnameLen(text, s);
    if (sl === 0 || sl >= L) continue;
    if (!nameOk(text, s, L)) continue;
    if (needBoundary && !isBoundaryAt(text, s - 1) && FUNCTION[text.charCodeAt(s - 1)] !== 1 && POSITIONS.at(text, s - 2) === null) continue;
    return L;
  }
  return 0;
}

interface PosState {
  lastEnd: number;
  /** End of the last person found after a title. */
  personEnd: number;
  cover: number;
  /** Bit e set where an organisation ends (a char-indexed bit set, not a Set: see endBits). */
  orgEnds: Int32Array;
}

function positionAt(text: string, i: number, out: CandSink, st: PosState): void {
  if (i < st.cover) return; // inside a longer title already taken (副主席 → 主席)
  const w = POSITIONS.at(text, i);
  if (!w) return;
  const e = i + w.length;
  if (e < text.length && NOT_AFTER_POSITION[text.charCodeAt(e)] === 1) return;
  let ok = STRONG.has(w);
  if (!ok) {
    ok =
      nameAt(text, e) > 0 ||
      hasEnd(st.orgEnds, i) ||
      (text.charCodeAt(e) === DUN && POSITIONS.at(text, e + 1) !== null) ||
      (st.lastEnd === i - 1 && text.charCodeAt(i - 1) === DUN);
  }
  if (!ok) return;
  out.add(T_POSITION, i, e, B_RULE, 2);
  st.lastEnd = e;
  st.cover = e;
  // title + name (+ 、name …): 主席王毅, 副主席王仁发、吴健、杨天标
  let p = e;
  let L = nameAt(text, p);
  while (L > 0) {
    out.add(T_PERSON, p, p + L, B_RULE, 3);
    p += L;
    st.personEnd = p;
    if (text.charCodeAt(p) !== DUN) break;
    L = nameAt(text, p + 1);
    if (L > 0) p += 1;
  }
}

function bareNameAt(text: string, k: number, out: CandSink, personEnd: number): void {
  if (k < 2 || personEnd === k) return;
  const c = text.charCodeAt(k);
  if (ADDRESS.starts(c) && ADDRESS.at(text, k)) {
    const L = nameBefore(text, k, false);
    if (L > 0) out.add(T_PERSON, k - L, k, B_RULE, 2, undefined, true);
    return;
  }
  if (NAME_VERBS.starts(c) && NAME_VERBS.at(text, k)) {
    const L = nameBefore(text, k, true);
    if (L > 0) out.add(T_PERSON, k - L, k, B_RULE, 2, undefined, true);
  }
}

/** Chars of verbs and quantifiers that do not occur in an unknown place name before 市/县. */
const NOT_IN_PLACE = /[推动组织驻召开进促加强在对于全各本该每两建设做好参与要把]/;
const ALL_OF = codeSet('全本各该每此');

/**
 * A 委 (委员会 when `full`) starting in [from, to]: where RE_ZX / RE_ZG put it after a place name
 * of one to eight chars and its level. Most 政协 and 中共 have none there, and skip the regex.
 */
function wei(text: string, from: number, to: number, full: boolean): boolean {
  const last = Math.min(to, text.length - 1);
  for (let p = from; p <= last; p++) {
    if (text.charCodeAt(p) === 0x59d4 && (!full || (text.charCodeAt(p + 1) === 0x5458 && text.charCodeAt(p + 2) === 0x4f1a))) return true;
  }
  return false;
}

const RE_ZX = /政协([\u4e00-\u9fff]{1,8}?(?:自治区|自治州|自治县|省|市|县|区|州|旗))委员会/y;
const RE_ZG = /中共([\u4e00-\u9fff]{1,8}?(?:自治区|自治州|自治县|省|市|县|区|州|旗))(?:委员会|委)/y;

/**
 * Integer position → integer value, open addressing in two typed arrays (-1 = absent): the
 * lookups run for every organisation body found, and a Map of objects costs a hash probe, a
 * boxed entry and a pointer chase each time.
 */
interface PosMap {
  keys: Int32Array;
  vals: Int32Array;
  shift: number;
  mask: number;
}

function posMap(size: number): PosMap {
  let bits = 4;
  while (1 << bits < size * 2) bits++;
  return { keys: new Int32Array(1 << bits).fill(-1), vals: new Int32Array(1 << bits), shift: 32 - bits, mask: (1 << bits) - 1 };
}

function pmSlot(m: PosMap, key: number): number {
  const keys = m.keys;
  let h = Math.imul(key, 0x9e3779b1) >>> m.shift;
  for (;;) {
    const k = keys[h];
    if (k === key || k === -1) return h;
    h = (h + 1) & m.mask;
  }
}

/** The value at `key`, or -1. */
function pmGet(m: PosMap, key: number): number {
  if (key < 0) return -1;
  const h = pmSlot(m, key);
  return m.keys[h] === key ? m.vals[h] : -1;
}

interface OrgState {
  /** Place end → the smallest start of a place ending there. */
  placeEnd: PosMap;
  /** Place start → the largest end of a place starting there. */
  placeStart: PosMap;
}

function orgState(ctx: RuleContext): OrgState {
  const places = ctx.places ?? [];
  const placeEnd = posMap(places.length);
  const placeStart = posMap(places.length);
  for (let k = 0; k < places.length; k++) {
    const p = places[k];
    let h = pmSlot(placeEnd, p.end);
    if (placeEnd.keys[h] !== p.end) {
      placeEnd.keys[h] = p.end;
      placeEnd.vals[h] = p.start;
    } else if (placeEnd.vals[h] > p.start) placeEnd.vals[h] = p.start;
    h = pmSlot(placeStart, p.start);
    if (placeStart.keys[h] !== p.start) {
      placeStart.keys[h] = p.start;
      placeStart.vals[h] = p.end;
    } else if (placeStart.vals[h] < p.end) placeStart.vals[h] = p.end;
  }
  return { placeEnd, placeStart };
}

/**
 * One bit per analysis char (an eighth of a byte table): a text-length buffer of that size is
 * allocated outside the heap and its size counts towards the next full collection.
 */
function endBits(n: number): Int32Array {
  return new Int32Array((n >>> 5) + 1);
}

function hasEnd(bits: Int32Array, e: number): boolean {
  return ((bits[e >>> 5] >>> (e & 31)) & 1) === 1;
}

function setEnd(bits: Int32Array, e: number): void {
  bits[e >>> 5] |= 1 << (e & 31);
}

function pushOrg(out: CandSink, orgEnds: Int32Array, s: number, e: number): void {
  out.add(T_ORG, s, e, B_RULE, 3);
  setEnd(orgEnds, e);
}

/** Characters that make a word with a following 民 (公民, 人民, 农民, 居民 …). */
const MIN_WORD_HEAD = codeSet('公人农居国选网村移牧渔军全平难灾股烟彩臣殖贫饥藏回');

function orgAt(text: string, i: number, f: number, out: CandSink, st: OrgState, orgEnds: Int32Array): void {
  const { placeEnd, placeStart } = st;
  {
    const c = text.charCodeAt(i);
    if (f & F_NAT) {
      const w = NATIONAL_ORGS.at(text, i);
      // 教育部门 is "the education departments", not 教育部
      if (w && !(w.endsWith('部') && text.charCodeAt(i + w.length) === 0x95e8 /* 门 */)) pushOrg(out, orgEnds, i, i + w.length);
    }
    if (f & F_PARTY) {
      const w = PARTIES.at(text, i);
      // 公民进而, 人民革命: a 民- abbreviation right after a word ending in 民 is that word's tail
      if (w && !(c === 0x6c11 && i > 0 && MIN_WORD_HEAD[text.charCodeAt(i - 1)] === 1)) {
        let e = i + w.length;
        const plEnd = pmGet(placeStart, e);
        if (plEnd >= 0) {
          // 民盟甘肃省委: the place's own level char starts the suffix
          const suf = PARTY_SUFFIXES.at(text, plEnd) ?? PARTY_SUFFIXES.at(text, plEnd - 1);
          if (suf) e = text.startsWith(suf, plEnd) ? plEnd + suf.length : plEnd - 1 + suf.length;
        } else {
          const suf = PARTY_SUFFIXES.at(text, e);
          if (suf) e += suf.length;
        }
        pushOrg(out, orgEnds, i, e);
      }
    }
    if (c === 0x653f && (f & F_NAT) && text.charCodeAt(i + 1) === 0x534f /* 协 */ && wei(text, i + 4, i + 13, true)) {
      RE_ZX.lastIndex = i;
      const m = RE_ZX.exec(text);
      if (m) pushOrg(out, orgEnds, i, RE_ZX.lastIndex);
    }
    if (c === 0x4e2d && (f & F_NAT) && text.charCodeAt(i + 1) === 0x5171 /* 共 */ && wei(text, i + 4, i + 13, false)) {
      RE_ZG.lastIndex = i;
      const m = RE_ZG.exec(text);
      if (m) pushOrg(out, orgEnds, i, RE_ZG.lastIndex);
    }
    if (!(f & F_BODY)) return;
    const b = BODIES.at(text, i);
    if (!b) return;
    const level = i > 0 && LEVELS[text.charCodeAt(i - 1)] === 1;
    if (b === '委' && (!level || text.charCodeAt(i + 1) === 0x5458 || text.charCodeAt(i + 1) === 0x4f1a)) return;
    let start = -1;
    const pe = pmGet(placeEnd, i);
    if (pe >= 0) start = chainStart(placeEnd, pe);
    else if (level) {
      const pl = pmGet(placeEnd, i - 1);
      if (pl >= 0) start = chainStart(placeEnd, pl);
      else {
        // an unknown place: 2–4 chars back to a boundary (，嘉峪关市政协); otherwise just 市政协
        let k = i - 2;
        while (k >= 0 && k >= i - 6 && !isBoundaryAt(text, k)) k--;
        const len = i - 2 - k;
        const x = text.slice(k + 1, i - 1);
        start = isBoundaryAt(text, k) && len >= 2 && len <= 4 && !NOT_IN_PLACE.test(x) ? k + 1 : i - 1;
        if (ALL_OF[text.charCodeAt(i - 2)] === 1) return; // 全市政协 is not an organisation
      }
    }
    if (start < 0) return;
    let e = i + b.length;
    const sub = ORG_SUBUNITS.at(text, e);
    if (sub && (sub !== '党组' || /^[\d，。；、]/.test(text[e + 2] ?? '，')) && !(sub === '常委会' && text.startsWith('会议', e + 3))) e += sub.length;
    pushOrg(out, orgEnds, start, e);
  }
}

/** 武威市凉州区: a place directly after another place extends the org to the left. */
function chainStart(placeEnd: PosMap, start: number): number {
  for (let guard = 0; guard < 4; guard++) {
    const prev = pmGet(placeEnd, start);
    if (prev < 0) break;
    start = prev;
  }
  return start;
}

/** 省科技厅, 市教育局: level (or place) + 1–6 chars + 厅/局, found from the 厅/局. */
function deptAt(text: string, i: number, out: CandSink, st: OrgState, orgEnds: Int32Array): void {
  const next = text.charCodeAt(i + 1);
  if (next === 0x957f || hasEnd(orgEnds, i + 1)) return; // 局长 / 厅长; or a listed body already ends here
  for (let k = i - 1; k >= 0 && k >= i - 7; k--) {
    const c = text.charCodeAt(k);
    if (!isCjkIdeograph(c) || BOUNDARY[c] === 1 || FUNCTION[c] === 1) return;
    if (LEVELS[c] === 1 && k < i - 1) {
      let pl = pmGet(st.placeEnd, k + 1);
      if (pl < 0) pl = pmGet(st.placeEnd, k);
      const start = pl >= 0 ? chainStart(st.placeEnd, pl) : k;
      out.add(T_ORG, start, i + 1, B_RULE, 3);
      setEnd(orgEnds, i + 1);
      return;
    }
  }
}

const NIAN = 0x5e74; // 年
const YUE = 0x6708; // 月
const RI = 0x65e5; // 日

function isDigitAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c >= 48 && c <= 57;
}

/** Length of the digit run at p when it is one or two digits long, else 0. */
function shortNumberAt(text: string, p: number): number {
  if (!isDigitAt(text, p)) return 0;
  if (!isDigitAt(text, p + 1)) return 1;
  return isDigitAt(text, p + 2) ? 0 : 2;
}

/**
 * Digits in \d{1,2}<unit> at p, as a regex with backtracking reads them: 2, 1, or 0 for none.
 * (Two digits not followed by the unit cannot back off to one: the second is not the unit.)
 */
function numberBefore(text: string, p: number, unit: number): number {
  const k = shortNumberAt(text, p);
  return k > 0 && text.charCodeAt(p + k) === unit ? k : 0;
}

/** Value of the ASCII digits text[p, p + len). */
function digitValue(text: string, p: number, len: number): number {
  let v = 0;
  for (let k = p; k < p + len; k++) v = v * 10 + text.charCodeAt(k) - 48;
  return v;
}

/** - . / and their full-width forms (normalize folds full-width digits, not these). */
function isDateSep(c: number): boolean {
  return (c >= 45 && c <= 47) || (c >= 0xff0d && c <= 0xff0f);
}

/**
 * End of YYYY<sep>M<sep>D at i (four digits and sep already seen), or -1. The same separator
 * twice; month and day of one or two digits. Followed by a dot or the same separator and a digit,
 * the number goes on (1.2.3.4, 2024-06-12-7): not a date, unless another date in the same style
 * follows (the range 2024-06-01-2024-06-30). A time after it (10:05) stays outside.
 */
function numericDateEnd(text: string, i: number, sep: number): number {
  // Nor a date inside an address or file path (/2024-06-12/, /2024/06/12).
  if (i > 0 && (text.charCodeAt(i - 1) === 47 || text.charCodeAt(i - 1) === 0xff0f)) return -1;
  const y = digitValue(text, i, 4);
  if (y < 1900 || y > 2100) return -1;
  let p = i + 5;
  let k = shortNumberAt(text, p);
  if (k === 0) return -1;
  const mo = digitValue(text, p, k);
  p += k;
  if (text.charCodeAt(p) !== sep) return -1;
  p++;
  k = shortNumberAt(text, p);
  if (k === 0) return -1;
  const d = digitValue(text, p, k);
  p += k;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return -1;
  const c = text.charCodeAt(p);
  // A path goes on after its separator (…/2024/06/12/content_1.htm): not a date.
  if (c === sep && !isDigitAt(text, p + 1)) return -1;
  if ((c === sep || c === 46 || c === 0xff0e) && isDigitAt(text, p + 1)) {
    const range = c === sep && isDigitAt(text, p + 2) && isDigitAt(text, p + 3) && isDigitAt(text, p + 4) && text.charCodeAt(p + 5) === sep;
    if (!range) return -1;
  }
  return p;
}

const RE_CN_DATE = /[〇零一二三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)?|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日/y;

/** A date starting at i; returns the index to continue from. */
function dateAt(text: string, i: number, out: CandSink): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) {
    if (i > 0) {
      const p = text.charCodeAt(i - 1);
      if ((p >= 48 && p <= 57) || p === 46) return i;
    }
    // (\d{4})年((\d{1,2})月((\d{1,2})日)?)? or (\d{1,2})月((\d{1,2})日)?, read without a regex:
    // a match array and its group strings for every number in the text added up
    let y = 2000;
    let mo = 1;
    let d = 1;
    let p = i;
    let k = 0;
    if (isDigitAt(text, i + 1) && isDigitAt(text, i + 2) && isDigitAt(text, i + 3)) {
      const s = text.charCodeAt(i + 4);
      if (s === NIAN) {
        y = digitValue(text, i, 4);
        p = i + 5;
        k = numberBefore(text, p, YUE);
      } else {
        // four digits without 年 cannot start N月; only 2024-06-12 and its kin can follow
        if (isDateSep(s)) {
          const e = numericDateEnd(text, i, s);
          if (e > 0) {
            out.add(T_DATE, i, e, B_PATTERN, 1);
            return e - 1;
          }
        }
        p = -1;
      }
    } else {
      k = numberBefore(text, p, YUE);
      if (k === 0) p = -1; // no match
    }
    if (p >= 0) {
      if (k > 0) {
        mo = digitValue(text, p, k);
        p += k + 1;
        k = numberBefore(text, p, RI);
        if (k > 0) {
          d = digitValue(text, p, k);
          p += k + 1;
        }
      }
      if (y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
        out.add(T_DATE, i, p, B_PATTERN, 1);
        return p - 1;
      }
    }
    while (i + 1 < n && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) i++;
    return i;
  }
  // 年 / 月 with Chinese numerals before it: back up and try
  let k = i - 1;
  while (k >= 0 && k >= i - 4 && CN_DIGIT[text.charCodeAt(k)] === 1) k--;
  if (k < i - 1) {
    RE_CN_DATE.lastIndex = k + 1;
    const m = RE_CN_DATE.exec(text);
    if (m) {
      out.add(T_DATE, k + 1, k + 1 + m[0].length, B_PATTERN, 1);
      return Math.max(i, k + m[0].length);
    }
  }
  return i;
}

const F_POS = 1;
const F_NAME = 2;
const F_DATE = 4;
const F_NAT = 8;
const F_PARTY = 16;
const F_BODY = 32;
const F_DEPT = 64;
const F_ORG = F_NAT | F_PARTY | F_BODY;
const FLAGS = new Uint8Array(65536);
/** The code units given a flag: SCAN_FLAGS is derived for these only (a loop over all 65,536 cost 3.5 ms of start-up). */
const flagged: number[] = [];
const flag = (c: number, f: number) => {
  if (FLAGS[c] === 0) flagged.push(c);
  FLAGS[c] |= f;
};
for (const c of POSITIONS.firstChars()) flag(c, F_POS);
for (const c of [...ADDRESS.firstChars(), ...NAME_VERBS.firstChars()]) flag(c, F_NAME);
for (const c of [...NATIONAL_ORGS.firstChars(), 0x653f, 0x4e2d]) flag(c, F_NAT); // 政协X委员会, 中共X委 start like national names
for (const c of PARTIES.firstChars()) flag(c, F_PARTY);
for (const c of BODIES.firstChars()) flag(c, F_BODY);
flag(0x5385, F_DEPT); // 厅
flag(0x5c40, F_DEPT); // 局
for (let c = 48; c <= 57; c++) flag(c, F_DATE);
flag(0x5e74, F_DATE);
flag(0x6708, F_DATE);

// The keyword recognisers only act where a word starts, and their first chars (一, 大, 会, 人 …)
// are a large share of any text: they are asked only where the char pair starts a word of one
// of their tables (a hashed bit set, tested without a branch), or the char is a word itself.
const F_WORDS = F_POS | F_NAME | F_NAT | F_PARTY | F_BODY;
/**
 * Per code unit, one load: the flags that do not need the pair gate (dates, departments and
 * one-char words) in the low byte, the ones that do in the high byte.
 */
const GATED_SHIFT = 8;
const SCAN_FLAGS = new Uint16Array(65536);
const GATE = new Int32Array(2048);
for (const c of flagged) SCAN_FLAGS[c] = ((FLAGS[c] & F_WORDS) << GATED_SHIFT) | (FLAGS[c] & ~F_WORDS);
for (const kw of [POSITIONS, BODIES, NATIONAL_ORGS, PARTIES, ADDRESS, NAME_VERBS]) {
  kw.markPairs(GATE);
  for (const c of kw.singleChars()) SCAN_FLAGS[c] |= FLAGS[c] & F_WORDS;
}
for (const w of ['政协', '中共']) {
  const h = pairHash(w.charCodeAt(0), w.charCodeAt(1));
  GATE[h >>> 5] |= 1 << (h & 31);
}

/** Candidate k of a store as an object, as cand() builds it (the store's loose flag included). */
export function candAt(st: CandStore, k: number): Cand {
  const f = st.flags[k];
  const c = cand(st.typeName(k), st.start[k], st.end[k], BY_NAMES[st.by[k]], st.prio[k], st.info[k], (f & F_WEAK) !== 0 ? true : undefined);
  if ((f & F_LOOSE) !== 0) c.loose = true;
  return c;
}

/** candAt's inverse: a candidate as a row of the store. */
export function pushCand(st: CandStore, c: Cand): void {
  st.push(ENTITY_TYPES.indexOf(c.type), c.start, c.end, BY_NAMES.indexOf(c.by), c.prio, c.info, (c.weak === true ? F_WEAK : 0) | (c.loose === true ? F_LOOSE : 0));
}

/** All rule candidates in one pass (may overlap; the engine resolves overlaps). */
export function findRuleEntities(text: string, ctx: RuleContext = {}, out: Cand[] = []): Cand[] {
  const st = new CandStore(64);
  scanRules(text, ctx, st);
  for (let k = 0; k < st.n; k++) out.push(candAt(st, k));
  return out;
}

/** findRuleEntities into a sink (the engine's candidate columns). */
export function scanRules(text: string, ctx: RuleContext, out: CandSink): void {
  const orgEnds = endBits(text.length + 2);
  const org = orgState(ctx);
  const pos: PosState = { lastEnd: -1, personEnd: -1, cover: 0, orgEnds };
  const n = text.length;
  // Indexed loads from code units are cheaper than charCodeAt; the engine passes the ones it has.
  const units = unitsOf(text, ctx.units);
  let next = n > 0 ? units[0] : 0;
  for (let i = 0; i < n; i++) {
    const c = next;
    next = i + 1 < n ? units[i + 1] : 0;
    const h = pairHash(c, next);
    const g = SCAN_FLAGS[c];
    const f = (g & 0xff) | ((g >>> GATED_SHIFT) & -((GATE[h >>> 5] >>> (h & 31)) & 1));
    if (f === 0) continue;
    if (f & F_ORG) orgAt(text, i, f, out, org, orgEnds);
    if (f & F_DEPT) deptAt(text, i, out, org, orgEnds);
    if (f & F_POS) positionAt(text, i, out, pos);
    if (f & F_NAME) bareNameAt(text, i, out, pos.personEnd);
    if (f & F_DATE) {
      const j = dateAt(text, i, out);
      if (j !== i) {
        i = j;
        next = i + 1 < n ? units[i + 1] : 0;
      }
    }
  }
}

