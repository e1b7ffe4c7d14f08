// Place gazetteer: Chinese administrative divisions (province, prefecture, county) plus
// hand-curated countries, rivers, mountains and regions. Data: ./compiled (generated).
import type { EntityInfo } from '../types';
import { DIVISIONS, EXTRAS, NAME_ENTRIES, NAMES, PLACE_PARENTS, STOP_ENTRIES, STOP_NAMES, TRIE_EDGES } from './compiled';

export type DivisionKind = 'province' | 'prefecture' | 'county';
/** Division kinds, or the `type` of an extra place (country, river, lake, mountain, region …). */
export type PlaceKind = DivisionKind | string;

export interface PlaceInfo {
  /** Division code (6 digits), ISO 3166 alpha-2 for countries, `x:<name>` for other extras. */
  id: string;
  /** Full name: 平凉市, 临夏回族自治州, 美国, 黄河. */
  name: string;
  kind: PlaceKind;
  /** 1 province, 2 prefecture, 3 county; 0 for places outside the division tree. */
  level: 0 | 1 | 2 | 3;
  /** Parent division code (divisions only). */
  parentId?: string;
  /** Parent names from the top down. */
  parents: string[];
  /** Short form used for matching (平凉); absent when none or when it is stoplisted. */
  short?: string;
  /** Other names that match (美利坚合众国, 珠峰). */
  aliases: string[];
}

export interface PlaceMatch {
  start: number;
  end: number;
  text: string;
  info: EntityInfo;
  place: PlaceInfo;
  /** Matched by a short form (平凉) rather than a full name or alias. */
  viaShort: boolean;
  /** Number of distinct places sharing the matched name (1 = unambiguous). */
  candidates: number;
}

export interface FindPlacesOptions {
  /** Province of the page (甘肃, 甘肃省 or 620000); ambiguous names prefer it. */
  provinceHint?: string;
}

type Form = 'full' | 'short' | 'stop' | 'weak';
/** Form codes of the encoded entries (build.ts FORMS). */
const FORMS: readonly Form[] = ['full', 'short', 'stop', 'weak'];
interface Entry {
  place: PlaceInfo;
  form: Form;
  /** provinceOf(place), worked out once the tree is built. */
  province?: string;
}

/** A matchable name with the context-free parts of accept() worked out once. */
interface Key {
  key: string;
  /** Entries that are not stoplisted, best first (never mutated). */
  usable: Entry[];
  hasWeak: boolean;
  /** Flags over `usable` (only used when there is no weak entry). */
  shortOrLandscape: boolean;
  shortOrExtra: boolean;
  shortCounty: boolean;
}

/**
 * The name trie in typed arrays: root transitions by code unit, other edges in an
 * open-addressing hash of (node, code unit). Node 0 is "none"; term[node] is a name index or -1.
 * Built lazily, one first unit at a time: root[c] < 0 marks names starting with c (from name
 * -root[c] - 1 on, in code-unit order) whose branch is not built yet.
 */
interface Trie {
  root: Int32Array;
  /** Per code unit: bit 0 = starts a name, bit 1 = second unit of a name. */
  cls: Uint8Array;
  /** Hashed bit set of the first two units of every name (all names have two or more). */
  pairs: Int32Array;
  term: Int32Array;
  edgeFrom: Int32Array;
  edgeUnit: Uint16Array;
  edgeTo: Int32Array;
  mask: number;
  /** Nodes made so far (node ids start at 1). */
  nodes: number;
}

/**
 * The name table of compiled.ts (worked out at build time by build.ts), decoded on demand: names in
 * code-unit order, matched ones first (indices 0 … names.length − 1), then those only stoplisted; a
 * name's entries, its Key and a place's object are made when first asked for.
 */
interface Gazetteer {
  names: string[];
  /** Per name, its entries as an encodeInts string. */
  codes: string[];
  stopNames: string[];
  stopCodes: string[];
  entries: (Entry[] | undefined)[];
  keys: (Key | undefined)[];
  trie: Trie;
}

const KIND_LABEL: Record<string, string> = {
  country: '国家', continent: '大洲', region: '地区', zone: '新区', river: '河流', lake: '湖泊',
  reservoir: '水库', sea: '海洋', mountain: '山', plateau: '高原', basin: '盆地平原', desert: '沙漠',
  gorge: '峡谷', site: '名胜', island: '岛屿', city: '城市',
};

