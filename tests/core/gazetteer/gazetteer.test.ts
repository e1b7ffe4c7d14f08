import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../scripts/build-gazetteer';
import { DIVISIONS } from '../../../src/core/gazetteer/compiled';
import {
  describePlace, divisionSuffixAt, findPlaces, lookupPlace, placeAt, placeById,
} from '../../../src/core/gazetteer/index';
import { shortForm } from '../../../src/core/gazetteer/shortform';

const texts = (s: string) => findPlaces(s).map((m) => m.text);
const canon = (s: string) => findPlaces(s).map((m) => m.info.canonical);

describe('compiled data', () => {
  it('is up to date with the builder and its sources', () => {
    const cur = readFileSync(new URL('../../../src/core/gazetteer/compiled.ts', import.meta.url), 'utf8');
    expect(cur).toBe(compile());
  });

  it('covers every level', () => {
    const levels = DIVISIONS.split('\n').map((l) => l.split('\t')[2]);
    expect(levels.filter((l) => l === '1').length).toBeGreaterThanOrEqual(34);
    expect(levels.filter((l) => l === '2').length).toBeGreaterThanOrEqual(330);
    expect(levels.filter((l) => l === '3').length).toBeGreaterThanOrEqual(2800);
  });

  it('leaves out statistical development zones and grouping rows', () => {
    expect(lookupPlace('兰州新区').every((p) => p.level === 0)).toBe(true);
    expect(lookupPlace('市辖区')).toEqual([]);
    expect(lookupPlace('东莞市').map((p) => p.level)).toEqual([2]);
  });
});

describe('short forms', () => {
  it.each([
    ['甘肃省', '甘肃'], ['平凉市', '平凉'], ['陇南市', '陇南'], ['通渭县', '通渭'], ['肃州区', '肃州'],
    ['民勤县', '民勤'], ['嘉峪关市', '嘉峪关'], ['临夏回族自治州', '临夏'], ['甘南藏族自治州', '甘南'],
    ['广西壮族自治区', '广西'], ['新疆维吾尔自治区', '新疆'], ['内蒙古自治区', '内蒙古'], ['香港特别行政区', '香港'],
    ['积石山保安族东乡族撒拉族自治县', '积石山'], ['伊犁哈萨克自治州', '伊犁'], ['浦东新区', '浦东'],
    ['神农架林区', '神农架'], ['万柏林区', '万柏林'], ['清新区', '清新'], ['锡林郭勒盟', '锡林郭勒'], ['阿里地区', '阿里'],
  ])('%s → %s', (full, short) => expect(shortForm(full)).toBe(short));

  it('refuses one-character and nationality-only forms', () => {
    expect(shortForm('城区')).toBeNull();
    expect(shortForm('漳县')).toBeNull();
    expect(shortForm('东乡族自治县')).toBeNull();
    expect(shortForm('土默特左旗')).toBeNull();
  });

  it('finds divisions by short form with their parents', () => {
    const [m] = findPlaces('通渭');
    expect(m.info).toEqual({ id: '621121', canonical: '通渭县', parents: ['甘肃省', '定西市'] });
    expect(m.viaShort).toBe(true);
    expect(canon('甘肃陇南嘉峪关肃州')).toEqual(['甘肃省', '陇南市', '嘉峪关市', '肃州区']);
  });
});

describe('describePlace', () => {
  it('lists the place then its parents bottom-up', () => {
    expect(describePlace(findPlaces('平凉')[0].info)).toBe('平凉市 · 甘肃省');
    expect(describePlace(findPlaces('通渭县')[0].info)).toBe('通渭县 · 定西市 · 甘肃省');
    expect(describePlace(findPlaces('甘肃')[0].info)).toBe('甘肃省');
    expect(describePlace(findPlaces('黄河')[0].info)).toBe('黄河 · 河流');
    expect(describePlace(findPlaces('美国')[0].info)).toBe('美国 · 国家');
  });
});

describe('ambiguity', () => {
  it('keeps every candidate and prefers the higher level', () => {
    expect(lookupPlace('朝阳').map((p) => p.id)).toEqual(['211300', '110105', '211321', '220104']);
    const [m] = findPlaces('朝阳');
    expect(m.info.canonical).toBe('朝阳市');
    expect(m.candidates).toBe(4);
  });

  it('uses a province hint, an adjacent parent, or the text’s own province', () => {
    expect(findPlaces('朝阳', { provinceHint: '北京' })[0].info.id).toBe('110105');
    expect(findPlaces('朝阳', { provinceHint: '220000' })[0].info.id).toBe('220104');
    expect(findPlaces('北京市朝阳区').map((m) => m.info.id)).toEqual(['110000', '110105']);
    expect(findPlaces('长春市朝阳区').map((m) => m.info.id)).toEqual(['220100', '220104']);
    // 城关区 exists in 兰州 and 拉萨; the rest of the text is about 甘肃.
    const ms = findPlaces('兰州市城关区，平凉、天水两地');
    expect(ms[1].info.parents).toEqual(['甘肃省', '兰州市']);
    const alone = findPlaces('城关区代表来自甘肃平凉、天水');
    expect(alone[0].info.id).toBe('620102');
  });

  it('prefers a province, then a prefecture, over a landscape name, and a landscape over a county', () => {
    expect(findPlaces('黑龙江')[0].info.canonical).toBe('黑龙江省');
    expect(findPlaces('太湖')[0].place.kind).toBe('lake');
    expect(lookupPlace('太湖').map((p) => p.kind)).toEqual(['lake', 'county']);
  });
});

