// Rule-based recognisers over the analysis string: positions, persons from context,
// organisations from structure, dates. One scan per recogniser, a typed-array probe per char.
import type { Entity, EntityInfo, EntityType } from '../types';
import { isCjkIdeograph } from '../normalize';
import { plausibleName } from '../dateline';
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
  SINGLE_SURNAMES,
  STRONG_POSITIONS,
  WEAK_POSITIONS,
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
}

export interface PlaceSpan {
  start: number;
  end: number;
}

export interface RuleContext {
  /** Places already found (gazetteer), analysis offsets; used to anchor organisations. */
  places?: readonly PlaceSpan[];
}

const POSITIONS = new Keywords([...STRONG_POSITIONS, ...WEAK_POSITIONS, '党委书记', '党工委书记']);
const STRONG = new Set([...STRONG_POSITIONS, '党委书记', '党工委书记']);
const BODIES = new Keywords(ORG_BODIES);
/** A position word followed by these is part of another word (主席会议, 委员会, 书记处). */
const NOT_AFTER_POSITION = new Set('会团处台室们制站节证级职'.split(''));
/** Chars that end the phrase before a name or a place. */
const BOUNDARY = new Set('的在由和与及同对向到了日年月是为以将把被从于、，。；：！？“”‘’（）《》()·'.split(''));
/** Function chars that are rarely a surname when they precede a name (向王毅同志). */
const FUNCTION = new Set('向对和与及同在由为把将被给让请是了的从于'.split(''));
/** Two-char words that start with a surname char but are not names. */
const NOT_NAMES = new Set(
  '明确 高度 方面 全面 同时 文化 安全 文件 时间 和谐 管理 齐心 于是 单位 车辆 关于 相关 强化 成员 成立 常委 常务 秦岭 黄河 石油 金融 钟点 严格 严肃 尤其 于此 伍仟 万元 江河 华侨 向前 向着 余下 任务 任何 应该 应当 解决 通过 包括 易地 平台 平安 宁夏 海南 云南 湖南 江苏 安徽 福建 广东 广西 山东 山西 河南 河北 湖北 甘肃 青海 西藏 新疆 陕西 四川 贵州 重庆 天津 上海 北京'.split(' '),
);

function isBoundaryAt(text: string, k: number): boolean {
  if (k < 0) return true;
  const c = text.charCodeAt(k);
  return !isCjkIdeograph(c) || BOUNDARY.has(text[k]);
}

function surnameLen(text: string, s: number): number {
  if (DOUBLE_SURNAMES.has(text.substr(s, 2))) return 2;
  return SINGLE_SURNAMES.has(text[s]) ? 1 : 0;
}

function followerAt(text: string, k: number): boolean {
  if (k >= text.length) return true;
  const c = text.charCodeAt(k);
  if (!isCjkIdeograph(c)) return true;
  return NAME_FOLLOWERS.at(text, k) !== null;
}

function nameOk(text: string, s: number, L: number): boolean {
  const t = text.slice(s, s + L);
  return plausibleName(t) && !NOT_NAMES.has(t.slice(0, 2)) && POSITIONS.at(text, s) === null;
}

/** A name starting at s (after a title): surname + 1–2 chars, followed by a verb, punctuation or a list mark. */
export function nameAt(text: string, s: number): number {
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
  for (const L of [3, 2]) {
    const s = e - L;
    if (s < 0) continue;
    if (L === 3 && FUNCTION.has(text[s])) continue;
    const sl = surnameLen(text, s);
    if (sl === 0 || sl >= L) continue;
    if (!nameOk(text, s, L)) continue;
    if (needBoundary && !isBoundaryAt(text, s - 1) && !FUNCTION.has(text[s - 1]) && POSITIONS.at(text, s - 2) === null) continue;
    return L;
  }
  return 0;
}

