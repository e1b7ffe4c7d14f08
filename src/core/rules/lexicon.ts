// Small keyword tables for the rules: surnames, titles, organisation parts.
// A table matches by first char (one typed-array probe per position), longest first.

export class Keywords {
  /** Per char code: 1 = starts a longer word, 2 = is a one-char word (both may be set). */
  private readonly first = new Uint8Array(65536);
  /** Hashed bit set of the first two chars of the longer words: most trigger chars stop here. */
  private readonly pairs = new Int32Array(2048);
  private readonly byFirst = new Map<number, string[]>();
  private readonly single = new Map<number, string>();
  /**
   * The words in a trie: edges (node, char) → child in an open-addressing table, node 0 the
   * root; word[node] is the index of the word ending there, -1 for none. A lookup walks the
   * text once, with no string compared.
   */
  private readonly edgeFrom: Int32Array;
  private readonly edgeUnit: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly mask: number;
  private readonly word: Int32Array;
  private readonly words: string[] = [];

  constructor(words: Iterable<string>) {
    const kids: Array<Map<number, number>> = [new Map()];
    const ends: number[] = [-1];
    for (const w of words) {
      if (!w) continue;
      const c = w.charCodeAt(0);
      if (w.length === 1) {
        this.first[c] |= 2;
        this.single.set(c, w);
      } else {
        this.first[c] |= 1;
        let list = this.byFirst.get(c);
        if (!list) this.byFirst.set(c, (list = []));
        if (!list.includes(w)) list.push(w);
        const h = pairHash(c, w.charCodeAt(1));
        this.pairs[h >>> 5] |= 1 << (h & 31);
      }
      let node = 0;
      for (let i = 0; i < w.length; i++) {
        const u = w.charCodeAt(i);
        let child = kids[node].get(u);
        if (child === undefined) {
          child = kids.length;
          kids.push(new Map());
          ends.push(-1);
          kids[node].set(u, child);
        }
        node = child;
      }
      if (ends[node] < 0) {
        ends[node] = this.words.length;
        this.words.push(w);
      }
    }
    let edges = 0;
    for (const m of kids) edges += m.size;
    let size = 16;
    while (size < edges * 2) size *= 2;
    this.mask = size - 1;
    this.edgeFrom = new Int32Array(size).fill(-1);
    this.edgeUnit = new Int32Array(size);
    this.edgeTo = new Int32Array(size);
    kids.forEach((m, node) => {
      for (const [u, child] of m) {
        let h = edgeHash(node, u) & this.mask;
        while (this.edgeFrom[h] !== -1) h = (h + 1) & this.mask;
        this.edgeFrom[h] = node;
        this.edgeUnit[h] = u;
        this.edgeTo[h] = child;
      }
    });
    this.word = Int32Array.from(ends);
  }

  /** Sets, in a 65536-bit set, the bit pairGateHash(first, second) of every longer word. */
  markPairs(bits: Int32Array): void {
    for (const list of this.byFirst.values()) {
      for (const w of list) {
        const h = pairHash(w.charCodeAt(0), w.charCodeAt(1));
        bits[h >>> 5] |= 1 << (h & 31);
      }
    }
  }

  /** Char codes that are whole one-char words. */
  singleChars(): number[] {
    return [...this.single.keys()];
  }

  /** Char codes that start a word. */
  firstChars(): number[] {
    return [...new Set([...this.byFirst.keys(), ...this.single.keys()])];
  }

  /** Could a word start with this char code? */
  starts(c: number): boolean {
    return this.first[c] !== 0;
  }

  /** Longest word at `pos`, or null. */
  at(text: string, pos: number): string | null {
    const c = text.charCodeAt(pos);
    const f = this.first[c];
    if (f === 0 || f === undefined) return null; // undefined: pos outside the text
    if (f & 1) {
      const h = pairHash(c, text.charCodeAt(pos + 1));
      if ((this.pairs[h >>> 5] & (1 << (h & 31))) !== 0) {
        // the longest word along the path
        let best = -1;
        let node = this.child(0, c);
        for (let j = pos + 1; node > 0; j++) {
          if (this.word[node] >= 0) best = this.word[node];
          if (j >= text.length) break;
          node = this.child(node, text.charCodeAt(j));
        }
        if (best >= 0) return this.words[best];
      }
    }
    return f & 2 ? (this.single.get(c) as string) : null;
  }

  /** Child of `node` on char u, or 0. */
  private child(node: number, u: number): number {
    const from = this.edgeFrom;
    let h = edgeHash(node, u) & this.mask;
    for (;;) {
      const f = from[h];
      if (f === -1) return 0;
      if (f === node && this.edgeUnit[h] === u) return this.edgeTo[h];
      h = (h + 1) & this.mask;
    }
  }
}

/** Hash of a char pair into 16 bits: the index into a pair bit set of 2048 words. */
export function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 16;
}

function edgeHash(node: number, u: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(u, 0x85ebca6b);
}

const split = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** A char-code membership table: one typed-array load per test, no one-char strings. */
export function codeSet(chars: Iterable<string>): Uint8Array {
  const t = new Uint8Array(65536);
  for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  return t;
}

