// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '', getUILanguage: () => 'en' } } }));

import { openRepository, type Repository } from '../../src/db';
import { Popup, type PopupDeps, type TabLink } from '../../src/popup/Popup';
import type { Annotation, PageSummary } from '../../src/shared/annotation';
import { err, ok } from '../../src/shared/result';
import { defaultSettings, type Settings } from '../../src/shared/settings';
import { ARTICLE, freshName, makeAnnotation, makeSummary } from '../db/fixtures';
import { allById, byId, click, mount, submit, type, waitFor } from './dom';

const URL1 = 'https://news.example.cn/a.html';
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function fakeTab(summary: PageSummary | null, lastKnown?: PageSummary) {
  const calls: { types: unknown[]; reveal: string[]; reload: number } = { types: [], reveal: [], reload: 0 };
  const tab: TabLink = {
    summary: async () => (summary ? ok(summary) : err('Could not establish connection. Receiving end does not exist.')),
    lastKnown: async () => lastKnown,
    setTypes: async (types) => (calls.types.push(types), ok({ enabled: types })),
    reveal: async (id) => (calls.reveal.push(id), ok({ found: true })),
    reload: async () => (calls.reload++, ok({ anchored: 0, orphaned: 0 })),
  };
  return { tab, calls };
}

async function setup(opts: { summary?: PageSummary | null; notes?: Annotation[]; lastKnown?: PageSummary } = {}) {
  const repo = openRepository(freshName());
  for (const a of opts.notes ?? []) await repo.saveAnnotation(a);
  const { tab, calls } = fakeTab(opts.summary === undefined ? makeSummary(URL1) : opts.summary, opts.lastKnown);
  let settings: Settings = defaultSettings();
  const saved: Settings[] = [];
  const deps: PopupDeps = {
    repo,
    tab,
    loadSettings: async () => settings,
    saveSettings: async (s) => {
      settings = s;
      saved.push(s);
    },
    openNotes: vi.fn(),
    openOptions: vi.fn(),
  };
  const { root, unmount } = mount(<Popup deps={deps} />);
  cleanup = unmount;
  return { root, repo, calls, saved, deps };
}

const notesOn = (repo: Repository) => repo.listForPage(URL1);