let cache: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  if (cache) return cache;
  const names = NAMES.split('\n');
  cache = {
    names,
    codes: NAME_ENTRIES.split('\n'),
    stopNames: STOP_NAMES.split('\n'),
    stopCodes: STOP_ENTRIES.split('\n'),
    entries: [],
    keys: [],
    trie: trieRoots(names),
  };
  return cache;
}

/** The entries of name `i` (stoplisted-only names after the matched ones), best first. */
function entriesOf(g: Gazetteer, i: number): Entry[] {
  let list = g.entries[i];
  if (!list) {
    const n = g.names.length;
    const s = i < n ? g.codes[i] : g.stopCodes[i - n];
    list = [];
    // encodeInts digits: base 32, a digit ≥ 32 continues the value
    for (let k = 0, v = 0, mul = 1; k < s.length; k++) {
      const d = B64.indexOf(s[k]);
      v += (d & 31) * mul;
      if (d & 32) mul *= 32;
      else {
        const place = placeByIndex(v >>> 2);
        list.push({ place, form: FORMS[v & 3], province: provinceOf(place) });
        v = 0;
        mul = 1;
      }
    }
    g.entries[i] = list;
  }
  return list;
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function keyOf(g: Gazetteer, i: number): Key {
  let k = g.keys[i];
  if (!k) {
    const usable = entriesOf(g, i).filter((e) => e.form !== 'stop');
    k = {
      key: g.names[i],
      usable,
      hasWeak: usable.some((e) => e.form === 'weak'),
      shortOrLandscape: usable.every((e) => e.form === 'short' || (e.place.level === 0 && e.place.kind !== 'country')),
      shortOrExtra: usable.every((e) => e.form === 'short' || e.place.level === 0),
      shortCounty: usable.every((e) => e.form === 'short' && e.place.level >= 2),
    };
    g.keys[i] = k;
  }
  return k;
}

/** Index of `name` in a sorted list, or -1. */
function indexIn(list: readonly string[], name: string): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = list[mid];
    if (m === name) return mid;
    if (m < name) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of `name` among all names (matched, then stoplisted-only), or -1. */
function nameIndex(g: Gazetteer, name: string): number {
  const i = indexIn(g.names, name);
  if (i >= 0) return i;
  const j = indexIn(g.stopNames, name);
  return j < 0 ? -1 : g.names.length + j;
}

// Places by index (division rows, then extra rows), made on first use.
const places: (PlaceInfo | undefined)[] = [];
let divRows: string[] | undefined;
let extraRows: string[] | undefined;
let parentOf: number[] | undefined;
const KINDS: DivisionKind[] = ['province', 'prefecture', 'county'];

function placeByIndex(i: number): PlaceInfo {
  const got = places[i];
  if (got) return got;
  divRows ??= DIVISIONS.split('\n');
  let place: PlaceInfo;
  if (i < divRows.length) {
    parentOf ??= JSON.parse(PLACE_PARENTS) as number[];
    const [code, rawName, lvl, parent, rawShort] = divRows[i].split('\t');
    const weak = rawName.startsWith('~');
    const name = weak ? rawName.slice(1) : rawName;
    const level = Number(lvl) as 1 | 2 | 3;
    const stop = rawShort.startsWith('-');
    const short = stop ? rawShort.slice(1) : rawShort;
    const up = parentOf[i] > 0 ? placeByIndex(parentOf[i] - 1) : undefined;
    // Same keys in the same order as the table built in one pass (build.ts buildNames).
    place = {
      id: code, name, kind: KINDS[level - 1], level, parents: up ? [...up.parents, up.name] : [], aliases: [],
      ...(parent ? { parentId: parent } : {}), ...(short && !stop ? { short } : {}),
    };
    if (short && name.endsWith('自治州') && !short.endsWith('州')) place.aliases.push(short + '州');
  } else {
    extraRows ??= EXTRAS.split('\n');
    const [id, name, type, parents, aliases] = extraRows[i - divRows.length].split('\t');
    place = {
      id, name, kind: type, level: 0,
      parents: parents ? parents.split(',') : [], aliases: aliases ? aliases.split(',') : [],
    };
  }
  places[i] = place;
  return place;
}

let byIdMap: Map<string, PlaceInfo> | undefined;
/** Places by id (a later row of the same id wins, as in the one-pass table). */
function byId(): Map<string, PlaceInfo> {
  if (!byIdMap) {
    divRows ??= DIVISIONS.split('\n');
    extraRows ??= EXTRAS.split('\n');
    byIdMap = new Map();
    for (let i = 0; i < divRows.length + extraRows.length; i++) {
      const p = placeByIndex(i);
      byIdMap.set(p.id, p);
    }
  }
  return byIdMap;
}

/** The filters (cls, pairs) and the root marks of the trie; branches are built by branch(). */
function trieRoots(names: readonly string[]): Trie {
  const root = new Int32Array(65536);
  const cls = new Uint8Array(65536);
  const pairs = new Int32Array(PAIR_WORDS);
  let c0 = -1;
  let c1 = -1;
  for (let idx = 0; idx < names.length; idx++) {
    const key = names[idx];
    const c = key.charCodeAt(0);
    const d = key.length < 2 ? -1 : key.charCodeAt(1);
    // In code-unit order names with the same first two units are neighbours: one visit sets their bits.
    if (c === c0 && d === c1) continue;
    c0 = c;
    c1 = d;
    if (root[c] === 0) root[c] = -idx - 1;
    cls[c] |= 1;
    if (d < 0) {
      // a one-unit name would pass with any next unit (0 past the end): mark every pair for it
      pairs.fill(-1);
      for (let u = 0; u < 65536; u++) cls[u] |= 2;
    } else {
      cls[d] |= 2;
      const h = (Math.imul(c, 0x9e3779b1) ^ Math.imul(d, 0x85ebca6b)) >>> (32 - PAIR_LOG); // pairHash, inlined
      pairs[h >>> 5] |= 1 << (h & 31);
    }
  }
  // The same hash size as a whole trie of these names would get.
  let size = 16;
  while (size < TRIE_EDGES * 2) size *= 2;
  return {
    root, cls, pairs, term: new Int32Array(NAMES.length + 2).fill(-1),
    edgeFrom: new Int32Array(size), edgeUnit: new Uint16Array(size), edgeTo: new Int32Array(size), mask: size - 1, nodes: 1,
  };
}

/**
 * Builds the branch of the names starting at name `from` (all with its first unit) and returns its
 * node. In code-unit order a name shares with the previous one exactly its longest prefix already in
 * the branch, so nodes are made along one path, with no child maps.
 */
function branch(g: Gazetteer, from: number): number {
  const t = g.trie;
  const names = g.names;
  const first = names[from].charCodeAt(0);
  const top = t.nodes++;
  t.root[first] = top;
  const path: number[] = [0, top];
  let prev = names[from].slice(0, 1);
  for (let idx = from; idx < names.length; idx++) {
    const key = names[idx];
    if (key.charCodeAt(0) !== first) break;
    let lcp = 1;
    const most = Math.min(key.length, prev.length);
    while (lcp < most && key.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    let node = path[lcp];
    for (let i = lcp; i < key.length; i++) {
      const c = key.charCodeAt(i);
      const child = t.nodes++;
      let h = edgeHash(node, c) & t.mask;
      while (t.edgeFrom[h] !== 0) h = (h + 1) & t.mask;
      t.edgeFrom[h] = node;
      t.edgeUnit[h] = c;
      t.edgeTo[h] = child;
      path[i + 1] = child;
      node = child;
    }
    t.term[node] = idx;
    prev = key;
  }
  return top;
}

const PAIR_LOG = 18;
const PAIR_WORDS = (1 << PAIR_LOG) >>> 5;

function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - PAIR_LOG);
}

