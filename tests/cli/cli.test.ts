import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main';
import { csvCell } from '../../src/cli/format';
import { cleanTitle } from '../../src/cli/html';

const ROOT = resolve(__dirname, '../..');
const FIX = resolve(ROOT, 'tests/fixtures/core');
let tmp = '';

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    async *lines() {
      yield* stdin.split('\n');
    },
  };
  const code = await main(argv, io);
  return { code, out, err };
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'bl-cli-'));
  const html = readFileSync(join(FIX, 'bulletin-page.html'), 'utf8').replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
  writeFileSync(join(tmp, 'gbk-page.html'), iconv.encode(html, 'gbk'));
  writeFileSync(join(tmp, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  writeFileSync(join(tmp, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]));
  writeFileSync(join(tmp, 'bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('市政协主席梁英出席。', 'utf8')]));
});

describe('annotate --json', () => {
  it('a .txt file: the documented shape, offsets into the printed text', async () => {
    const { code, out, err } = await run(['annotate', join(FIX, 'composed-bulletin.txt')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(['source', 'text', 'articles', 'entities']);
    expect(r.text).toBe(readFileSync(join(FIX, 'composed-bulletin.txt'), 'utf8'));
    expect(Object.keys(r.articles[0])).toEqual(['title', 'subtitle', 'kind', 'continued', 'dateline', 'start', 'end', 'body']);
    expect(Object.keys(r.articles[0].dateline)).toEqual(['text', 'agency', 'place', 'reporters', 'date']);
    expect(Object.keys(r.entities[0])).toEqual(['type', 'text', 'start', 'end', 'article']);
    for (const e of r.entities) expect(r.text.slice(e.start, e.end).replace(/\s+/g, '')).toBe(e.text);
    expect(r.articles.map((a: { title: string }) => a.title)).toContain('省政协召开乡村振兴专题协商会');
  });

  it('a single-article .html page goes through Readability; the title loses its site suffix', async () => {
    const { code, out } = await run(['annotate', join(FIX, 'news-page.html')]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].title).toBe('全国政协举行双周协商座谈会');
    expect(r.articles[0].dateline).toMatchObject({ agency: '新华社', place: '北京', reporters: ['许可', '周文静'] });
    expect(r.text).not.toContain('隐藏的段落');
    expect(r.text).not.toContain('tracker');
    expect(r.text).not.toContain('首页');
    const people = r.entities.filter((e: { type: string }) => e.type === 'person').map((e: { text: string }) => e.text);
    expect(people).toEqual(expect.arrayContaining(['王沪宁', '郑建邦', '王东峰']));
    for (const e of r.entities) expect(r.text.slice(e.start, e.end).replace(/\s+/g, '')).toBe(e.text);
  });

  it('a bulletin-like .html page keeps all reports, with block boundaries as line breaks', async () => {
    const { out } = await run(['annotate', join(FIX, 'bulletin-page.html')]);
    const r = JSON.parse(out);
    expect(r.articles.map((a: { dateline: { place: string } }) => a.dateline.place)).toEqual(['榆中', '永登', '皋兰']);
    expect(r.articles.map((a: { title: string }) => a.title)).toEqual(['榆中县政协召开常委会会议', '永登县政协开展专题视察', '皋兰县政协召开主席会议']);
    expect(r.articles[0].dateline.reporters).toEqual(['张华']);
    expect(r.text).not.toContain('隐藏');
    expect(r.text).not.toContain('document.write');
  });

  it('decodes a GB2312-declared page', async () => {
    const { code, out, err } = await run(['annotate', join(tmp, 'gbk-page.html')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.text).toContain('榆中县政协召开十届十次常委会会议');
    expect(r.articles).toHaveLength(3);
  });

  it('several files give an array; --jsonl-out one line each; a UTF-8 BOM is sniffed', async () => {
    const a = await run(['annotate', join(FIX, 'news-article.txt'), join(tmp, 'bom.txt')]);
    const arr = JSON.parse(a.out);
    expect(arr.map((x: { source: string }) => x.source)).toEqual([join(FIX, 'news-article.txt'), join(tmp, 'bom.txt')]);
    expect(arr[1].text.startsWith('市政协')).toBe(true);
    const b = await run(['annotate', '--jsonl-out', join(FIX, 'news-article.txt'), join(tmp, 'bom.txt')]);
    const lines = b.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]).entities.map((e: { text: string }) => e.text)).toContain('梁英');
  });
});