describe('stoplist and guards', () => {
  it('does not take common words for short forms, but keeps the full names', () => {
    expect(texts('大兴调查研究之风')).toEqual([]);
    expect(texts('保持社会安定和平安')).toEqual([]);
    expect(texts('中方表示，合作共赢')).toEqual([]);
    expect(texts('北京市大兴区')).toEqual(['北京市', '大兴区']);
    expect(canon('大兴区和平区')).toEqual(['大兴区', '和平区']);
    expect(lookupPlace('大兴').map((p) => p.name)).toEqual(['大兴区']);
  });

  it('matches weak full names only after their parent', () => {
    expect(texts('加强市和县两级班子')).toEqual([]);
    expect(texts('城区道路改造')).toEqual([]);
    expect(texts('阳泉市城区')).toEqual(['阳泉市', '城区']);
    expect(texts('马鞍山市和县')).toEqual(['马鞍山市', '和县']);
  });

  it('rejects splits inside ordinary words and names', () => {
    expect(texts('隆重庆祝')).toEqual([]);
    expect(texts('会议决定西部项目')).toEqual([]);
    expect(texts('５月１１日本报讯')).toEqual([]);
    expect(texts('发展中国家')).toEqual([]);
    expect(texts('其中国家重点实验室')).toEqual([]);
    expect(texts('朝鲜族群众')).toEqual([]);
    expect(texts('平凉路和黄河路')).toEqual([]);
    expect(texts('，王庆阳表示')).toEqual([]);
    expect(texts('内陆河流域')).toEqual([]);
    // the same names in place contexts
    expect(texts('赴重庆调研')).toEqual(['重庆']);
    expect(texts('甘肃定西')).toEqual(['甘肃', '定西']);
    expect(texts('日本经济')).toEqual(['日本']);
    expect(texts('浙江宁波')).toEqual(['浙江', '宁波']);
    expect(texts('来到庆阳')).toEqual(['庆阳']);
  });
});

describe('leftmost-longest', () => {
  it('splits adjacent divisions and prefers full names', () => {
    const ms = findPlaces('甘肃省平凉市');
    expect(ms.map((m) => [m.start, m.end, m.text])).toEqual([[0, 3, '甘肃省'], [3, 6, '平凉市']]);
    expect(texts('平凉市政协')).toEqual(['平凉市']);
    expect(texts('黄河流域生态保护')).toEqual(['黄河流域']);
  });

  it('placeAt returns the longest place at an index', () => {
    expect(placeAt('平凉市政协', 0)?.text).toBe('平凉市');
    expect(placeAt('天水市委员会', 0)?.info.id).toBe('620500');
    expect(placeAt('民革甘肃省委会', 2)?.text).toBe('甘肃省');
    expect(placeAt('民革甘肃省委会', 1)).toBeUndefined();
    expect(divisionSuffixAt('平凉地区', 2)).toBe('地区');
    expect(divisionSuffixAt('平凉人', 2)).toBeNull();
  });
});

describe('extras', () => {
  it('finds countries with ISO codes and aliases', () => {
    const ms = findPlaces('美国、俄罗斯、日本和美利坚合众国');
    expect(ms.map((m) => m.info.id)).toEqual(['US', 'RU', 'JP', 'US']);
    expect(placeById('CN')?.aliases).toContain('中华人民共和国');
  });

  it('finds rivers, regions and corridors with parents', () => {
    expect(canon('长江、淮河、珠江、祁连山、青藏高原、粤港澳大湾区')).toEqual([
      '长江', '淮河', '珠江', '祁连山', '青藏高原', '粤港澳大湾区',
    ]);
    const [m] = findPlaces('河西走廊');
    expect(m.info.parents).toEqual(['甘肃省']);
    expect(canon('大湾区')).toEqual(['粤港澳大湾区']);
  });
});

describe('sample bulletin', () => {
  it('finds the places of a real page', () => {
    const raw = readFileSync('/work/shared/fixtures/sample-bulletin.txt', 'utf8').replace(/\s+/g, '');
    const found = new Set(texts(raw));
    for (const name of ['嘉峪关', '平凉', '天水', '通渭', '白银', '定西', '陇南', '民勤', '肃州', '陇西', '瓜州', '河西走廊', '黄河']) {
      expect([...found].some((t) => t.startsWith(name)), name).toBe(true);
    }
    for (const m of findPlaces(raw)) expect(raw.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('autonomous prefectures by short form + 州', () => {
  it('reads 临夏州 and 甘南州 as the prefectures, with their province', () => {
    const m = findPlaces('今年以来临夏州共收集社情民意信息，甘南州也积极响应。');
    expect(m.map((p) => p.text)).toEqual(['临夏州', '甘南州']);
    expect(m[0].info.canonical).toBe('临夏回族自治州');
    expect(m[0].info.parents).toEqual(['甘肃省']);
  });
});