describe('popup', () => {
  it('shows the page, its articles with datelines and counts, and its notes in reading order', async () => {
    const { root } = await setup({
      notes: [
        makeAnnotation({ url: URL1, quote: '第二处', start: 80, article: ARTICLE }),
        makeAnnotation({ url: URL1, quote: '第一处', start: 5, note: '要核对', tags: ['人事'] }),
        makeAnnotation({ url: URL1, note: '整页笔记' }),
      ],
    });
    await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(2));
    expect(byId(root, 'page-title').textContent).toBe('酒泉市政协召开十届二次常委会会议_陇原资讯网');
    const article = byId(root, 'article');
    expect(article.textContent).toContain('本报酒泉讯');
    expect(article.textContent).toContain('People 3');
    expect(article.textContent).toContain('Places 1');
    expect(allById(root, 'note-quote').map((q) => q.textContent)).toEqual(['第一处', '第二处']);
    expect(byId(root, 'note-tags').textContent).toBe('#人事');
    expect((byId(root, 'page-note') as HTMLTextAreaElement).value).toBe('整页笔记');
    expect(root.querySelector('[data-testid="no-content"]')).toBeNull();
  });

  it('saves the page note and updates it in place', async () => {
    const { root, repo } = await setup();
    await waitFor(() => byId(root, 'page-note'));
    await type(byId(root, 'page-note'), '第一次');
    await click(byId(root, 'page-note-save'));
    await waitFor(() => byId(root, 'page-note-saved'));
    const first = await repo.pageNote(URL1);
    expect(first?.body.note).toBe('第一次');
    await type(byId(root, 'page-note'), '改了');
    await click(byId(root, 'page-note-save'));
    await waitFor(async () => expect((await repo.pageNote(URL1))?.body.note).toBe('改了'));
    await waitFor(() => undefined);
    const all = await notesOn(repo);
    expect(all.filter((a) => a.target.selector.length === 0)).toHaveLength(1);
    expect((await repo.pageNote(URL1))!.id).toBe(first!.id);
  });

  it('edits a note, deletes it and brings it back with undo', async () => {
    const a = makeAnnotation({ url: URL1, quote: '杜文斌主持会议', note: '旧笔记' });
    const { root, repo, calls } = await setup({ notes: [a] });
    await waitFor(() => byId(root, 'note-edit'));
    await click(byId(root, 'note-edit'));
    await type(byId(root, 'note-edit-text'), '新笔记');
    await type(byId(root, 'note-edit-tags'), '人事, 复核');
    await click(byId(root, 'note-edit-save'));
    await waitFor(() => expect(byId(root, 'note-text').textContent).toBe('新笔记'));
    const edited = (await repo.getAnnotation(a.id))!;
    expect(edited.body).toMatchObject({ note: '新笔记', tags: ['人事', '复核'] });
    expect(edited.modified >= a.modified).toBe(true);
    expect(calls.reload).toBeGreaterThan(0);

    await click(byId(root, 'note-delete'));
    await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(0));
    expect(await repo.getAnnotation(a.id)).toBeNull();
    await click(byId(root, 'undo'));
    await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(1));
    expect(await repo.getAnnotation(a.id)).toEqual(edited);
    expect(root.querySelector('[data-testid="undo-bar"]')).toBeNull();
  });

  it('jumps to a highlight through the content script', async () => {
    const a = makeAnnotation({ url: URL1, quote: '两个确立' });
    const { root, calls } = await setup({ notes: [a] });
    await waitFor(() => byId(root, 'note-reveal'));
    await click(byId(root, 'note-reveal'));
    await waitFor(() => expect(calls.reveal).toEqual([a.id]));
  });

  it('turns an entity type off in settings and on the page', async () => {
    const { root, saved, calls } = await setup();
    await waitFor(() => byId(root, 'type-toggle-person'));
    const box = byId(root, 'type-toggle-person') as HTMLInputElement;
    expect(box.checked).toBe(true);
    await click(box);
    await waitFor(() => expect(saved.at(-1)?.types.person.enabled).toBe(false));
    expect(calls.types.at(-1)).toEqual(['place', 'organization', 'position', 'date', 'policy_term']);
  });

  it('turns the extension off for this site from the popup', async () => {
    const { root, saved } = await setup();
    await waitFor(() => byId(root, 'site-toggle'));
    expect((byId(root, 'site-toggle') as HTMLInputElement).checked).toBe(true);
    expect(byId(root, 'site-toggle').parentElement!.textContent).toContain('news.example.cn');
    await click(byId(root, 'site-toggle'));
    await waitFor(() => expect(saved.at(-1)?.sites).toEqual({ 'news.example.cn': false }));
  });

  it('without a content script says so and still searches all notes', async () => {
    const { root } = await setup({
      summary: null,
      notes: [makeAnnotation({ url: 'https://x.cn/1', quote: '全国两会召开' }), makeAnnotation({ url: 'https://y.cn/2', quote: '三抓三促' })],
    });
    await waitFor(() => byId(root, 'no-content'));
    expect(byId(root, 'no-content').textContent).toMatch(/does not run on this page/);
    expect(root.querySelector('[data-testid="page-note"]')).toBeNull();
    await type(byId(root, 'search-text'), '两会');
    await submit(byId(root, 'search-form'));
    await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(1));
    expect(byId(root, 'note-quote').textContent).toBe('全国两会召开');
  });

  it('falls back to the last known summary when the page stops answering', async () => {
    const { root } = await setup({ summary: null, lastKnown: makeSummary(URL1), notes: [makeAnnotation({ url: URL1, quote: '旧的' })] });
    await waitFor(() => expect(allById(root, 'note-item')).toHaveLength(1));
    expect(byId(root, 'no-content').textContent).toMatch(/last analysis/);
    expect(root.querySelector('[data-testid="note-reveal"]')).toBeNull();
  });

  it('shows a storage failure in a banner and keeps the typed text', async () => {
    const { root, repo } = await setup();
    await waitFor(() => byId(root, 'page-note'));
    repo.db.annotations.put = () => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })) as never;
    await type(byId(root, 'page-note'), '不能丢');
    await click(byId(root, 'page-note-save'));
    await waitFor(() => expect(byId(root, 'error-banner').textContent).toMatch(/storage for Bulletin Lens is full/));
    expect((byId(root, 'page-note') as HTMLTextAreaElement).value).toBe('不能丢');
    expect(root.querySelector('[data-testid="page-note-saved"]')).toBeNull();
  });
});

describe('popup on a page the content script skipped', () => {
  it('offers to analyse a listing page and shows what the analysis found', async () => {
    const listing: PageSummary = { ...makeSummary(URL1), mode: 'listing', analysed: false, articles: [], counts: {} };
    const { tab } = fakeTab(listing);
    let asked = 0;
    tab.analyse = async () => (asked++, ok(makeSummary(URL1)));
    const repo = openRepository(freshName());
    const deps: PopupDeps = {
      repo,
      tab,
      loadSettings: async () => defaultSettings(),
      saveSettings: async () => {},
      openNotes: vi.fn(),
      openOptions: vi.fn(),
    };
    const { root, unmount } = mount(<Popup deps={deps} />);
    cleanup = unmount;
    await waitFor(() => expect(byId(root, 'analyse-page')).toBeTruthy());
    expect(allById(root, 'article')).toHaveLength(0);
    click(byId(root, 'analyse-page'));
    await waitFor(() => expect(allById(root, 'article')).toHaveLength(1));
    expect(asked).toBe(1);
    expect(root.querySelector('[data-testid="analyse-page"]')).toBeNull();
  });
});
