// Rule-based detection of numbered slogans that are not in the lexicon:
// 两个X / 四个一线, 三抓三促 / 三城五地, 十大行动 / 六大产业集群, and the same
// forms inside quotes. Precision first: unquoted forms need strong cues.

export type PatternKind = 'numbered' | 'paired' | 'big' | 'plenum' | 'quoted-short' | 'quoted-named' | 'quoted-parallel';

export interface PatternMatch {
  start: number;
  end: number;
  kind: PatternKind;
  /** The span is the whole content of a pair of quotes. */
  quoted: boolean;
}

const NUMERALS = '一二两三四五六七八九十';
const NUM = new Uint8Array(65536);
for (const c of NUMERALS) NUM[c.charCodeAt(0)] = 1;
// 双 and 百千万 count as numerals only in the paired form; 百千万 only inside quotes.
const PAIR_NUM = new Uint8Array(65536);
for (const c of NUMERALS + '双') PAIR_NUM[c.charCodeAt(0)] = 1;
const QUOTED_PAIR_NUM = new Uint8Array(65536);
for (const c of NUMERALS + '双百千万') QUOTED_PAIR_NUM[c.charCodeAt(0)] = 1;

const NUMBERISH = new Uint8Array(65536);
for (const c of NUMERALS + '百千万零〇第0123456789０１２３４５６７８９') NUMBERISH[c.charCodeAt(0)] = 1;

function isNumeralOrDigit(c: number): boolean {
  return NUMBERISH[c] === 1;
}

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

// Measure words, time units and place-name characters that make NXMY a
// quantity, a session number (八届六次) or a place (四川三台), not a slogan.
const MEASURE_CHARS = '年月日时分秒届次号个位名天周岁元角期批轮层楼级类种条项件样口只把张点句回遍趟成倍川亚堰明';
const MEASURE_STOP = new Set(MEASURE_CHARS.split(''));
const PAIR_STOP = new Set(
  (
    MEASURE_CHARS +
    // numerals, enumeration (一是), adverbs (一些 一般 一旦 一律 一致), sport scores (两战两胜)
    '百千万亿零两双是些般旦律起致贯齐定直切再度同边面向共战胜负平捷败局盘场比赢输的'
  ).split(''),
);

// Common four-character idioms of the NXMY shape.
const IDIOMS = new Set(
  (
    '一心一意 一模一样 一草一木 一针一线 一点一滴 一言一行 一举一动 一朝一夕 一生一世 一丝一毫 一板一眼 一心一德 ' +
    '一唱一和 一张一弛 一问一答 一上一下 一前一后 一左一右 一进一出 一来一往 一大一小 一高一低 一字一句 一饮一啄 ' +
    '一干二净 一清二楚 一穷二白 一差二错 一来二去 一石二鸟 一心二用 一举两得 一刀两断 一箭双雕 一式两份 一波三折 ' +
    '一目十行 一言九鼎 一步一趋 三心二意 三番五次 三令五申 三言两语 三长两短 三头六臂 三教九流 三从四德 三亲六故 ' +
    '三灾八难 三拳两脚 三推六问 四面八方 四平八稳 四分五裂 四通八达 四停八当 五湖四海 五花八门 五颜六色 五光十色 ' +
    '五脏六腑 五大三粗 五马六道 六亲不认 七上八下 七嘴八舌 七手八脚 七拼八凑 七零八落 七窍生烟 七情六欲 七折八扣 ' +
    '九死一生 九牛一毛 十拿九稳 十全十美 十室九空 十有八九 两面三刀 二话不说 千方百计 千军万马 千辛万苦 千家万户 ' +
    '千变万化 千山万水 千言万语 千丝万缕 千姿百态 千锤百炼 百战百胜 百发百中 百依百顺 千呼万唤 千秋万代 千头万绪 ' +
    '千差万别 千真万确 千门万户 千奇百怪 千疮百孔 万紫千红 双宿双飞 一日三餐 一日千里'
  ).split(' '),
);