export function findPositions(text: string, out: Cand[], orgEnds: Set<number>): void {
  const n = text.length;
  let lastEnd = -1;
  for (let i = 0; i < n; i++) {
    if (!POSITIONS.starts(text.charCodeAt(i))) continue;
    const w = POSITIONS.at(text, i);
    if (!w) continue;
    const e = i + w.length;
    if (e < n && NOT_AFTER_POSITION.has(text[e])) continue;
    let ok = STRONG.has(w);
    if (!ok) {
      ok =
        nameAt(text, e) > 0 ||
        orgEnds.has(i) ||
        (text[e] === '、' && POSITIONS.at(text, e + 1) !== null) ||
        (text[i - 1] === '、' && lastEnd === i - 1);
    }
    if (!ok) continue;
    out.push({ type: 'position', start: i, end: e, by: 'rule', prio: 2 });
    lastEnd = e;
    // title + name (+ 、name …): 主席王毅, 副主席王仁发、吴健、杨天标
    let p = e;
    let L = nameAt(text, p);
    while (L > 0) {
      out.push({ type: 'person', start: p, end: p + L, by: 'rule', prio: 3 });
      p += L;
      if (text[p] !== '、') break;
      L = nameAt(text, p + 1);
      if (L > 0) p += 1;
    }
  }
}

export function findBareNames(text: string, out: Cand[]): void {
  const n = text.length;
  for (let k = 2; k < n; k++) {
    const c = text.charCodeAt(k);
    const addr = ADDRESS.starts(c) ? ADDRESS.at(text, k) : null;
    if (addr) {
      const L = nameBefore(text, k, false);
      if (L > 0) out.push({ type: 'person', start: k - L, end: k, by: 'rule', prio: 2 });
      continue;
    }
    if (NAME_VERBS.starts(c) && NAME_VERBS.at(text, k)) {
      const L = nameBefore(text, k, true);
      if (L > 0) out.push({ type: 'person', start: k - L, end: k, by: 'rule', prio: 2 });
    }
  }
}

/** Chars of verbs and quantifiers that do not occur in an unknown place name before 市/县. */
const NOT_IN_PLACE = /[推动组织驻召开进促加强在对于全各本该每两建设做好参与要把]/;
const ALL_OF = new Set('全本各该每此'.split(''));

const RE_ZX = /政协([\u4e00-\u9fff]{1,8}?(?:自治区|自治州|自治县|省|市|县|区|州|旗))委员会/y;
const RE_ZG = /中共([\u4e00-\u9fff]{1,8}?(?:自治区|自治州|自治县|省|市|县|区|州|旗))(?:委员会|委)/y;

