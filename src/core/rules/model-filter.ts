// Linguistic sanity checks on the learned model's spans before they enter the merge.
// The model was trained on newswire; on bulletin prose it sometimes tags a generic body
// (全市政协), a verb + body (立足政协), a collective (培训班) or a plural (委员们).
// Each check below is a property of Chinese names and titles, not a list of seen mistakes.
import type { EntityType } from '../types';
import { isCjkIdeograph } from '../normalize';
import { lookupPlace } from '../gazetteer/index';
import { ADDRESS, DOUBLE_SURNAMES, STRONG_POSITIONS, SURNAME_CODES, WEAK_POSITIONS, codeSet } from './lexicon';

/** Characters of the standard transliteration of foreign names (琼斯, 卡尔波夫, 维克多·佩罗塔). */
const TRANSLIT = codeSet(
  '阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾波伯勃博布查察达黛戴丹道德登迪狄蒂丁东杜敦多厄俄恩尔法凡菲斐费芬丰弗福夫盖甘冈戈哥歌格根古贡瓜圭哈海汉豪赫黑亨洪侯胡华怀霍基吉季加佳迦嘉贾杰捷金津京居卡凯坎康考柯科克肯库夸奎昆拉腊莱赖兰朗劳勒雷蕾里理丽利莉列林琳隆卢鲁路伦罗洛吕马玛迈麦曼芒茂梅门蒙米密缅摩莫姆穆纳娜奈南内尼涅宁纽努诺欧帕潘庞佩彭皮普奇齐恰乔切钦琴琼丘萨塞赛桑瑟森沙莎尚舍什施史斯丝松苏索塔泰坦汤唐陶特滕提廷图托瓦娃万旺威韦维温沃乌伍武西希锡夏谢辛休雅亚娅扬耶伊因英尤约泽扎詹兹佐茨罕默赞露茜萝姬妮·•',
);
/** Function characters that start a clause rather than a name when the span is only two long (和文史…). */
const FUNCTION = codeSet('向对和与及同在由为把将被给让请是了的从于');
/** Characters a personal name does not end in: collective and administrative nouns (培训班, 政协, 小组). */
const NOT_NAME_END = codeSet('班会局厅部委院校处室组队所站社团办省市县区镇乡州级界是');
/** Characters never inside a personal name. */
const NOT_IN_NAME = codeSet('的了是在们');
/** Generic determiners: 全市政协, 各级政府, 本县 name no particular body. */
/** Verbs of motion that precede a destination. */
const MOTION = codeSet('赴往至');
const DETERMINER = codeSet('全各本该每此这那');
const TITLE_START = codeSet([...STRONG_POSITIONS, ...WEAK_POSITIONS].map((w) => w[0]));
const LEVEL = codeSet('省市县区州旗盟镇乡村级');
/** Bare body and institution words: without a place, level or name in front they name an institution in general. */
const GENERIC_BODIES = new Set(
  (
    '政协 人大 政府 人民政府 党委 党组 委员会 常委会 人大常委会 人民政协 专委会 机关 法院 检察院 办公室 党支部 支部 总工会 妇联 团委 工商联 ' +
    // kinds of institution: a name needs a distinctive part before them (通讯社, 有限责任公司, 合唱团);
    // a one-of-a-kind body in context stays (国会, 议会, 代表团: MSRA labels them)
    '公司 总公司 分公司 有限公司 有限责任公司 股份有限公司 集团 银行 商业银行 储蓄银行 开发银行 中学 小学 大学 学院 医院 ' +
    '电台 广播电台 电视台 通讯社 报社 杂志社 出版社 合唱团 乐团 剧团 学会 行业协会 公安局 派出所 服务处 服务中心 ' +
    '有关部门 相关部门 监管部门 主管部门'
  ).split(' '),
);
/** A body after one of these is national (全国政协, 中共中央, 中国人民政协). */
const NATIONAL_END = /(?:全国|中共|中国|中央|国家|人民|届)$/;
/** Clause verbs: an organisation name does not contain one (县检察院举行委员联络工作室). */
const CLAUSE_VERBS = /举行|召开|开展|出席|主持|参加|组织召开|推动|立足|围绕|发挥/;
/** Weak titles that name a role in general unless they touch a name or a body (委员们, 专家). */
const NOT_BEFORE_TITLE = codeSet('们培');
const CONJ = codeSet('和与及的了');
const GENERIC_TITLE_HEAD = /^(?:全体|广大|各位|相关|有关|部分|各级|全市|全县|全省)/;