// Heads that make 十大X / 六大X a programme name rather than a plain count.
// Strong heads may follow a modifier (四大产业集群); weak ones only directly
// (十大项目, but not 三大交通枢纽 or 三大比赛项目).
const BIG_HEADS = [
  '攻坚战', '保卫战', '产业链', '经济带', '行动', '工程', '战略', '任务', '举措', '计划', '专项', '体系', '板块',
  '产业', '攻坚', '战役', '会战', '机制', '集群', '片区', '通道', '布局', '改革', '革命', '赛道', '走廊', '廊道',
  '突破',
];
const WEAK_BIG_HEADS = ['平台', '基地', '枢纽', '功能', '目标', '定位', '品牌', '示范', '中心', '园区', '项目', '建设', '提升'];

// Words after an unquoted numbered form (or a short quoted one) that mark it
// as a formulation: 三抓三促行动, 四个一线意识, “四强”行动.
const FRAMES = [
  '行动', '工程', '战略', '活动', '工作', '要求', '目标', '建设', '模式', '机制', '制度', '理念', '格局', '布局',
  '举措', '任务', '部署', '政策', '方针', '原则', '意识', '精神', '服务', '改革', '试点', '示范', '教育', '体系',
  '思路', '理论', '思想', '导向', '思维', '方略', '路径', '主线', '专项', '攻坚', '品牌', '计划',
];
// Verbs before an unquoted paired form: 建设三城五地, 推进双招双引. All two units long.
const CUES = ['推进', '实施', '开展', '落实', '建设', '打造', '围绕', '践行', '坚持', '深化', '推动', '聚焦', '结合', '紧扣', '抓好', '做好', '深入'];

function followedByFrame(text: string, end: number): boolean {
  return startsWithAny(text, end, FRAMES) !== null;
}

function precededByCue(text: string, start: number): boolean {
  // every cue has two units
  return start >= 2 && startsWithAny(text, start - 2, CUES) !== null;
}

// Function characters that cannot be the modifier in 十大X (十五大关于建设).
const FUNCTION_CHARS = new Set('的之和与及关于提出在是为对将把被等也都就又'.split(''));

// X in N个X that make an ordinary count (两个月, 三个人, 四个方面).
const NUMBERED_STOP = [
  '月', '人', '小时', '星期', '礼拜', '钟头', '季度', '年度', '工作日', '方面', '部门', '单位', '问题', '地方', '项目',
  '阶段', '部分', '环节', '层次', '领域', '方向', '维度', '主体', '渠道', '国家', '城市', '县', '乡', '镇', '村',
  '社区', '省', '市', '区', '孩子', '字', '点', '多', '以上', '以下', '左右', '半', '来', '重点', '百分点', '代表团',
  '小组', '组', '班', '队', '家', '户', '学生', '同学', '老师', '农民', '企业', '公司', '案例', '样本', '不同', '层级',
  '板块', '片区', '批次', '批', '类别', '类', '步骤', '步', '故事', '细节', '场景', '版本', '指标', '条件', '原因',
  // document and meeting nouns and adjectives: 两个会议精神, 三个重要讲话, 四个专项行动
  '会议', '文件', '讲话', '报告', '意见', '通知', '决定', '条例', '规划', '方案', '专项', '重大', '主要', '重要',
  '基本', '核心', '关键', '新的', '具体', '相关',
];

const OPEN_QUOTES = new Map<number, number>([
  [0x201c, 0x201d], // “ ”
  [0x2018, 0x2019], // ‘ ’
  [0x300c, 0x300d], // 「 」
  [0x300e, 0x300f], // 『 』
  [0x22, 0x22], // " "
]);
/** OPEN_QUOTES as a table: the closing quote of each opening one (0 = not an opening quote). */
const CLOSE_QUOTE = new Uint16Array(65536);
for (const [open, close] of OPEN_QUOTES) CLOSE_QUOTE[open] = close;
const MAX_QUOTED = 13;
// Per code unit: 1 = may start an unquoted form, 2 = opening quote. One load per
// character keeps the scan close to a plain loop.
const START = new Uint8Array(65536);
// PAIR_NUM holds every NUM char: setting its chars covers both, with no pass over all 65536 units at start-up.
for (const c of NUMERALS + '双') START[c.charCodeAt(0)] = 1;
for (const q of OPEN_QUOTES.keys()) START[q] = 2;
/** The code units set in START, listed. */
const START_UNITS = [...NUMERALS + '双'].map((c) => c.charCodeAt(0)).concat([...OPEN_QUOTES.keys()]);