// Common Chinese surnames (a surname table, not a list of persons).
export const SINGLE_SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习傅阎'
  ).split(''),
);
export const SURNAME_CODES = codeSet(SINGLE_SURNAMES);
export const DOUBLE_SURNAMES = new Set(split('欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 令狐 慕容 夏侯 长孙 宇文 司徒 端木 独孤 南宫 西门 轩辕 呼延 百里 东郭 万俟 闻人 澹台 公冶 太史 申屠 钟离 拓跋 第五 乐正'));

// Titles. Weak ones need context (a name after, an org before, or a list of titles).
export const STRONG_POSITIONS = split(`
总书记 国家主席 国家副主席 国务院总理 总理 副总理 国务委员 委员长 副委员长
主席 副主席 常务副主席 党组书记 党组副书记 党组成员 书记 副书记 常务副书记 专职副书记 第一书记 支部书记
秘书长 副秘书长 市长 副市长 常务副市长 代市长 县长 副县长 常务副县长 代县长 区长 副区长 省长 副省长 常务副省长 代省长
州长 副州长 镇长 副镇长 乡长 副乡长 村长 部长 副部长 厅长 副厅长 局长 副局长 处长 副处长 科长 副科长
副主任 常务副主任 主任委员 副主任委员 政协委员 人大代表 党代表 院长 副院长 检察长 副检察长 庭长 审判长 校长 副校长
董事长 总经理 副总经理 总编辑 副总编辑 理事长 副理事长 会长 副会长 巡视员 一级巡视员 二级巡视员 调研员 督察长
大使 总统 副总统 首相 外长 国务卿 外交部长 发言人 新闻发言人 组长 副组长 站长 副站长 所长 队长 社长 主编
`);
export const WEAK_POSITIONS = split('主任 委员 常委 代表 经理 记者 通讯员 特约通讯员 本报记者');

/** Words that may follow a person's name. */
export const NAME_FOLLOWERS = new Keywords(
  split(`
主持 出席 强调 指出 讲话 表示 说 介绍 参加 等 同志 在 和 与 及 为 对 作 致辞 率 带领 一行 同 向 宣读 通报 传达
希望 要求 认为 参观 调研 看望 会见 会上 就 也 还 分别 先后 提出 汇报 发言 总结 部署 到 赴 深入 前往 陪同 担任
当选 是 的 代表 主任 书记 主席 委员 摄 报道 带队 一同 共同 现场 实地 专题 围绕 首先 最后 随后 通过 听取 对此 接受
`),
);

/** Verbs after which a bare name (no title) is accepted when the name is preceded by a boundary. */
export const NAME_VERBS = new Keywords(split('主持 强调 指出 出席 表示 讲话 介绍 致辞 宣读 通报 总结 认为'));
/** Forms of address: name + these is a person even inside a clause. */
export const ADDRESS = new Keywords(split('同志 总书记 委员长 总理 主席 先生 女士 教授 院士'));

// Organisation parts after a place or a level char (市政协, 平凉市人民政府).
export const ORG_BODIES = split(`
人大常委会 人民代表大会常务委员会 人民代表大会 人大 政协 人民政府 政府 人民检察院 检察院 中级人民法院 人民法院 法院
党委 纪委监委 纪委 监委 委 公安局 财政局 教育局 民政局 司法局 审计局 统计局 税务局 信访局 水务局 人社局 住建局 商务局 文旅局
农业农村局 自然资源局 生态环境局 交通运输局 应急管理局 市场监管局 卫健委 卫生健康委 发改委 发展改革委 统战部 组织部 宣传部
政法委 委统战部 委组织部 委宣传部 委政法委 总工会 妇联 团委 工商联 文联 科协 残联 侨联 党校 委党校 人民医院 融媒体中心
管委会 党工委 工委 委员会办公室 人民政府办公室 政府办公室
`);
export const ORG_LEVELS = '省市县区州镇乡旗盟';
/** Sub-units that extend an org: 市政协办公室, 区政协常委会. */
export const ORG_SUBUNITS = new Keywords(split('办公室 常委会 机关 党组'));

export const NATIONAL_ORGS = new Keywords(
  split(`
党中央 中共中央 国务院 全国人大常委会 全国人大 全国政协 中央军委 中央纪委 国家监委 中央纪委国家监委 最高人民法院 最高人民检察院
国家发改委 国家发展改革委 外交部 国防部 教育部 科技部 工业和信息化部 工信部 公安部 民政部 司法部 财政部 人力资源社会保障部 人社部
自然资源部 生态环境部 住房城乡建设部 住建部 交通运输部 水利部 农业农村部 商务部 文化和旅游部 文旅部 国家卫生健康委 国家卫健委
退役军人事务部 应急管理部 中国人民银行 审计署 国务院国资委 海关总署 国家市场监管总局 国家统计局 国家林草局 国家能源局 国家乡村振兴局
中央统战部 中央组织部 中央宣传部 中央政法委 中央办公厅 国务院办公厅 全国总工会 全国妇联 共青团中央 中国科协 全国工商联 中国侨联 中国文联
中国共产党 中国人民政治协商会议 中国人民政治协商会议全国委员会 联合国 欧盟
`),
);
/** Democratic parties and similar bodies, optionally followed by a place and a level body. */
export const PARTIES = new Keywords(split('民革 民盟 民建 民进 农工党 致公党 九三学社 台盟 工商联 共青团'));
export const PARTY_SUFFIXES = new Keywords(split('中央 省委会 省委 市委会 市委 区委会 区委 县委会 县委 州委会 州委 支部 总支 基层委员会 委员会'));