function allCjk(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isCjkIdeograph(text.charCodeAt(k))) return false;
  return true;
}

const isLatin = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A Latin letter or an ASCII digit. */
export const isAsciiWord = (c: number): boolean => isLatin(c) || isDigit(c);

/** Ideographs, Latin letters and digits, with inner · & . - — (ＤＥＣ电脑中国有限公司, 3M公司, 道—琼斯). */
function wordChars(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isCjkIdeograph(c) || isLatin(c) || isDigit(c)) continue;
    if (k > start && k < end - 1 && (c === 0xb7 || c === 0x26 || c === 0x2e || c === 0x2d || c === 0x2014)) continue;
    return false;
  }
  return true;
}

/** One-character abbreviations of countries, regions and provinces (中美, 京津, 欧美). */
const ABBREV = codeSet('中美日英法德俄韩朝越印巴意加澳泰菲新港台欧非亚阿罗马塞京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁墨尼斯西葡荷比瑞奥伊叙以埃古蒙老柬缅华');

function surnameLen(text: string, s: number): number {
  if (DOUBLE_SURNAMES.has(text.substr(s, 2))) return 2;
  return SURNAME_CODES[text.charCodeAt(s)] === 1 ? 1 : 0;
}

const TITLE_WORDS = new Set([...STRONG_POSITIONS, ...WEAK_POSITIONS]);

/** Whether a title word (记者, 主席 …) ends at `pos`. */
function titleEndsAt(text: string, pos: number): boolean {
  for (let k = 2; k <= 5 && k <= pos; k++) if (TITLE_WORDS.has(text.slice(pos - k, pos))) return true;
  return false;
}

function personOk(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (isLatin(text.charCodeAt(start))) {
    // Lyn, Svensson: a Latin name is letters only
    for (let k = start; k < end; k++) if (!isLatin(text.charCodeAt(k)) && text.charCodeAt(k) !== 0x2e) return false;
    return len >= 2;
  }
  const first = text.charCodeAt(start);
  const sl = surnameLen(text, start);
  let translit = true;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (TRANSLIT[c] !== 1) translit = false;
    if (!isCjkIdeograph(c) && c !== 0xb7 && c !== 0x2022) return false;
    if (k > start && NOT_IN_NAME[c] === 1) return false;
  }
  if (first === 0xb7 || text.charCodeAt(end - 1) === 0xb7 || len > 16) return false;
  if (text.indexOf('·', start) >= 0 && text.indexOf('·', start) < end) return true; // 彼得·斯托扬诺夫
  // 吕老, 杜氏, 汤尤杯: a lone surname stands for a person
  if (len === 1) return sl === 1;
  // 和文, 在京: a function char starts a clause, unless a title before or a form of address after
  // marks the span as a name (记者于青, 由昆女士)
  if (len === 2 && FUNCTION[first] === 1 && !titleEndsAt(text, start) && !ADDRESS.at(text, end)) return false;
  if (!translit && len > 5) return false;
  if (text.indexOf('政协', start) >= 0 && text.indexOf('政协', start) < end - 1) return false;
  if (text.indexOf('委员', start) >= 0 && text.indexOf('委员', start) < end - 1) return false;
  // 选举罗燕为副主席: 为 before a title or a body is the verb (康有为 keeps it)
  if (text.charCodeAt(end - 1) === 0x4e3a && end < text.length && (TITLE_START[text.charCodeAt(end)] === 1 || LEVEL[text.charCodeAt(end)] === 1)) return false;
  return NOT_NAME_END[text.charCodeAt(end - 1)] !== 1 || translit;
}