/** Each word list split by first code unit, list order kept, so a lookup tries only likely words. */
const byFirst = new Map<readonly string[], Map<number, string[]>>();

/** The first word of `list` (in list order) that starts at `at`, or null. */
function startsWithAny(text: string, at: number, list: readonly string[]): string | null {
  let index = byFirst.get(list);
  if (!index) {
    index = new Map();
    for (const w of list) {
      const k = w.charCodeAt(0);
      const words = index.get(k);
      if (words) words.push(w);
      else index.set(k, [w]);
    }
    byFirst.set(list, index);
  }
  const words = index.get(text.charCodeAt(at));
  if (words === undefined) return null;
  for (const w of words) if (text.startsWith(w, at)) return w;
  return null;
}

const SHI = 0x5341; // 十
const DIGIT = new Uint8Array(65536); // 一..九 (not 两, 十)
for (const c of '一二三四五六七八九') DIGIT[c.charCodeAt(0)] = 1;

/** End of the longest numeral word starting at i (三, 十二, 二十三), or -1. */
function numeralRun(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (NUM[c] !== 1) return -1;
  const d = text.charCodeAt(i + 1);
  if (c === SHI) return DIGIT[d] === 1 ? i + 2 : i + 1;
  if (d === SHI && DIGIT[c] === 1 && c !== 0x4e00) return DIGIT[text.charCodeAt(i + 2)] === 1 ? i + 3 : i + 2;
  return i + 1;
}

function precededByNumber(text: string, i: number): boolean {
  return i > 0 && isNumeralOrDigit(text.charCodeAt(i - 1));
}

function cjkRun(text: string, from: number, n: number): boolean {
  if (from + n > text.length) return false;
  for (let k = from; k < from + n; k++) if (!isCjk(text.charCodeAt(k))) return false;
  return true;
}

/** NXMY: 三抓三促, 三城五地, 双招双引. Returns end or -1. */
function paired(text: string, i: number, quoted: boolean): number {
  const nums = quoted ? QUOTED_PAIR_NUM : PAIR_NUM;
  if (i + 4 > text.length) return -1;
  const a = text.charCodeAt(i);
  const x = text.charCodeAt(i + 1);
  const b = text.charCodeAt(i + 2);
  const y = text.charCodeAt(i + 3);
  if (nums[a] !== 1 || nums[b] !== 1) return -1;
  if (!isCjk(x) || !isCjk(y) || nums[x] === 1 || nums[y] === 1) return -1;
  if (NUM[x] === 1 || NUM[y] === 1) return -1;
  const xs = text[i + 1];
  const ys = text[i + 3];
  if (PAIR_STOP.has(xs) || PAIR_STOP.has(ys)) return -1;
  if (x === y || IDIOMS.has(text.slice(i, i + 4))) return -1; // 一步一步
  if (!quoted && !followedByFrame(text, i + 4) && !precededByCue(text, i)) return -1;
  return i + 4;
}

/** N大X: 十大行动, 六大产业集群, 三大攻坚战. Returns end or -1. */
function big(text: string, i: number, limit: number): number {
  if (text.charCodeAt(i) === 0x4e00 /* 一大 = 党的一大 */) return -1;
  const ne = numeralRun(text, i);
  if (ne < 0) return -1;
  if (ne >= limit || text.charCodeAt(ne) !== 0x5927 /* 大 */) return -1;
  const from = ne + 1;
  // 十五大, 二十大 are also party congresses: no modifier allowed after them.
  const maxMod = ne - i > 1 ? 0 : 2;
  // Up to two modifier characters before the head; the longest reading wins
  // (四大产业集群, not 四大产业).
  for (let mod = maxMod; mod >= 0; mod--) {
    if (!cjkRun(text, from, mod)) continue;
    let ok = true;
    for (let k = from; k < from + mod; k++) if (FUNCTION_CHARS.has(text[k])) ok = false;
    if (!ok) continue;
    const head = startsWithAny(text, from + mod, BIG_HEADS) ?? (mod === 0 ? startsWithAny(text, from, WEAK_BIG_HEADS) : null);
    if (head && from + mod + head.length <= limit) return from + mod + head.length;
  }
  return -1;
}

const PLENUM_TAILS = ['中全会', '次全会', '次全体会议', '中全体会议'];

