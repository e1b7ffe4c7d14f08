import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core';

const FIX = resolve(__dirname, '../../fixtures/core');
const SAMPLE = resolve(__dirname, '../../../../shared/fixtures/sample-bulletin.txt');

describe('segmentation: composed bulletin', () => {
  const text = readFileSync(resolve(FIX, 'composed-bulletin.txt'), 'utf8');
  const r = analyze(text);

  it('finds each report with its headline, wherever it is printed', () => {
    expect(r.articles.map((a) => a.title)).toEqual([
      '临洮县政协召开十届五次常委会会议',
      '省政协召开乡村振兴专题协商会',
      '',
      '推动优质医疗资源下沉基层',
      '静宁县政协开展委员读书活动',
    ]);
    expect(r.articles[0].subtitle).toBe('凝心聚力谋发展 履职尽责开新局');
  });

  it('parses datelines, kinds and continuation flags', () => {
    const [a, b, c, d, e] = r.articles;
    expect(a.dateline).toMatchObject({ place: '临洮', reporters: ['李明'], date: '4月10日' });
    expect(b.dateline).toMatchObject({ place: '兰州', reporters: ['孙海涛', '周文静'], date: '4月12日' });
    expect(c.kind).toBe('photo');
    expect(c.dateline?.reporters).toEqual(['马骁']);
    expect(c.body.startsWith('日前，榆中县政协')).toBe(true);
    expect(d.kind).toBe('continuation');
    expect(d.continued).toBe(true);
    expect(d.body.startsWith('会上，')).toBe(true);
    expect(e.dateline).toMatchObject({ agency: '本报', reporters: ['杨帆'], date: null });
    expect(r.articles.filter((x) => x.continued)).toHaveLength(1);
  });

  it('article ranges are ordered, disjoint and cover their bodies', () => {
    for (let k = 0; k < r.articles.length; k++) {
      const a = r.articles[k];
      expect(a.start).toBeLessThan(a.end);
      if (k > 0) expect(r.articles[k - 1].end).toBeLessThanOrEqual(a.start);
      expect(text.slice(a.start, a.end).replace(/\s+/g, '')).toContain(a.body.slice(0, 10));
    }
    // the trailing section label is not an article
    expect(r.articles.some((a) => a.title.includes('政协要闻') || a.body.includes('政协要闻'))).toBe(false);
  });
});

describe('segmentation: single article', () => {
  it('a news article (one paragraph per line) is one article with its title', () => {
    const text = readFileSync(resolve(FIX, 'news-article.txt'), 'utf8');
    const r = analyze(text);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].title).toBe('全国政协十四届常委会第五次会议在京开幕');
    expect(r.articles[0].dateline).toMatchObject({ agency: '新华社', place: '北京', date: '3月5日', reporters: ['许可', '王晶'] });
  });

  it('singleArticle/title options give exactly one article even for a bulletin', () => {
    const text = readFileSync(resolve(FIX, 'composed-bulletin.txt'), 'utf8');
    const r = analyze(text, { singleArticle: true, title: '某标题' });
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].title).toBe('某标题');
    expect(r.entities.every((e) => e.article === 0)).toBe(true);
  });
});

describe('segmentation: the real sample page', () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const r = analyze(text);
  const byPlace = new Map(r.articles.filter((a) => a.dateline?.place).map((a) => [a.dateline!.place!, a]));

  it('finds the eight datelined reports with place and reporters', () => {
    expect(r.articles.filter((a) => a.dateline?.agency === '本报')).toHaveLength(8);
    expect(byPlace.get('嘉峪关')?.dateline?.reporters).toEqual(['苏天泰']);
    expect(byPlace.get('天水')?.dateline?.reporters).toEqual(['高磊']); // `高 磊` is one person
    expect(byPlace.get('肃州')?.dateline?.reporters).toEqual(['南英']);
    expect(byPlace.get('陇西')?.dateline?.reporters).toEqual(['马彦龙', '蒲陇鹏']);
    expect(byPlace.get('定西')?.dateline?.date).toBe('3月23日');
  });

  it('attaches headlines printed before, after and away from their reports', () => {
    // before the dateline, with a subtitle line after it
    expect(byPlace.get('嘉峪关')?.title.startsWith('嘉峪关市政协召开')).toBe(true);
    expect(byPlace.get('嘉峪关')?.subtitle).toBe('强化作风建设 不断提高工作能力和质量');
    // printed after the article, before the next report's headline
    expect(byPlace.get('平凉')?.title.startsWith('平凉市政协召开')).toBe(true);
    expect(byPlace.get('天水')?.title.startsWith('天水市政协召开')).toBe(true);
    expect(byPlace.get('定西')?.title).toBe('定西市政协召开文史资料工作座谈会');
    // printed in a block of headlines several reports earlier
    expect(byPlace.get('陇西')?.title).toBe('陇西县政协召开十一届八次常委会会议');
    expect(byPlace.get('肃州')?.title).toBe('肃州区政协召开十三届九次常委会会议');
  });

  it('flags the three continuations and the photo caption', () => {
    const cont = r.articles.filter((a) => a.continued);
    expect(cont).toHaveLength(3);
    expect(cont.every((a) => a.kind === 'continuation' && !a.body.startsWith('（'))).toBe(true);
    const photos = r.articles.filter((a) => a.kind === 'photo');
    expect(photos).toHaveLength(1);
    expect(photos[0].dateline?.reporters).toEqual(['董少君']);
    expect(photos[0].body.startsWith('近日，通渭县政协')).toBe(true);
    expect(photos[0].title).toBe('通渭县政协开展界别委员活动'); // doubled in the text layer
  });

  it('keeps page furniture out of articles', () => {
    expect(r.articles).toHaveLength(12);
    const last = text.lastIndexOf('政协常委会会议');
    expect(r.articles.some((a) => a.start <= last && last < a.end)).toBe(false);
  });
});

