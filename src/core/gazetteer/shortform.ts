// Short forms of Chinese division names (甘肃省→甘肃, 临夏回族自治州→临夏).
// Used by the build script; kept in core so tests can check the rules directly.

/** The 55 minority nationalities, longest first so 布依 wins over 布. */
const ETHNIC = [
  '乌孜别克', '柯尔克孜', '达斡尔', '鄂伦春', '鄂温克', '哈萨克', '塔吉克', '塔塔尔', '维吾尔', '俄罗斯',
  '蒙古', '朝鲜', '布依', '土家', '哈尼', '傈僳', '拉祜', '东乡', '纳西', '景颇', '仫佬', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '德昂', '保安', '裕固', '独龙', '赫哲', '门巴', '珞巴', '基诺',
  '高山', '回', '藏', '苗', '彝', '壮', '满', '侗', '瑶', '白', '傣', '黎', '佤', '畲', '水', '土', '羌',
  '怒', '京',
  '各', // 龙胜各族自治县
];

/** Administrative suffixes, longest first. */
const SUFFIXES = [
  '特别行政区', '自治区', '自治州', '自治县', '自治旗', '新区', '林区', '特区', '地区', '省', '市', '盟',
  '县', '区', '旗',
];

/**
 * Strip trailing nationality names (回族, 保安族东乡族撒拉族, 蒙古, 哈萨克), keeping at least two
 * characters (内蒙古 stays). One-character names need 族.
 */
function stripEthnic(s: string): string {
  let cur = s;
  for (;;) {
    let next = cur;
    for (const e of ETHNIC) {
      if (cur.endsWith(e + '族') && cur.length >= e.length + 3) {
        next = cur.slice(0, -(e.length + 1));
        break;
      }
      if (e.length >= 2 && cur.endsWith(e) && cur.length >= e.length + 2) {
        next = cur.slice(0, -e.length);
        break;
      }
    }
    if (next === cur) return cur;
    cur = next;
  }
}

/**
 * The short form of a division's full name, or null when it would be shorter than two
 * characters (城区, 矿区, 漳县) or is only a nationality (鄂温克族自治旗).
 */
export function shortForm(full: string): string | null {
  for (const suf of SUFFIXES) {
    if (!full.endsWith(suf) || full.length <= suf.length) continue;
    let stem = full.slice(0, -suf.length);
    // 新区/林区 are suffixes only of long names (浦东新区, 神农架林区); 清新区, 万柏林区 end in 区.
    if ((suf === '新区' && stem.length < 2) || (suf === '林区' && stem.length < 3)) continue;
    // 土默特左旗 is never said as 土默特左.
    if (suf === '旗' && /[左右前中后]$/.test(stem)) return null;
    const autonomous = suf.startsWith('自治') || suf === '特别行政区';
    if (autonomous) stem = stripEthnic(stem);
    if (stem.length < 2) return null;
    if (autonomous && ETHNIC.some((e) => stem === e || stem === e + '族')) return null;
    return stem;
  }
  return null;
}
