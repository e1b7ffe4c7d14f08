import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRepository, type Repository } from '../../src/db';
import { indexTerms, queryProbes } from '../../src/db/fulltext';
import { freshName, makeAnnotation } from './fixtures';

describe('full-text terms', () => {
  it('indexes unbroken Chinese as bigrams plus the last character, and words for Latin text', () => {
    expect(indexTerms('三抓三促')).toEqual(expect.arrayContaining(['三抓', '抓三', '三促', '促']));
    expect(indexTerms('Two Sessions, NPC-2024')).toEqual(expect.arrayContaining(['two', 'sessions', 'npc', '2024']));
    expect(queryProbes('政协')).toEqual([{ key: '政协', prefix: false }]);
    expect(queryProbes('协')).toEqual([{ key: '协', prefix: true }]);
    expect(queryProbes('annot* Two')).toEqual([{ key: 'two', prefix: false }, { key: 'annot', prefix: true }]);
    // Non-overlapping bigrams come first.
    expect(queryProbes('三抓三促行').map((p) => p.key)).toEqual(['三抓', '三促', '促行', '抓三']);
    // Digits or Latin letters right before Chinese must not swallow it.
    expect(indexTerms('第3条政协')).toEqual(expect.arrayContaining(['第', '3', '条政', '政协', '协']));
    expect(indexTerms('G20峰会')).toEqual(expect.arrayContaining(['g20', '峰会', '会']));
  });
});

describe('search', () => {
  let repo: Repository;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    repo = openRepository(freshName());
    const add = async (key: string, m: Parameters<typeof makeAnnotation>[0]) => {
      ids[key] = (await repo.saveAnnotation(makeAnnotation(m))).id;
    };
    await add('a', { url: 'https://www.gsrb.com/1', quote: '市政协党组书记、主席杜文斌主持会议', note: '人事变动', tags: ['人事'], created: '2024-04-18T09:00:00.000Z' });
    await add('b', { url: 'https://www.gsrb.com/2', quote: '深入开展三抓三促行动', note: 'follow up the Three Grasps campaign', tags: ['政策'], created: '2024-05-02T09:00:00.000Z' });
    await add('c', { url: 'https://cppcc.example.cn/3', quote: '全国两会召开', note: '两会期间的提案', tags: ['政策', '两会'], created: '2024-03-05T09:00:00.000Z' });
    await add('d', { url: 'https://cppcc.example.cn/3', quote: '协商议政', note: 'Annotation about consultation', created: '2024-06-01T09:00:00.000Z' });
    await add('e', { url: 'https://cppcc.example.cn/4', quote: '政治协商', note: '', created: '2024-06-02T09:00:00.000Z' });
  });

  const found = async (q: Parameters<Repository['search']>[0]) =>
    (await repo.search(q)).items.map((a) => Object.entries(ids).find(([, id]) => id === a.id)?.[0]);

  it('finds unbroken Chinese inside longer text, in quotes and in notes', async () => {
    expect(await found({ text: '杜文斌' })).toEqual(['a']);
    expect(await found({ text: '三抓三促' })).toEqual(['b']);
    expect(await found({ text: '提案' })).toEqual(['c']);
    expect(await found({ text: '两会' })).toEqual(['c']);
  });

  it('does not return bigram coincidences that are not the query', async () => {
    // 政协 occurs in a; 政治协商 has 协商 and 政治 but not 政协.
    expect(await found({ text: '政协' })).toEqual(['a']);
    expect(await found({ text: '协商' })).toEqual(['e', 'd']);
  });

  it('finds a single character anywhere, including at the end of a run', async () => {
    expect(await found({ text: '促' })).toEqual(['b']);
    expect(await found({ text: '商' })).toEqual(['e', 'd']);
  });

  it('finds English words whole, or by prefix with *, case-insensitively, all parts required', async () => {
    expect(await found({ text: 'annot*' })).toEqual(['d']);
    expect(await found({ text: 'annot' })).toEqual([]);
    expect(await found({ text: 'annotation' })).toEqual(['d']);
    expect(await found({ text: 'THREE grasps' })).toEqual(['b']);
    expect(await found({ text: 'three consultation' })).toEqual([]);
    expect(await found({ text: '两会 提案' })).toEqual(['c']);
  });

  it('filters by tag, site and date range, newest first, and combines them with text', async () => {
    expect(await found({ tag: '政策' })).toEqual(['b', 'c']);
    expect(await found({ site: 'gsrb.com' })).toEqual(['b', 'a']);
    expect(await found({ from: '2024-04-18', to: '2024-06-01' })).toEqual(['d', 'b', 'a']);
    expect(await found({ text: '会', site: 'cppcc.example.cn' })).toEqual(['c']);
    expect(await found({ tag: '政策', from: '2024-04-01' })).toEqual(['b']);
    expect(await found({})).toEqual(['e', 'd', 'b', 'a', 'c']);
  });

  it('pages through results and reports the total', async () => {
    const r = await repo.search({ limit: 2, offset: 1 });
    expect(r.total).toBe(5);
    expect(r.items.map((a) => a.id)).toEqual([ids.d, ids.b]);
  });

  it('sees edits and deletes immediately', async () => {
    const b = (await repo.getAnnotation(ids.b))!;
    await repo.saveAnnotation({ ...b, body: { ...b.body, note: '改过的笔记 rewritten' } });
    expect(await found({ text: 'rewritten' })).toEqual(['b']);
    expect(await found({ text: 'grasps' })).toEqual([]);
    await repo.deleteAnnotation(ids.e);
    expect(await found({ text: '政治' })).toEqual([]);
  });

  it('lists sites with notes', async () => {
    expect(await repo.listSites()).toEqual(['cppcc.example.cn', 'gsrb.com']);
  });
});