function edgeHash(node: number, c: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b);
}

/** Child of `node` on code unit c, or 0. */
function step(t: Trie, node: number, c: number): number {
  let h = edgeHash(node, c) & t.mask;
  for (;;) {
    const f = t.edgeFrom[h];
    if (f === 0) return 0;
    if (f === node && t.edgeUnit[h] === c) return t.edgeTo[h];
    h = (h + 1) & t.mask;
  }
}

/** Province (level-1) name a place belongs to, or undefined. */
function provinceOf(p: PlaceInfo): string | undefined {
  if (p.level === 1) return p.name;
  const top = p.parents[0];
  return top !== undefined && /省$|市$|自治区$|特别行政区$/.test(top) ? top : undefined;
}

function resolveHint(hint: string | undefined): string | undefined {
  if (!hint) return undefined;
  const g = gazetteer();
  const code = /^\d{2}(0000)?$/.test(hint) ? hint.slice(0, 2) + '0000' : undefined;
  if (code) return byId().get(code)?.name;
  const i = nameIndex(g, hint);
  return i < 0 ? undefined : entriesOf(g, i).find((e) => e.place.level === 1)?.place.name;
}

function isAncestor(anc: PlaceInfo, p: PlaceInfo): boolean {
  return anc !== p && p.parents.includes(anc.name);
}