/** 十四届三次全会, 十一届九中全会: a numbered plenary session of a Party committee. */
function plenum(text: string, i: number): number {
  const a = numeralRun(text, i);
  if (a < 0 || text.charCodeAt(a) !== 0x5c4a /* 届 */) return -1;
  const b = numeralRun(text, a + 1);
  if (b < 0) return -1;
  const tail = startsWithAny(text, b, PLENUM_TAILS);
  return tail ? b + tail.length : -1;
}

/** N个X. Unquoted needs a frame word after XX; quoted takes the whole content. */
function numbered(text: string, i: number, quoted: boolean, limit: number): number {
  if (text.charCodeAt(i) === 0x4e00 /* 一个 */) return -1;
  const ne = numeralRun(text, i);
  if (ne < 0) return -1;
  if (ne >= limit || text.charCodeAt(ne) !== 0x4e2a /* 个 */) return -1;
  const from = ne + 1;
  if (startsWithAny(text, from, NUMBERED_STOP)) return -1;
  if (quoted) {
    const len = limit - from;
    return len >= 1 && len <= 4 && cjkRun(text, from, len) ? limit : -1;
  }
  if (!cjkRun(text, from, 2)) return -1;
  return followedByFrame(text, from + 2) ? from + 2 : -1;
}

/** Short quoted numeral forms: “四强”行动, “五城同创”目标. Not 一X (一刀切, 一把手). */
function quotedShort(text: string, i: number, limit: number): number {
  const len = limit - i;
  if (len < 2 || len > 4) return -1;
  const a = text.charCodeAt(i);
  if (a === 0x4e00 || (NUM[a] !== 1 && a !== 0x53cc /* 双 */)) return -1;
  for (let k = i + 1; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (!isCjk(c) || NUMBERISH[c] === 1 || MEASURE_STOP.has(text[k])) return -1;
  }
  return limit;
}

/**
 * “一园两区三基地”, “一圈一带三区”: inside quotes, two to four groups of a
 * numeral followed by one character (the last group up to three).
 */
function quotedChain(text: string, s: number, e: number): boolean {
  if (e - s < 4) return false;
  let groups = 0;
  let k = s;
  while (k < e) {
    if (QUOTED_PAIR_NUM[text.charCodeAt(k)] !== 1) return false;
    k++;
    const from = k;
    while (k < e && QUOTED_PAIR_NUM[text.charCodeAt(k)] !== 1) {
      if (!isCjk(text.charCodeAt(k))) return false;
      k++;
    }
    const len = k - from;
    // Only the last group may be longer than one character (一园两区三基地),
    // which rules out sayings such as 十年磨一剑 and 一代不如一代.
    if (len < 1 || len > 3 || (len > 1 && k < e) || (len === 1 && PAIR_STOP.has(text[from]))) return false;
    groups++;
  }
  // the idiom check last: it slices, and most quotes fail the shape first
  return groups >= 2 && groups <= 4 && !IDIOMS.has(text.slice(s, e));
}

// Strong frames after a quoted name: “能力作风建设提升年”活动, “百企帮百村”行动.
const NAMED_FRAMES = ['行动', '活动', '工程', '专项', '攻坚', '主题实践', '主题活动', '实践活动'];

/** “能力作风建设提升年”活动: a quoted 4–12 character name directly followed by a strong frame. */
function quotedNamed(text: string, s: number, e: number): boolean {
  const len = e - s;
  if (len < 4 || len > 12) return false;
  let cjk = 0;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x7684 /* 的 */) return false; // 献给母亲的一句话: a title, not a programme
    if (isCjk(c)) cjk++;
    else if (c !== 0xb7 /* · */ && c !== 0x30fb /* ・ */) return false;
  }
  return cjk >= 4 && startsWithAny(text, e + 1, NAMED_FRAMES) !== null;
}

/**
 * “工业强市、产业兴市”, “协商于民、协商为民”: two four-character halves joined
 * by 、 that share their last character or their first two. Comma-joined
 * couplets are mostly sayings and idioms, so they are left alone.
 */
