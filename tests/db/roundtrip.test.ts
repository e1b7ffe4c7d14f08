import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRepository, type Repository } from '../../src/db';
import { parseJsonLd, serializeJsonLd } from '../../src/export';
import { ARTICLE, freshName, makeAnnotation, makeSummary } from './fixtures';

async function seed(repo: Repository) {
  await repo.recordPage(makeSummary(), '2024-04-18T00:00:00.000Z');
  const url = 'https://news.example.cn/a.html';
  await repo.saveAnnotation(makeAnnotation({ url, quote: '杜文斌主持会议', note: '主持', tags: ['人事'], article: ARTICLE, created: '2024-04-18T01:00:00.000Z' }), '2024-04-18T01:00:00.000Z');
  await repo.saveAnnotation(makeAnnotation({ url, note: '页面笔记', created: '2024-04-18T02:00:00.000Z' }), '2024-04-18T02:00:00.000Z');
  await repo.saveAnnotation(makeAnnotation({ url: 'https://en.example.com/x', quote: 'Two Sessions', note: 'english', tags: ['npc', '两会'], created: '2024-03-01T00:00:00.000Z' }), '2024-03-01T00:00:00.000Z');
}

async function dump(repo: Repository) {
  const b = await repo.exportBundle();
  const byId = <T>(key: (x: T) => string) => (a: T, c: T) => key(a).localeCompare(key(c));
  return {
    annotations: [...b.annotations].sort(byId((a) => a.id)),
    pages: [...b.pages].sort(byId((p) => p.url)),
    articles: [...b.articles].sort(byId((a) => a.id)),
    tags: await repo.listTags(),
    rows: (await repo.db.annotations.toArray()).sort(byId((r) => r.id)),
  };
}

describe('export → wipe → import', () => {
  it('gives back identical data, indexes included', async () => {
    const repo = openRepository(freshName());
    await seed(repo);
    const before = await dump(repo);
    expect(before.annotations).toHaveLength(3);
    const text = serializeJsonLd(await repo.exportBundle());
    await repo.wipeAll();
    expect(await repo.stats()).toEqual({ annotations: 0, pages: 0, articles: 0, tags: 0 });
    const parsed = parseJsonLd(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const report = await repo.importBundle(parsed.value.bundle);
    expect(report.added).toHaveLength(3);
    expect(report.updated).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.pages.added).toBe(2);
    expect(await dump(repo)).toEqual(before);
    expect((await repo.search({ text: '主持' })).total).toBe(1);
  });

  it('merges by id: newer modified wins, older and equal are skipped with reasons, nothing is deleted', async () => {
    const repo = openRepository(freshName());
    const keep = await repo.saveAnnotation(makeAnnotation({ quote: '只在本地', created: '2024-01-01T00:00:00.000Z' }));
    const a = await repo.saveAnnotation(makeAnnotation({ quote: '甲', note: 'local', created: '2024-01-01T00:00:00.000Z', modified: '2024-02-01T00:00:00.000Z' }));
    const b = await repo.saveAnnotation(makeAnnotation({ quote: '乙', note: 'local', created: '2024-01-01T00:00:00.000Z', modified: '2024-02-01T00:00:00.000Z' }));
    const c = await repo.saveAnnotation(makeAnnotation({ quote: '丙', note: 'same', created: '2024-01-01T00:00:00.000Z' }));
    const incoming = [
      { ...a, body: { ...a.body, note: 'newer' }, modified: '2024-03-01T00:00:00.000Z' },
      { ...b, body: { ...b.body, note: 'older' }, modified: '2024-01-15T00:00:00.000Z' },
      c,
      makeAnnotation({ quote: '新的', tags: ['导入'] }),
    ];
    const parsed = parseJsonLd(serializeJsonLd({ annotations: incoming, pages: [], articles: [] }));
    if (!parsed.ok) throw new Error(parsed.error);
    const report = await repo.importBundle(parsed.value.bundle);
    expect(report.added).toEqual([incoming[3].id]);
    expect(report.updated).toEqual([a.id]);
    expect(report.skipped).toEqual([
      { id: b.id, reason: 'stored version is newer' },
      { id: c.id, reason: 'same version already stored' },
    ]);
    expect((await repo.getAnnotation(a.id))!.body.note).toBe('newer');
    expect((await repo.getAnnotation(b.id))!.body.note).toBe('local');
    expect(await repo.getAnnotation(keep.id)).toEqual(keep);
    expect((await repo.stats()).annotations).toBe(5);
    expect(await repo.listTags()).toEqual([{ name: '导入', count: 1 }]);
  });

  it('exports a selection with only its pages and their articles', async () => {
    const repo = openRepository(freshName());
    await seed(repo);
    const [en] = (await repo.search({ site: 'en.example.com' })).items;
    const b = await repo.exportBundle([en.id]);
    expect(b.annotations).toEqual([en]);
    expect(b.pages.map((p) => p.url)).toEqual(['https://en.example.com/x']);
    expect(b.articles).toEqual([]);
  });
});