function codeTable(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/** Two-unit words as small integer keys (both units CJK ideographs). */
function pairKey(a: number, b: number): number {
  const x = a - 0x4e00;
  const y = b - 0x4e00;
  return x >= 0 && x < 0x5200 && y >= 0 && y < 0x5200 ? x * 0x5200 + y : -1;
}

function pairSet(words: readonly string[]): Set<number> {
  const set = new Set<number>();
  for (const w of words) {
    const k = pairKey(w.charCodeAt(0), w.charCodeAt(1));
    if (w.length !== 2 || k < 0) throw new Error(`gazetteer: bad context word ${w}`);
    set.add(k);
  }
  return set;
}

function inPairs(set: Set<number>, a: number, b: number): boolean {
  const k = pairKey(a, b);
  return k >= 0 && set.has(k);
}

// Surnames that are not also common prepositions/verbs (于, 向, 从 … are left out):
// 王庆阳, 李永昌 are usually people when the short form directly follows one.
const SURNAMES = codeTable(
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'
);
// Two-character words that end with a place's first character (隆重|庆祝, 决定|西部) or start with
// its last character (大理|石, 长治|久安). A short form or landscape name inside one of these is
// split wrongly; chosen from false hits in the NER training text, kept to words that rarely stand
// right before or after a real place name.
const LEFT_WORDS = pairSet(
  ('部长 市长 省长 县长 校长 局长 院长 队长 社长 处长 科长 厅长 行长 会长 组长 所长 增长 成长 延长 生长 擅长 家长 ' +
    '隆重 严重 注重 尊重 看重 沉重 慎重 着重 比重 扩大 重大 巨大 伟大 强大 广大 最大 加大 远大 宏大 庞大 盛大 ' +
    '壮大 长大 很大 较大 极大 更大 高大 登上 踏上 送上 今天 明天 昨天 每天 当天 一天 春天 秋天 白天 ' +
    '重新 创新 更新 革新 最新 全新 刷新 确定 决定 一定 规定 稳定 制定 坚定 肯定 认定 指定 鉴定 固定 约定 ' +
    '特定 奠定 既定 原定 预定 法定 公平 水平 和平 持平 太平 投资 融资 工资 物资 合资 外资 出资 集资 筹资 ' +
    '高兴 复兴 振兴 新兴 人民 农民 居民 公民 市民 村民 国民 全民 移民 牧民 渔民 军民 选民 非常 繁荣 顺利 ' +
    '胜利 权利 领会 机会 社会 大会 公开 繁华 机关 公里 万里 电台 平台 柜台 舞台 讲台 阳台 站台 上台 下台 孙中 其中 集中 当中 之中 空中 心中 手中 家中 从中 暗中 内陆 大陆 登陆 着陆').split(' '),
);
const RIGHT_WORDS = pairSet('理石 治久 密度 庆典 国王 海拔 田野 田园 田间 东部 海疆 山装 利用 水位 河流'.split(' '));
const NUMERAL = codeTable('0123456789０１２３４５６７８９一二三四五六七八九十');
/** Chars after which a surname starts a word (的/和, list marks, titles). */
const WORD_BREAK = codeTable('的和与及、记长任员者');

/** 路 街 巷, or 大街 大道 胡同: a street named after the place (平凉路, 黄河路). */
function streetAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c === 0x8def || c === 0x8857 || c === 0x5df7) return true; // 路 街 巷
  const d = text.charCodeAt(k + 1);
  if (c === 0x5927) return d === 0x8857 || d === 0x9053; // 大街 大道
  return c === 0x80e1 && d === 0x540c; // 胡同
}

const SUFFIX_RE = /^(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|省|市|县|区|州|盟|旗|镇|乡|村)/;
/** First units of the suffixes: most positions are rejected without a slice. */
const SUFFIX_FIRST = codeTable('特自地新省市县区州盟旗镇乡村');

/** Administrative or settlement suffix starting at `index` (市, 自治州, 镇 …), or null. */
export function divisionSuffixAt(text: string, index: number): string | null {
  if (SUFFIX_FIRST[text.charCodeAt(index)] !== 1) return null;
  const m = SUFFIX_RE.exec(text.slice(index, index + 5));
  return m ? m[0] : null;
}

interface Raw { start: number; end: number; key: string; entries: Entry[]; viaShort: boolean }

const NONE: Entry[] = [];