function quotedParallel(text: string, s: number, e: number): boolean {
  if (e - s !== 9 || text.charCodeAt(s + 4) !== 0x3001 /* 、 */) return false;
  if (!cjkRun(text, s, 4) || !cjkRun(text, s + 5, 4)) return false;
  const a = text.slice(s, s + 4);
  const b = text.slice(s + 5, e);
  if (a === b) return false;
  return a[3] === b[3] || a.slice(0, 2) === b.slice(0, 2);
}

function matchQuoted(text: string, s: number, e: number): Omit<PatternMatch, 'quoted'> | null {
  // e is the closing quote; frames are looked up after it.
  // The whole quoted content must be one of the forms.
  if (paired(text, s, true) === e) return { start: s, end: e, kind: 'paired' };
  if (numbered(text, s, true, e) === e) return { start: s, end: e, kind: 'numbered' };
  if (big(text, s, e) === e) return { start: s, end: e, kind: 'big' };
  if (quotedShort(text, s, e) === e && followedByFrame(text, e + 1)) return { start: s, end: e, kind: 'quoted-short' };
  if (quotedChain(text, s, e)) return { start: s, end: e, kind: 'paired' };
  if (quotedParallel(text, s, e)) return { start: s, end: e, kind: 'quoted-parallel' };
  if (quotedNamed(text, s, e)) return { start: s, end: e, kind: 'quoted-named' };
  return null;
}

/**
 * Code units where a pattern may start: numerals that open an unquoted form, and opening
 * quotes. Every other position is skipped by both scans below.
 */
export const PATTERN_TRIGGERS: Uint8Array = START;
/** The code units set in PATTERN_TRIGGERS. */
export const PATTERN_TRIGGER_UNITS: readonly number[] = START_UNITS;

/** Pattern matches sorted by start, non-overlapping (earlier wins). */
export function findPatternTerms(text: string): PatternMatch[] {
  const n = text.length;
  let pos = new Int32Array(64);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (START[text.charCodeAt(i)] === 0) continue;
    if (count === pos.length) {
      const nb = new Int32Array(count * 2);
      nb.set(pos);
      pos = nb;
    }
    pos[count++] = i;
  }
  return patternTermsAt(text, pos, count);
}

/**
 * findPatternTerms given the ascending positions of every PATTERN_TRIGGERS code unit in `text`
 * (collected by the lexicon automaton's pass): nothing can start anywhere else.
 */
export function patternTermsAt(text: string, positions: Int32Array, count: number): PatternMatch[] {
  const res: PatternMatch[] = [];
  const n = text.length;
  let last = 0;
  /** Positions before this were consumed by a match. */
  let from = 0;
  for (let t = 0; t < count; t++) {
    const i = positions[t];
    if (i < from) continue;
    const c = text.charCodeAt(i);
    const cls = START[c];
    if (cls === 2) {
      const close = CLOSE_QUOTE[c];
      let j = i + 1;
      while (j < n && j - i - 1 <= MAX_QUOTED && text.charCodeAt(j) !== close) j++;
      if (j < n && text.charCodeAt(j) === close && j > i + 1) {
        const m = matchQuoted(text, i + 1, j);
        if (m) {
          res.push({ start: m.start, end: m.end, kind: m.kind, quoted: true });
          last = j + 1;
          from = j + 1;
        }
      }
      continue;
    }
    if (i < last) continue;
    if (precededByNumber(text, i)) continue;
    // Every unquoted form has a numeral at i + 2 (NXMY) or a numeral word followed by 届, 大 or 个:
    // most numerals (一些, 进一步) are rejected here with a few loads.
    if (PAIR_NUM[text.charCodeAt(i + 2)] !== 1) {
      const ne = numeralRun(text, i);
      if (ne < 0) continue;
      const d = text.charCodeAt(ne);
      if (d !== 0x5c4a /* 届 */ && d !== 0x5927 /* 大 */ && d !== 0x4e2a /* 个 */) continue;
    }
    let end = plenum(text, i);
    let kind: PatternKind = 'plenum';
    if (end < 0) {
      end = paired(text, i, false);
      kind = 'paired';
    }
    if (end < 0) {
      end = big(text, i, n);
      kind = 'big';
    }
    if (end < 0) {
      end = numbered(text, i, false, n);
      kind = 'numbered';
    }
    if (end > 0) {
      res.push({ start: i, end, kind, quoted: false });
      last = end;
      from = end;
    }
  }
  return res;
}