describe('segmentation: more dateline and continuation forms', () => {
  it('continuation markers, bylines and agency datelines start articles', () => {
    const text = [
      '（接第二版）会议还听取了有关情况的汇报，研究部署了下一阶段的重点工作。',
      '（上接1版）与会人员围绕议题深入讨论，提出了许多有价值的意见建议。',
      '乡村振兴的新路子',
      '本报记者 刘明 孙红',
      '走进田间地头，处处是春耕的繁忙景象。村民们说，今年的日子更有奔头了。',
      '中新网3月5日电 国务院新闻办公室5日举行新闻发布会，介绍有关情况。（记者 李东华）',
    ].join('\n');
    const r = analyze(text);
    expect(r.articles.map((a) => [a.kind, a.continued])).toEqual([
      ['continuation', true],
      ['continuation', true],
      ['report', false],
      ['report', false],
    ]);
    expect(r.articles[2].title).toBe('乡村振兴的新路子');
    expect(r.articles[2].dateline).toMatchObject({ agency: '本报', reporters: ['刘明', '孙红'] });
    expect(r.articles[2].body.startsWith('走进田间地头')).toBe(true);
    expect(r.articles[3].dateline).toMatchObject({ agency: '中新网', place: null, date: '3月5日' });
    expect(r.articles[1].body.startsWith('与会人员')).toBe(true);
  });

  it('a trailing （记者 X） supplies the reporters of an article without a dateline', () => {
    const r = analyze('标题一行\n会议要求，各地要抓好落实，确保取得实效。（记者 李东华）');
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].dateline?.reporters).toEqual(['李东华']);
  });
});

describe('segmentation: headlines with a comma', () => {
  it('are headlines when a dateline follows, prose otherwise', () => {
    const text = [
      '守正创新，奋力谱写新篇章',
      '本报讯（记者 周明）7月1日，全市宣传思想工作会议召开。',
      '会议强调，要守正创新，',
      '奋力谱写新篇章。',
    ].join('\n');
    const r = analyze(text);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].title).toBe('守正创新，奋力谱写新篇章');
    expect(r.articles[0].body.endsWith('奋力谱写新篇章。')).toBe(true);
  });
});

describe('segmentation: page-jump marks', () => {
  const lead = '本报讯（记者 王立新）5月8日，省政协召开专题协商会，围绕黄河流域生态保护和高质量发展建言资政。会议要求，';
  it('ends the report at a jump mark that cuts it mid-sentence, and starts the next piece after it', () => {
    const text = `${lead}\n各级政协组织要把协商成果转化为\n推动发展的实际成效（下转第二版）\n编者按：今年是全面贯彻党的二十大精神的开局之年，本版推出系列报道，展示各地政协委员履职风采。\n`;
    const r = analyze(text, { model: false });
    expect(r.articles).toHaveLength(2);
    expect(r.articles[0].body.endsWith('推动发展的实际成效')).toBe(true);
    expect(r.articles[1].body.startsWith('编者按：今年是')).toBe(true);
    expect(r.articles[1].kind).toBe('commentary');
  });

  it('treats a jump mark on its own line as page furniture', () => {
    const text = `${lead}\n各级政协组织要把协商成果转化为推动发展的实际成效。\n（转2版）\n编者按：今年是全面贯彻党的二十大精神的开局之年，本版推出系列报道，展示各地政协委员履职风采。\n`;
    const r = analyze(text, { model: false });
    expect(r.articles).toHaveLength(2);
    expect(r.articles[0].body).not.toContain('转2版');
    expect(r.articles[1].body.startsWith('编者按')).toBe(true);
  });
});
