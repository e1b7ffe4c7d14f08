import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openRepository, StorageError, toStorageError } from '../../src/db';
import { ARTICLE, freshName, makeAnnotation, makeSummary } from './fixtures';

describe('repository writes', () => {
  it('saves an annotation with its page, article and tags, and reads it back unchanged', async () => {
    const repo = openRepository(freshName());
    const a = makeAnnotation({ quote: '杜文斌主持会议', note: '主持人', tags: ['人事', ' 常委会 '], article: ARTICLE });
    const saved = await repo.saveAnnotation(a, '2024-04-18T10:00:00.000Z');
    expect(saved.body.tags).toEqual(['人事', '常委会']);
    expect(await repo.getAnnotation(a.id)).toEqual(saved);
    const page = await repo.getPage(a.target.source);
    expect(page).toMatchObject({ site: 'news.example.cn', firstSeen: '2024-04-18T10:00:00.000Z' });
    expect((await repo.articlesOf(a.target.source)).map((x) => x.title)).toEqual([ARTICLE.title]);
    expect(await repo.listTags()).toEqual(
      expect.arrayContaining([
        { name: '人事', count: 1 },
        { name: '常委会', count: 1 },
      ]),
    );
    // The stored row carries index keys, the API does not leak them.
    expect(Object.keys((await repo.getAnnotation(a.id))!).sort()).toEqual(['body', 'created', 'id', 'modified', 'motivation', 'target']);
  });

  it('resolves a write only once it is committed: another connection sees it at once', async () => {
    const name = freshName();
    const writer = openRepository(name);
    const reader = openRepository(name);
    const a = makeAnnotation({ quote: '已提交', tags: ['t'] });
    await writer.saveAnnotation(a);
    expect(await reader.getAnnotation(a.id)).toEqual(a);
    expect(await reader.listTags()).toEqual([{ name: 't', count: 1 }]);
    await writer.deleteAnnotation(a.id);
    expect(await reader.getAnnotation(a.id)).toBeNull();
  });

  it('rejects an invalid annotation with a clear message and stores nothing', async () => {
    const repo = openRepository(freshName());
    const bad = { ...makeAnnotation(), id: 'not-a-urn' };
    await expect(repo.saveAnnotation(bad)).rejects.toThrow(/id is not a urn:uuid/);
    await expect(repo.saveAnnotation(bad)).rejects.toBeInstanceOf(StorageError);
    expect((await repo.stats()).annotations).toBe(0);
    expect((await repo.stats()).pages).toBe(0);
  });

  it('deletes and restores (undo) with tag counts following', async () => {
    const repo = openRepository(freshName());
    const a = await repo.saveAnnotation(makeAnnotation({ quote: '两个确立', tags: ['政策'] }));
    const b = await repo.saveAnnotation(makeAnnotation({ quote: '三抓三促', tags: ['政策'] }));
    expect(await repo.listTags()).toEqual([{ name: '政策', count: 2 }]);
    const gone = await repo.deleteAnnotation(a.id);
    expect(gone).toEqual(a);
    expect(await repo.getAnnotation(a.id)).toBeNull();
    expect(await repo.listTags()).toEqual([{ name: '政策', count: 1 }]);
    expect(await repo.deleteAnnotation(a.id)).toBeNull();
    await repo.saveAnnotation(gone!);
    expect(await repo.getAnnotation(a.id)).toEqual(a);
    await repo.deleteAnnotation(b.id);
    await repo.deleteAnnotation(a.id);
    expect(await repo.listTags()).toEqual([]);
  });

  it('re-tags in bulk in one transaction', async () => {
    const repo = openRepository(freshName());
    const a = await repo.saveAnnotation(makeAnnotation({ quote: '甲', tags: ['旧'] }));
    const b = await repo.saveAnnotation(makeAnnotation({ quote: '乙' }));
    const changed = await repo.bulkTag([a.id, b.id, 'urn:uuid:missing'], ['新'], ['旧'], '2025-01-01T00:00:00.000Z');
    expect(changed).toBe(2);
    expect((await repo.getAnnotation(a.id))!.body.tags).toEqual(['新']);
    expect((await repo.getAnnotation(b.id))!.modified).toBe('2025-01-01T00:00:00.000Z');
    expect(await repo.listTags()).toEqual([{ name: '新', count: 2 }]);
    expect((await repo.search({ tag: '新' })).total).toBe(2);
    expect((await repo.search({ tag: '旧' })).total).toBe(0);
  });

  it('records a reported page with its articles and entity tables, and skips pages with nothing found', async () => {
    const repo = openRepository(freshName());
    expect(await repo.recordPage(makeSummary(), '2024-04-18T00:00:00.000Z')).toBe(true);
    const [art] = await repo.articlesOf('https://news.example.cn/a.html');
    expect(art).toMatchObject({ title: ARTICLE.title, reporters: ['秦立峰', '周婉清'], counts: { person: 3, place: 1 } });
    expect(art.entities).toContainEqual({ type: 'person', text: '杜文斌', count: 2 });
    const empty = { ...makeSummary('https://other.example.com/x'), articles: [] };
    expect(await repo.recordPage(empty)).toBe(false);
    expect(await repo.getPage('https://other.example.com/x')).toBeNull();
    expect(await repo.recordPage({ ...makeSummary('javascript:alert(1)') })).toBe(false);
    await repo.recordPage(makeSummary(), '2024-05-01T00:00:00.000Z');
    expect(await repo.getPage('https://news.example.cn/a.html')).toMatchObject({
      firstSeen: '2024-04-18T00:00:00.000Z',
      lastSeen: '2024-05-01T00:00:00.000Z',
    });
  });

  it('lists a page in reading order and finds its page note', async () => {
    const repo = openRepository(freshName());
    const url = 'https://news.example.cn/p.html';
    await repo.saveAnnotation(makeAnnotation({ url, quote: '后', start: 90 }));
    await repo.saveAnnotation(makeAnnotation({ url, quote: '前', start: 5 }));
    const note = await repo.saveAnnotation(makeAnnotation({ url, note: '整页笔记' }));
    await repo.saveAnnotation(makeAnnotation({ url: 'https://elsewhere.cn/', quote: '别处' }));
    const list = await repo.listForPage(url);
    expect(list.map((a) => a.body.note || a.target.selector[0])).toEqual([
      '整页笔记',
      expect.objectContaining({ exact: '前' }),
      expect.objectContaining({ exact: '后' }),
    ]);
    expect(await repo.pageNote(url)).toEqual(note);
  });

  it('tells whether a page holds annotations (the background injects the full content script for them)', async () => {
    const repo = openRepository(freshName());
    const url = 'https://app.example.cn/settings';
    expect(await repo.hasAnnotations(url)).toBe(false);
    const a = await repo.saveAnnotation(makeAnnotation({ url, quote: '同步' }));
    expect(await repo.hasAnnotations(url)).toBe(true);
    expect(await repo.hasAnnotations('https://app.example.cn/other')).toBe(false);
    await repo.deleteAnnotation(a.id);
    expect(await repo.hasAnnotations(url)).toBe(false);
  });

  it("finds a page's notes by the tab address they were made at when the canonical URL differs", async () => {
    const repo = openRepository(freshName());
    const canonical = 'https://news.example.cn/2024/0323/a.html';
    const address = 'https://m.news.example.cn/a.html?from=share';
    await repo.rememberAddress(canonical, canonical); // the same URL records nothing
    expect(await repo.db.addresses.count()).toBe(0);
    const a = await repo.saveAnnotation(makeAnnotation({ url: canonical, quote: '三抓三促' }));
    expect(await repo.hasAnnotations(address)).toBe(false);
    await repo.rememberAddress(address, canonical);
    expect(await repo.hasAnnotations(address)).toBe(true);
    expect(await repo.hasAnnotations('https://m.news.example.cn/b.html')).toBe(false);
    // Addresses are not part of an export (they may carry tracking parameters).
    expect(JSON.stringify(await repo.exportBundle())).not.toContain('from=share');
    await repo.deleteAnnotation(a.id);
    expect(await repo.hasAnnotations(address)).toBe(false);
    await repo.rememberAddress(address, canonical);
    await repo.wipeAll();
    expect(await repo.db.addresses.count()).toBe(0);
  });
});

