// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '', getUILanguage: () => 'en' } } }));

import { openRepository, type Repository } from '../../src/db';
import { parseJsonLd, serializeJsonLd } from '../../src/export';
import { Notes } from '../../src/notes/Notes';
import { importFile } from '../../src/popup/ui/transfer';
import { ARTICLE, freshName, makeAnnotation, makeSummary } from '../db/fixtures';
import { allById, byId, click, mount, submit, type, waitFor } from '../popup/dom';

const A = 'https://news.example.cn/a.html';
const B = 'https://cppcc.example.cn/b.html';
let cleanup: (() => void) | null = null;
let downloads: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  downloads = [];
  let lastBlob: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    lastBlob = b as Blob;
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob! });
  });
});
afterEach(() => {
  cleanup?.();
  cleanup = null;
  vi.restoreAllMocks();
});

async function setup() {
  const repo = openRepository(freshName());
  await repo.recordPage(makeSummary(A));
  const notes = [
    makeAnnotation({ url: A, quote: '杜文斌主持会议', note: '主持', article: ARTICLE, start: 50, created: '2024-04-18T01:00:00.000Z' }),
    makeAnnotation({ url: A, quote: '孔令杰列席会议', article: ARTICLE, start: 90, created: '2024-04-18T02:00:00.000Z' }),
    makeAnnotation({ url: A, note: '整页笔记', created: '2024-04-18T03:00:00.000Z' }),
    makeAnnotation({ url: B, quote: '全国两会', tags: ['两会'], title: '政协之窗', created: '2024-05-01T00:00:00.000Z' }),
  ];
  for (const a of notes) await repo.saveAnnotation(a);
  const { root, unmount } = mount(<Notes repo={repo} />);
  cleanup = unmount;
  await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(4));
  return { root, repo, notes };
}

const selectAll = async (root: HTMLElement) => click(byId(root, 'select-all'));

describe('notes page', () => {
  it('groups by page (newest first) and by article', async () => {
    const { root } = await setup();
    const pages = allById(root, 'group-page');
    // The page title is the latest one seen (here the notes' own target.title).
    expect(pages.map((p) => p.querySelector('h2 a')!.textContent)).toEqual(['政协之窗', '酒泉市政协召开十届二次常委会会议']);
    const articles = allById(pages[1], 'group-article');
    expect(articles.map((a) => a.querySelector('h3')!.textContent)).toEqual(['Page notes and notes outside articles', ARTICLE.title]);
    expect(allById(articles[1], 'note-quote').map((q) => q.textContent)).toEqual(['杜文斌主持会议', '孔令杰列席会议']);
  });

  it('searches by text and tag', async () => {
    const { root } = await setup();
    await type(byId(root, 'search-text'), '列席');
    await submit(byId(root, 'search-form'));
    await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(1));
    await type(byId(root, 'search-text'), '');
    await type(byId(root, 'search-tag'), '两会');
    await submit(byId(root, 'search-form'));
    await waitFor(() => expect(allById(root, 'note-quote').map((q) => q.textContent)).toEqual(['全国两会']));
  });

  it('tags the selection in bulk and removes the tag again', async () => {
    const { root, repo, notes } = await setup();
    await type(byId(root, 'search-text'), '会议');
    await submit(byId(root, 'search-form'));
    await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(2));
    await selectAll(root);
    await type(byId(root, 'bulk-tag'), '复核，人事');
    await click(byId(root, 'bulk-add'));
    await waitFor(async () => expect((await repo.search({ tag: '复核' })).total).toBe(2));
    expect((await repo.getAnnotation(notes[0].id))!.body.tags).toEqual(['复核', '人事']);
    expect((await repo.getAnnotation(notes[3].id))!.body.tags).toEqual(['两会']);
    await waitFor(() => expect(allById(root, 'note-tags').map((t) => t.textContent)).toEqual(['#复核#人事', '#复核#人事']));
    await type(byId(root, 'bulk-tag'), '复核');
    await click(byId(root, 'bulk-remove'));
    await waitFor(async () => expect((await repo.search({ tag: '复核' })).total).toBe(0));
    expect((await repo.getAnnotation(notes[0].id))!.body.tags).toEqual(['人事']);
  });

  it('exports the selection or everything in the chosen format', async () => {
    const { root, notes } = await setup();
    const boxes = allById(root, 'note-select') as HTMLInputElement[];
    await click(boxes[0]); // the newest: page B
    await click(byId(root, 'export-selection'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0].name).toMatch(/^bulletin-lens-.*\.jsonld$/);
    const sel = parseJsonLd(await downloads[0].blob.text());
    expect(sel.ok && sel.value.bundle.annotations.map((a) => a.id)).toEqual([notes[3].id]);

    const select = byId(root, 'export-format') as HTMLSelectElement;
    select.value = 'markdown';
    await type(select, 'markdown');
    await click(byId(root, 'export-all'));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1].name).toMatch(/\.md$/);
    const md = await downloads[1].blob.text();
    expect(md).toContain('> 杜文斌主持会议');
    expect(md).toContain('> 全国两会');
  });

  it('deletes with undo', async () => {
    const { root, repo, notes } = await setup();
    const item = allById(root, 'note-item').find((li) => li.dataset.id === notes[1].id)!;
    await click(byId(item, 'note-delete'));
    await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(3));
    expect(await repo.getAnnotation(notes[1].id)).toBeNull();
    await click(byId(root, 'undo'));
    await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(4));
    expect(await repo.getAnnotation(notes[1].id)).toEqual(notes[1]);
  });
});

describe('import from a file', () => {
  async function exported(repo: Repository) {
    return serializeJsonLd(await repo.exportBundle());
  }

  it('reports added, updated and skipped, and refuses a bad file without writing', async () => {
    const src = openRepository(freshName());
    const a = await src.saveAnnotation(makeAnnotation({ quote: '甲', created: '2024-01-01T00:00:00.000Z' }));
    await src.saveAnnotation(makeAnnotation({ quote: '乙' }));
    const text = await exported(src);
    const dst = openRepository(freshName());
    await dst.saveAnnotation({ ...a, body: { ...a.body, note: 'newer here' }, modified: '2025-01-01T00:00:00.000Z' });
    const out = await importFile(dst, new File([text], 'x.jsonld'));
    expect(out.report?.added).toHaveLength(1);
    expect(out.report?.skipped).toEqual([{ id: a.id, reason: 'stored version is newer' }]);
    expect((await dst.getAnnotation(a.id))!.body.note).toBe('newer here');

    const before = await dst.stats();
    const bad = await importFile(dst, new File(['{"type":"AnnotationCollection","bl:formatVersion":7,"first":{"items":[]}}'], 'y.jsonld'));
    expect(bad.fileError).toMatch(/newer Bulletin Lens/);
    expect(await dst.stats()).toEqual(before);
  });
});