describe('annotate --jsonl (stdin)', () => {
  it('processes good lines, reports bad ones with their line number, exits non-zero', async () => {
    const stdin = [
      JSON.stringify({ id: 'a', text: '本报讯（记者 赵强 刘鹰）1月13日，市政协主席梁英出席会议。' }),
      '{not json',
      JSON.stringify({ id: 'c', body: 'no text field' }),
      JSON.stringify({ id: 'd', text: '县政协副主席王立新、陈晓燕出席。' }),
    ].join('\n');
    const { code, out, err } = await run(['annotate', '--jsonl'], stdin);
    expect(code).toBe(1);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'd']);
    expect(Object.keys(lines[0])).toEqual(['id', 'articles', 'entities']);
    expect(lines[0].entities.filter((e: { type: string }) => e.type === 'person').map((e: { text: string }) => e.text)).toEqual(['赵强', '刘鹰', '梁英']);
    expect(err).toContain('line 2');
    expect(err).toContain('line 3');
    expect(err).not.toContain('line 1:');
  });
});

describe('the learned model is on by default', () => {
  it('--jsonl tags a bare name in free text, which only the model can do; --no-model does not', async () => {
    const stdin = JSON.stringify({ id: 'x', text: '昨天张明华在会上发言，他谈了三点体会。' });
    const persons = (out: string) =>
      JSON.parse(out.trim())
        .entities.filter((e: { type: string }) => e.type === 'person')
        .map((e: { text: string }) => e.text);
    const on = await run(['annotate', '--jsonl'], stdin);
    expect(on.code).toBe(0);
    expect(persons(on.out)).toEqual(['张明华']);
    const off = await run(['annotate', '--jsonl', '--no-model'], stdin);
    expect(persons(off.out)).toEqual([]);
    // the merge keeps the rules' structure: title + name, dateline reporters
    const d = await run(['annotate', '--jsonl'], JSON.stringify({ id: 'y', text: '本报讯（记者 赵强 刘鹰）1月13日，市政协主席梁英出席会议。' }));
    expect(persons(d.out)).toEqual(['赵强', '刘鹰', '梁英']);
  });

  it('file input uses the model too, and --help documents --no-model', async () => {
    const { out } = await run(['annotate', '--types', 'person', join(FIX, 'news-article.txt')]);
    expect(JSON.parse(out).entities.some((e: { type: string }) => e.type === 'person')).toBe(true);
    expect((await run(['--help'])).out).toContain('--no-model');
  });
});

describe('annotate --format', () => {
  it('md: a section per article with entity lists', async () => {
    const { code, out } = await run(['annotate', '--format', 'md', join(FIX, 'composed-bulletin.txt')]);
    expect(code).toBe(0);
    expect(out).toContain('## 1. 临洮县政协召开十届五次常委会会议');
    expect(out).toContain('*凝心聚力谋发展 履职尽责开新局*');
    expect(out).toMatch(/\*\*People:\*\* 李明、赵东来、王立新、陈晓燕、刘国强/);
    expect(out).toContain('kind: photo');
  });

  it('csv: BOM, RFC 4180 header and rows, formulas neutralised', async () => {
    const { out } = await run(['annotate', '--format', 'csv', join(FIX, 'composed-bulletin.txt')]);
    expect(out.startsWith('\uFEFFarticle,type,text,start,end\r\n')).toBe(true);
    const rows = out.slice(1).trim().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(10);
    const src = readFileSync(join(FIX, 'composed-bulletin.txt'), 'utf8');
    const row = rows.find((r) => r.startsWith('0,person,赵东来,'))!.split(',');
    expect(src.slice(+row[3], +row[4]).replace(/\s+/g, '')).toBe('赵东来'); // the name crosses a line break
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(null)).toBe('');
  });
});

describe('errors', () => {
  it('missing file, binary file, invalid UTF-8: one line on stderr, exit 1', async () => {
    for (const [f, msg] of [
      ['/no/such/file.txt', 'no such file'],
      [join(tmp, 'binary.txt'), 'binary'],
      [join(tmp, 'latin1.txt'), 'UTF-8'],
    ]) {
      const { code, out, err } = await run(['annotate', f]);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain(msg);
    }
  });

  it('usage errors exit 2', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['annotate'])).code).toBe(2);
    expect((await run(['annotate', '--types', 'bogus', 'x.txt'])).code).toBe(2);
  });

  it('title cleanup', () => {
    expect(cleanTitle('全国政协举行座谈会 - 人民网')).toBe('全国政协举行座谈会');
    expect(cleanTitle('标题很长的新闻_新华网')).toBe('标题很长的新闻');
    expect(cleanTitle('没有后缀的标题')).toBe('没有后缀的标题');
  });
});

describe('bin/bulletin-lens.mjs', () => {
  it('runs the CLI through tsx', () => {
    const p = spawnSync(process.execPath, [join(ROOT, 'bin/bulletin-lens.mjs'), 'annotate', '--format', 'csv', '--types', 'person', join(FIX, 'news-article.txt')], { encoding: 'utf8' });
    expect(p.status).toBe(0);
    expect(p.stdout).toContain('person,许可');
    const bad = spawnSync(process.execPath, [join(ROOT, 'bin/bulletin-lens.mjs'), 'annotate', '/no/such/file.txt'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('bulletin-lens: /no/such/file.txt: no such file');
  });
});