/** Paired quotes and brackets that may stand inside an organisation name: 台湾“工商建研会”考察团, 法国《解放报》. */
const OPENERS = '“《（(「';
const CLOSERS = '”》）)」';

/**
 * Word characters, plus quotes and brackets that open after the first character and close
 * inside the span, one pair at a time (花旗银行（中国）有限公司); a span that starts with a quote
 * or leaves one open is a cut-off reading (“协会, 辽大“邓小平理论研究中心).
 */
function orgChars(text: string, start: number, end: number): boolean {
  let open = -1;
  let from = start;
  for (let k = start; k < end; k++) {
    const c = text[k];
    const o = OPENERS.indexOf(c);
    const cl = o < 0 ? CLOSERS.indexOf(c) : -1;
    if (o < 0 && cl < 0) continue;
    if (o >= 0) {
      if (open >= 0 || k === start || !wordChars(text, from, k)) return false;
      open = o;
    } else {
      if (cl !== open || !wordChars(text, from, k) || k === from) return false;
      open = -1;
    }
    from = k + 1;
  }
  return open < 0 && (from === end || wordChars(text, from, end));
}

function orgOk(text: string, start: number, end: number): boolean {
  if (end - start < 2 || !orgChars(text, start, end)) return false;
  // a name ends in an ideograph, a Latin letter (Blizzard, 华义SPIDER) or a closing quote (法国《解放报》)
  const last = text.charCodeAt(end - 1);
  if (!isCjkIdeograph(last) && !isLatin(last) && CLOSERS.indexOf(text[end - 1]) < 0) return false;
  const s = text.slice(start, end);
  if (GENERIC_BODIES.has(s)) return false;
  if ((DETERMINER[s.charCodeAt(0)] === 1 || FUNCTION[s.charCodeAt(0)] === 1) && LEVEL[s.charCodeAt(1)] === 1) return false; // 全市政协, 由县政协
  if (CLAUSE_VERBS.test(s)) return false;
  // 庆阳市政协组织委员…: 组织 after a complete body name is the verb
  if (s.endsWith('组织') && /(?:政协|政府|委员会|人大|党委|[局厅部])组织$/.test(s)) return false;
  // 平凉市政协, 全国政协, 中国人民政治协商会议: 政协 needs a place, a level or a national prefix in
  // front (立足政协, 新时代政协 are phrases); 委员会 after a bare two-char word is a cut-off name
  const tail = s.endsWith('政协') ? 2 : s.endsWith('委员会') && s.length === 5 ? 3 : 0;
  if (tail > 0) {
    const head = s.slice(0, s.length - tail);
    if (head && LEVEL[head.charCodeAt(head.length - 1)] !== 1 && !NATIONAL_END.test(head)) return false;
    if (head.length === 2 && LEVEL[head.charCodeAt(0)] === 1) return false; // 县区政协, 市县政协: levels in general
  }
  return true;
}

/** Head morphemes a title ends in (者 记者, 长 局长, 家 专家, 员 委员, 理 经理 …); 93 % of CLUENER titles. */
const TITLE_HEAD = codeSet('者长家师人员理生任演监练手授裁席士服官板辑帅警编记事商导兵星将说剧委角管问锋场帝统宾书机卫制子表军主客工察挥总领安计夫特');
/** What may stand before 委员 in a title: a body or a rank (政协委员, 常委委员, 主任委员, 市委委员). */
const BEFORE_MEMBER = codeSet('协大会党委常任市县省区局部级团盟联');