export function findOrganizations(text: string, out: Cand[], ctx: RuleContext): void {
  const n = text.length;
  const placeEnd = new Map<number, PlaceSpan>();
  const placeStart = new Map<number, PlaceSpan>();
  for (const p of ctx.places ?? []) {
    const cur = placeEnd.get(p.end);
    if (!cur || cur.start > p.start) placeEnd.set(p.end, p);
    const cs = placeStart.get(p.start);
    if (!cs || cs.end < p.end) placeStart.set(p.start, p);
  }
  const push = (s: number, e: number): void => {
    out.push({ type: 'organization', start: s, end: e, by: 'rule', prio: 3 });
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (NATIONAL_ORGS.starts(c)) {
      const w = NATIONAL_ORGS.at(text, i);
      if (w) push(i, i + w.length);
    }
    if (PARTIES.starts(c)) {
      const w = PARTIES.at(text, i);
      if (w) {
        let e = i + w.length;
        const pl = placeStart.get(e);
        if (pl) {
          // 民盟甘肃省委: the place's own level char starts the suffix
          const suf = PARTY_SUFFIXES.at(text, pl.end) ?? PARTY_SUFFIXES.at(text, pl.end - 1);
          if (suf) e = text.startsWith(suf, pl.end) ? pl.end + suf.length : pl.end - 1 + suf.length;
        } else {
          const suf = PARTY_SUFFIXES.at(text, e);
          if (suf) e += suf.length;
        }
        push(i, e);
      }
    }
    if (c === 0x653f && text.startsWith('政协', i)) {
      RE_ZX.lastIndex = i;
      const m = RE_ZX.exec(text);
      if (m) push(i, RE_ZX.lastIndex);
    }
    if (c === 0x4e2d && text.startsWith('中共', i)) {
      RE_ZG.lastIndex = i;
      const m = RE_ZG.exec(text);
      if (m) push(i, RE_ZG.lastIndex);
    }
    if (!BODIES.starts(c)) continue;
    const b = BODIES.at(text, i);
    if (!b) continue;
    const level = i > 0 && ORG_LEVELS.includes(text[i - 1]);
    if (b === '委' && (!level || '员会'.includes(text[i + 1] ?? ''))) continue;
    let start = -1;
    const pe = placeEnd.get(i);
    if (pe) start = pe.start;
    else if (level) {
      const pl = placeEnd.get(i - 1);
      if (pl) start = pl.start;
      else {
        // an unknown place: 2–4 chars back to a boundary (，嘉峪关市政协); otherwise just 市政协
        let k = i - 2;
        while (k >= 0 && k >= i - 6 && !isBoundaryAt(text, k)) k--;
        const len = i - 2 - k;
        const x = text.slice(k + 1, i - 1);
        start = isBoundaryAt(text, k) && len >= 2 && len <= 4 && !NOT_IN_PLACE.test(x) ? k + 1 : i - 1;
        if (ALL_OF.has(text[i - 2])) continue; // 全市政协 is not an organisation
      }
    } else if (text.startsWith('全国', i - 2)) start = i - 2;
    if (start < 0) continue;
    let e = i + b.length;
    const sub = ORG_SUBUNITS.at(text, e);
    if (sub && (sub !== '党组' || /^[\d，。；、]/.test(text[e + 2] ?? '，')) && !(sub === '常委会' && text.startsWith('会议', e + 3))) e += sub.length;
    push(start, e);
  }
}

const RE_DATE = /(?:(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?|(\d{1,2})月(?:(\d{1,2})日)?)/y;
const RE_CN_DATE = /[〇零一二三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)?|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日/y;

export function findDates(text: string, out: Cand[]): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (i > 0) {
        const p = text.charCodeAt(i - 1);
        if ((p >= 48 && p <= 57) || p === 46) continue;
      }
      RE_DATE.lastIndex = i;
      const m = RE_DATE.exec(text);
      if (m && m[0].length > 0) {
        const y = m[1] ? +m[1] : 2000;
        const mo = m[2] ? +m[2] : m[4] ? +m[4] : 1;
        const d = m[3] ? +m[3] : m[5] ? +m[5] : 1;
        if (y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
          out.push({ type: 'date', start: i, end: i + m[0].length, by: 'pattern', prio: 1 });
          i += m[0].length - 1;
          continue;
        }
      }
      while (i + 1 < n && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) i++;
    } else if (c === 0x5e74 || c === 0x6708) {
      // 年 / 月 with Chinese numerals before it: back up and try
      let k = i - 1;
      while (k >= 0 && k >= i - 4 && '〇零一二三四五六七八九十'.includes(text[k])) k--;
      if (k < i - 1) {
        RE_CN_DATE.lastIndex = k + 1;
        const m = RE_CN_DATE.exec(text);
        if (m) {
          out.push({ type: 'date', start: k + 1, end: k + 1 + m[0].length, by: 'pattern', prio: 1 });
          i = k + m[0].length;
        }
      }
    }
  }
}

/** All rule candidates (may overlap; the engine resolves overlaps). */
export function findRuleEntities(text: string, ctx: RuleContext = {}): Cand[] {
  const out: Cand[] = [];
  findOrganizations(text, out, ctx);
  const orgEnds = new Set<number>();
  for (const o of out) orgEnds.add(o.end);
  findPositions(text, out, orgEnds);
  findBareNames(text, out);
  findDates(text, out);
  // the same span can be reached from two triggers (党组书记 / 书记)
  const seen = new Set<string>();
  return out.filter((c) => {
    const k = `${c.type}:${c.start}:${c.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