describe('search over many candidates (created-index walk)', () => {
  it('returns the same pages and totals as reading every candidate row', async () => {
    const name = freshName();
    const walk = openRepository(name, undefined, { readRowsBelow: 0, walkWindow: 1 });
    const rows = openRepository(name, undefined, { readRowsBelow: Infinity });
    // Every third pair shares a creation time, so ties must break the same way on every path.
    for (let i = 0; i < 40; i++) {
      await walk.saveAnnotation(
        makeAnnotation({
          url: `https://s${i % 3}.example.cn/${i % 7}`,
          quote: i % 2 ? `第${i}条政协委员提案` : `第${i}条 consultation 记录`,
          // The oldest eight carry 旧档: their hits sit at the far end of a newest-first walk.
          note: i < 8 ? '旧档' : i % 5 === 0 ? '需要核实' : '',
          tags: i % 4 === 0 ? ['核实'] : [],
          created: new Date(Date.UTC(2024, 0, 1 + (i % 3 === 0 ? i - 1 : i))).toISOString(),
        }),
      );
    }
    const queries = [
      { text: '政协' },
      { text: '协', limit: 5, offset: 3 },
      { text: 'consult*' },
      { text: 'consultation' },
      { text: '政协', site: 's1.example.cn' },
      { text: '提案', from: '2024-01-10', to: '2024-01-20' },
      { tag: '核实', site: 's0.example.cn' },
      { text: '核实', tag: '核实' },
      { text: '政协 提案' },
      { text: '协', limit: 3 },
      { text: '协', limit: 3, offset: 17 },
      { text: 'consult*', limit: 2, offset: 1 },
      { text: 'consult*', from: '2024-01-05', limit: 4 },
      { text: '档', limit: 3 },
      { text: '档', limit: 3, offset: 6 },
    ];
    for (const q of queries) {
      const a = await walk.search(q);
      const b = await rows.search(q);
      expect(a.total, JSON.stringify(q)).toBe(b.total);
      expect(a.items.map((x) => `${x.created} ${x.id.slice(-3)}`), JSON.stringify(q)).toEqual(b.items.map((x) => `${x.created} ${x.id.slice(-3)}`));
    }
    expect((await walk.search({ text: '政协' })).total).toBe(20);
    const old = await walk.search({ text: '档', limit: 3 });
    expect(old.total).toBe(8);
    expect(old.items.map((a) => a.body.note)).toEqual(['旧档', '旧档', '旧档']);
    const dated = await walk.search({ text: '提案', from: '2024-01-10', to: '2024-01-20' });
    expect(dated.items.map((a) => a.created.slice(0, 10))).toEqual(['2024-01-20', '2024-01-18', '2024-01-15', '2024-01-14', '2024-01-12']);
    // Walking the created index (no text) gives the same order as reading rows.
    expect((await walk.search({ site: 's2.example.cn' })).items.map((a) => a.id)).toEqual((await rows.search({ site: 's2.example.cn' })).items.map((a) => a.id));
  });
});