/** Guards that reject a name at [start, end) from its immediate context. */
function accept(text: string, start: number, end: number, k: Key, prev: Raw | undefined): Entry[] {
  if (text.charCodeAt(end) === 0x65cf /* 族 */) return NONE; // 朝鲜族, 蒙古族
  let usable = k.usable;
  let shortOrLandscape = k.shortOrLandscape;
  let shortOrExtra = k.shortOrExtra;
  let shortCounty = k.shortCounty;
  if (k.hasWeak) {
    // 和县, 城区: only right after their own parent (马鞍山市和县).
    const weak = usable.filter((e) => e.form === 'weak');
    const parent = prev && prev.end === start ? prev.entries[0].place : undefined;
    const ok = parent ? weak.filter((e) => isAncestor(parent, e.place)) : [];
    usable = usable.filter((e) => e.form !== 'weak').concat(ok);
    shortOrLandscape = usable.every((e) => e.form === 'short' || (e.place.level === 0 && e.place.kind !== 'country'));
    shortOrExtra = usable.every((e) => e.form === 'short' || e.place.level === 0);
    shortCounty = usable.every((e) => e.form === 'short' && e.place.level >= 2);
  }
  if (!usable.length) return usable;
  if (shortOrLandscape && streetAt(text, end)) return NONE;
  const prevAdjacent = prev !== undefined && prev.end === start;
  if (!prevAdjacent && shortOrExtra) {
    if (start > 0 && inPairs(LEFT_WORDS, text.charCodeAt(start - 1), text.charCodeAt(start))) return NONE;
    if (end < text.length && inPairs(RIGHT_WORDS, text.charCodeAt(end - 1), text.charCodeAt(end))) return NONE;
    // 11日本报讯 is a date, 发展中国家 a compound.
    if (text.charCodeAt(start) === 0x65e5 /* 日 */ && start > 0 && NUMERAL[text.charCodeAt(start - 1)] === 1) return NONE;
    if (text.charCodeAt(end) === 0x5bb6 /* 家 */ && start >= 2 && text.charCodeAt(start - 2) === 0x53d1 && text.charCodeAt(start - 1) === 0x5c55) return NONE; // 发展
  }
  if (shortCounty && end - start === 2 && start > 0) {
    if (SURNAMES[text.charCodeAt(start - 1)] === 1 && !prevAdjacent) {
      // 王庆阳 is a person only when the surname starts a word: after punctuation, 的/和, or a title.
      const b2 = start >= 2 ? text.charCodeAt(start - 2) : 0;
      const cjk = b2 >= 0x4e00 && b2 <= 0x9fff;
      if (!cjk || WORD_BREAK[b2] === 1) return NONE;
    }
  }
  return usable;
}

/** Walks the trie from `i`; writes the key index of every name starting there, shortest first. */
function namesAt(g: Gazetteer, text: string, i: number, out: Int32Array): number {
  const t = g.trie;
  const n = text.length;
  if (i >= n) return 0;
  let node = t.root[text.charCodeAt(i)];
  if (node < 0) node = branch(g, -node - 1);
  let count = 0;
  for (let j = i + 1; node !== 0; j++) {
    const k = t.term[node];
    if (k >= 0) out[count++] = k;
    if (j >= n) break;
    node = step(t, node, text.charCodeAt(j));
  }
  return count;
}

/** Longest accepted name at i, or undefined. */
function hitAt(g: Gazetteer, text: string, i: number, prev: Raw | undefined, ids: Int32Array): Raw | undefined {
  for (let q = namesAt(g, text, i, ids) - 1; q >= 0; q--) {
    const k = keyOf(g, ids[q]);
    const end = i + k.key.length;
    const entries = accept(text, i, end, k, prev);
    if (entries.length) {
      let viaShort = true;
      for (const e of entries) if (e.form !== 'short') viaShort = false;
      return { start: i, end, key: k.key, entries, viaShort };
    }
  }
  return undefined;
}

function scan(text: string): Raw[] {
  const g = gazetteer();
  const cls = g.trie.cls;
  const pairs = g.trie.pairs;
  const ids = new Int32Array(64);
  const out: Raw[] = [];
  const n = text.length;
  let i = 0;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  let cc = cls[c];
  while (i < n) {
    // Most positions start no name: one table load per unit rejects most, a hashed pair bit
    // test most of the rest. Past the end the next unit reads as 0.
    const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const dc = cls[d];
    if ((cc & (dc >> 1) & 1) !== 0) {
      const h = pairHash(c, d);
      if ((pairs[h >>> 5] & (1 << (h & 31))) !== 0) {
        const hit = hitAt(g, text, i, out[out.length - 1], ids);
        if (hit) {
          out.push(hit);
          i = hit.end;
          c = i < n ? text.charCodeAt(i) : 0;
          cc = cls[c];
          continue;
        }
      }
    }
    i++;
    c = d;
    cc = dc;
  }
  return out;
}