function positionOk(text: string, start: number, end: number): boolean {
  if (end - start < 2 || !wordChars(text, start, end)) return false;
  const last = text.charCodeAt(end - 1);
  if (!isLatin(last) && TITLE_HEAD[last] !== 1) return false;
  for (let k = start; k < end; k++) if (CONJ[text.charCodeAt(k)] === 1) return false;
  if (end < text.length && NOT_BEFORE_TITLE[text.charCodeAt(end)] === 1) return false;
  // 发挥委员作用, 编印委员手册: a verb split before 委员 is not part of a title
  if (end - start > 2 && text.startsWith('委员', end - 2) && BEFORE_MEMBER[text.charCodeAt(end - 3)] !== 1) return false;
  return !GENERIC_TITLE_HEAD.test(text.slice(start, Math.min(end, start + 2)));
}

/** Words an abbreviation char starts that are not the country (中医, 中药, 中西医, 中西部). */
const NOT_ABBREV_WORD = new Set(['中医', '中药', '中西医', '中西部']);

function placeOk(text: string, start: number, end: number): boolean {
  if (end - start === 1) return ABBREV[text.charCodeAt(start)] === 1 && !NOT_ABBREV_WORD.has(text.substr(start, 2)) && !NOT_ABBREV_WORD.has(text.substr(start, 3));
  if (!allCjk(text, start, end)) return false;
  const c = text.charCodeAt(start);
  if (DETERMINER[c] === 1 && LEVEL[text.charCodeAt(start + 1)] === 1) return false; // 全市, 本县
  if (MOTION[c] === 1) return false; // 赴环县: a verb of motion, then the place
  return FUNCTION[c] !== 1 && NOT_IN_NAME[text.charCodeAt(end - 1)] !== 1;
}

/**
 * The end of a model span after cutting off a verb it ran into: 选举罗燕为副主席 reads 罗燕为,
 * but 为 before a title or a body is the verb, and the name is 罗燕. Returns `end` otherwise.
 */
export function trimModelSpan(text: string, type: EntityType, start: number, end: number): number {
  if (type === 'person' && end - start >= 3 && text.charCodeAt(end - 1) === 0x4e3a && end < text.length && (TITLE_START[text.charCodeAt(end)] === 1 || LEVEL[text.charCodeAt(end)] === 1)) return end - 1;
  return end;
}

/**
 * The start of a model place span after cutting off a character it took from the word before:
 * 聚焦洞庭湖 reads 焦洞庭湖, but 洞庭湖 is a known landscape name and 焦洞庭湖 is not, and 焦 follows
 * another ideograph (a span that starts after punctuation keeps its first character: ，东洞庭湖).
 */
export function trimModelStart(text: string, type: EntityType, start: number, end: number): number {
  if (type !== 'place' || end - start < 4 || start === 0 || !isCjkIdeograph(text.charCodeAt(start - 1))) return start;
  // only a landscape or a country of three or more characters: a short remainder is too often a county
  // of its own (中南海 → 南海, 顺义县 → 义县), and a division name is too often cut from a longer one
  const rest = lookupPlace(text.slice(start + 1, end));
  if (rest.length === 0 || rest.some((p) => p.level !== 0) || lookupPlace(text.slice(start, end)).length > 0) return start;
  return start + 1;
}

/** Whether a model span of this type at [start, end) of the analysis text is worth keeping. */
export function modelSpanOk(text: string, type: EntityType, start: number, end: number): boolean {
  if (end - start > 32) return false;
  switch (type) {
    case 'person':
      return personOk(text, start, end);
    case 'organization':
      return orgOk(text, start, end);
    case 'position':
      return positionOk(text, start, end);
    case 'place':
      return placeOk(text, start, end);
    default:
      return false;
  }
}

/** Last characters of organisation names (委员会, 大学, 公司, 银行, 中心, 人大, 十五大 …). */
const ORG_END = codeSet('会委局厅部院校所队办室组织社团司行心站处馆协联盟党厂台报学署府军大');

/** Whether an organisation span ends the way organisation names end. */
export function endsLikeOrg(text: string, end: number): boolean {
  return ORG_END[text.charCodeAt(end - 1)] === 1;
}
