import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../src/db';
import { SCHEMA_V2, toRow } from '../../src/db/schema';
import { ARTICLE, freshName, makeAnnotation } from './fixtures';

describe('schema migration v1 → v2', () => {
  it('upgrades a database made with the first schema, keeping every row and making it searchable', async () => {
    const name = freshName();
    // The first schema exactly as it shipped: W3C rows plus a copied top-level `source`.
    const v1 = new Dexie(name);
    v1.version(1).stores({ annotations: 'id, source' });
    const rows = [
      makeAnnotation({ url: 'https://www.gsrb.com/1', quote: '三抓三促', note: '要点', tags: ['政策'], article: ARTICLE, created: '2024-01-01T00:00:00.000Z' }),
      makeAnnotation({ url: 'https://www.gsrb.com/1', note: '整页的笔记', created: '2024-01-02T00:00:00.000Z' }),
      makeAnnotation({ url: 'https://cppcc.example.cn/2', quote: '两个确立', tags: ['政策', '理论'], created: '2024-01-03T00:00:00.000Z', modified: '2024-02-01T00:00:00.000Z' }),
    ];
    // A row the v2 validator would reject must survive too (set aside, not dropped).
    const odd = { id: 'legacy-1', source: 'https://x.cn/', target: { source: 'https://x.cn/' }, note: 'old shape' };
    await v1.table('annotations').bulkPut([...rows.map((a) => ({ ...a, source: a.target.source })), odd]);
    v1.close();

    const repo = openRepository(name);
    for (const a of rows) expect(await repo.getAnnotation(a.id)).toEqual(a);
    expect(repo.db.verno).toBe(3);
    expect(await repo.db.annotations.count()).toBe(3);
    expect(await repo.db.quarantine.get('legacy-1')).toMatchObject({ table: 'annotations', reason: 'id is not a urn:uuid', row: odd });
    // Listing the legacy row's page does not meet the broken row.
    expect(await repo.listForPage('https://x.cn/')).toEqual([]);

    expect((await repo.search({ text: '三促' })).items.map((a) => a.id)).toEqual([rows[0].id]);
    expect((await repo.search({ tag: '政策' })).total).toBe(2);
    expect((await repo.search({ site: 'gsrb.com' })).total).toBe(2);
    expect(await repo.listTags()).toEqual(expect.arrayContaining([{ name: '政策', count: 2 }, { name: '理论', count: 1 }]));
    expect(await repo.getPage('https://www.gsrb.com/1')).toMatchObject({
      site: 'gsrb.com',
      firstSeen: '2024-01-01T00:00:00.000Z',
      lastSeen: '2024-01-02T00:00:00.000Z',
      title: ARTICLE.title,
    });
    expect((await repo.articlesOf('https://www.gsrb.com/1'))[0]).toMatchObject({ title: ARTICLE.title, reporters: ARTICLE.reporters });
    expect(await repo.pageNote('https://www.gsrb.com/1')).toEqual(rows[1]);
    repo.db.close();

    // Opening again (no upgrade this time) changes nothing.
    const again = openRepository(name);
    expect(await again.db.annotations.count()).toBe(3);
    expect(await again.db.quarantine.count()).toBe(1);
    expect(await again.getAnnotation(rows[2].id)).toEqual(rows[2]);
  });
});

describe('schema migration v2 → v3', () => {
  it('opens a v2 database at v3 with every row unchanged and an empty address table', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores({ annotations: 'id, source' });
    v2.version(2).stores(SCHEMA_V2);
    const a = makeAnnotation({ url: 'https://www.gsrb.com/1', quote: '三抓三促', note: '要点', tags: ['政策'], article: ARTICLE });
    const page = { url: 'https://www.gsrb.com/1', title: ARTICLE.title, site: 'gsrb.com', firstSeen: a.created, lastSeen: a.modified };
    await v2.table('annotations').put(toRow(a));
    await v2.table('pages').put(page);
    await v2.table('tags').put({ name: '政策', count: 1 });
    v2.close();

    const repo = openRepository(name);
    expect(await repo.getAnnotation(a.id)).toEqual(a);
    expect(repo.db.verno).toBe(3);
    expect(await repo.getPage(page.url)).toEqual(page);
    expect(await repo.listTags()).toEqual([{ name: '政策', count: 1 }]);
    expect((await repo.search({ text: '三促' })).items.map((x) => x.id)).toEqual([a.id]);
    expect(await repo.db.addresses.count()).toBe(0);
    await repo.rememberAddress('https://m.gsrb.com/1?s=1', page.url);
    expect(await repo.hasAnnotations('https://m.gsrb.com/1?s=1')).toBe(true);
    repo.db.close();
  });
});