function choose(raw: Raw, prev: Raw | undefined, hint: string | undefined): Entry {
  const list = raw.entries;
  if (list.length === 1 || list[0].place.level === 1) return list[0];
  // 北京市朝阳区: the adjacent parent decides.
  if (prev && prev.end === raw.start) {
    const parent = prev.entries[0].place;
    const under = list.find((e) => isAncestor(parent, e.place));
    if (under) return under;
  }
  if (hint) {
    const inHint = list.find((e) => provinceOf(e.place) === hint || e.place.parents.includes(hint));
    if (inHint) return inHint;
  }
  return list[0];
}

function toMatch(raw: Raw, chosen: Entry): PlaceMatch {
  const p = chosen.place;
  return {
    start: raw.start,
    end: raw.end,
    text: raw.key,
    info: { id: p.id, canonical: p.name, parents: [...p.parents] },
    place: p,
    viaShort: chosen.form === 'short',
    candidates: raw.entries.length,
  };
}

/**
 * Places in `text` (normalised: simplified, no line breaks): leftmost-longest, non-overlapping,
 * sorted by start. Ambiguous names prefer, in order: a province; a place under the adjacent
 * preceding match; the hinted province (or, without a hint, the province most named in the text);
 * the higher level.
 */
export function findPlaces(text: string, opts: FindPlacesOptions = {}): PlaceMatch[] {
  const raws = scan(text);
  let hint = resolveHint(opts.provinceHint);
  if (!hint) {
    const votes = new Map<string, number>();
    for (const r of raws) {
      if (r.entries.length !== 1) continue;
      const prov = r.entries[0].province;
      if (prov) votes.set(prov, (votes.get(prov) ?? 0) + 1);
    }
    let best = 0;
    for (const [prov, n] of votes) if (n > best) [hint, best] = [prov, n];
  }
  const out: PlaceMatch[] = [];
  // Resolve adjacent parents with the already-chosen previous place.
  for (let k = 0; k < raws.length; k++) {
    const prev = k > 0 ? raws[k - 1] : undefined;
    const chosen = choose(raws[k], prev, hint);
    if (chosen !== raws[k].entries[0]) raws[k].entries = [chosen, ...raws[k].entries.filter((e) => e !== chosen)];
    out.push(toMatch(raws[k], chosen));
  }
  return out;
}

/** The longest place starting exactly at `index` (平凉市政协 → 平凉市), with the same guards. */
export function placeAt(text: string, index: number, opts: FindPlacesOptions = {}): PlaceMatch | undefined {
  const g = gazetteer();
  const ids = new Int32Array(64);
  for (let q = namesAt(g, text, index, ids) - 1; q >= 0; q--) {
    const k = keyOf(g, ids[q]);
    const entries = accept(text, index, index + k.key.length, k, undefined);
    if (entries.length) {
      const raw: Raw = { start: index, end: index + k.key.length, key: k.key, entries, viaShort: false };
      return toMatch(raw, choose(raw, undefined, resolveHint(opts.provinceHint)));
    }
  }
  return undefined;
}

/** Every place a full name, short form (stoplisted ones included) or alias may denote, best first. */
export function lookupPlace(name: string): PlaceInfo[] {
  const g = gazetteer();
  const i = nameIndex(g, name);
  return i < 0 ? [] : entriesOf(g, i).map((e) => e.place);
}

/** A place by id (division code, ISO code, `x:` id). */
export function placeById(id: string): PlaceInfo | undefined {
  return byId().get(id);
}

/** Hover-card line: `通渭县 · 定西市 · 甘肃省`, `黄河 · 河流`, `美国 · 国家`. */
export function describePlace(info: EntityInfo): string {
  const p = info.id ? byId().get(info.id) : undefined;
  const name = info.canonical ?? p?.name ?? '';
  const parts = [name, ...[...(info.parents ?? p?.parents ?? [])].reverse()];
  if (p && p.level === 0 && KIND_LABEL[p.kind]) parts.push(KIND_LABEL[p.kind]);
  return parts.filter(Boolean).join(' · ');
}