describe('storage errors', () => {
  it('reports a quota failure as a StorageError of kind quota and tells listeners', async () => {
    const repo = openRepository(freshName());
    const seen: string[] = [];
    repo.onError((e) => seen.push(e.kind));
    await repo.saveAnnotation(makeAnnotation({ quote: '先有的' }));
    const table = repo.db.annotations;
    const original = table.put.bind(table);
    table.put = () => {
      const e = new Error('The quota has been exceeded.');
      e.name = 'QuotaExceededError';
      return Promise.reject(e) as never;
    };
    const err = await repo.saveAnnotation(makeAnnotation({ quote: '写不进去', tags: ['t'] })).catch((e: unknown) => e);
    table.put = original;
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('quota');
    expect(seen).toEqual(['quota']);
    // The failed transaction rolled back: no page row or tag count from the lost write.
    expect((await repo.stats()).annotations).toBe(1);
    expect(await repo.listTags()).toEqual([]);
  });

  it('maps Dexie open failures caused by a version conflict to kind version', async () => {
    const { default: Dexie } = await import('dexie');
    const inner = Object.assign(new Error('requested version is less than existing'), { name: 'VersionError' });
    const wrapped = new Dexie.OpenFailedError(inner);
    expect(toStorageError(wrapped).kind).toBe('version');
    expect(toStorageError(Object.assign(new Error('x'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } })).kind).toBe('quota');
    expect(toStorageError(new Error('odd')).kind).toBe('unknown');
  });

  it('tells listeners when an upgrade is blocked by another open connection', async () => {
    const name = freshName();
    const { default: Dexie } = await import('dexie');
    const old = new Dexie(name);
    old.version(1).stores({ annotations: 'id, source' });
    await old.open();
    // Keep the old connection open and ignore versionchange, as a stale tab would.
    old.on('versionchange', () => false);
    const repo = openRepository(name);
    const blocked = new Promise<string>((resolve) => repo.onError((e) => resolve(e.kind)));
    const opening = repo.stats();
    expect(await blocked).toBe('blocked');
    old.close();
    expect((await opening).annotations).toBe(0);
  });
});
