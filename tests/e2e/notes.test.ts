import { readFileSync, rmSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startServer, tabIdOf } from './harness';

/** The chrome.* calls this file evaluates in extension pages (globals.d.ts declares only the worker's). */
interface PageChrome {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { sendMessage(tab: number, m: unknown): Promise<unknown> };
}

// Notes are made through the content script's own path (an 'annotation:save' message to the
// background) and through the popup; then found, edited, exported, wiped, imported and found
// again after a browser restart.
describe('notes: store, popup, notes page, export/import, restart', () => {
  let server: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;
  let pageUrl: string;
  let tabId: number;
  const ext = (path: string) => `chrome-extension://${extensionId}/${path}`;

  beforeAll(async () => {
    server = await startServer();
    ({ context, worker, extensionId, userDataDir: profile } = await launchWithExtension());
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Sends a content → background message from an extension page, as the content script does. */
  async function toBackground(from: Page, msg: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
    return from.evaluate(
      (m) => (globalThis as unknown as { chrome: PageChrome }).chrome.runtime.sendMessage({ channel: 'c2b', msg: m }),
      msg,
    ) as Promise<{ ok: boolean; value?: unknown; error?: string }>;
  }

  function annotation(i: number, quote: string, note: string, tags: string[], start: number) {
    const now = new Date(Date.UTC(2024, 3, 18, 9, i)).toISOString();
    return {
      id: `urn:uuid:00000000-0000-4000-8000-0000000000${String(10 + i)}`,
      target: {
        source: pageUrl,
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start, end: start + quote.length },
        ],
        article: { index: 0, title: '酒泉市政协召开十届二次常委会会议', dateline: '本报酒泉讯（记者 秦立峰 通讯员 周婉清）4月17日', reporters: ['秦立峰', '周婉清'], date: '4月17日' },
        title: '酒泉市政协召开十届二次常委会会议_陇原资讯网',
      },
      body: { note, tags, colour: 'yellow' },
      motivation: note ? 'commenting' : 'highlighting',
      created: now,
      modified: now,
    };
  }

  /** Selects `text` in the page as a reader would, which brings up the content script's selection bar. */
  async function select(page: Page, text: string): Promise<void> {
    await page.evaluate((t) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(t);
        if (at < 0) continue;
        const r = document.createRange();
        r.setStart(n, at);
        r.setEnd(n, at + t.length);
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(r);
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`text not on page: ${t}`);
    }, text);
  }

  async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [d] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = await d.path();
    return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  it('saves notes through the background and shows them in the popup with the page note', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/news.html`);
    tabId = await tabIdOf(worker, page);
    const popup = await context.newPage();
    await popup.goto(ext(`src/popup/index.html?tab=${tabId}`));
    await expect.poll(() => popup.getByTestId('page-title').textContent(), { timeout: 15_000 }).toContain('酒泉市政协');
    const summary = (await popup.evaluate((id) => (globalThis as unknown as { chrome: PageChrome }).chrome.tabs.sendMessage(id, { channel: 'p2c', msg: { type: 'summary:get' } }), tabId)) as {
      ok: boolean;
      value: { url: string };
    };
    expect(summary.ok).toBe(true);
    pageUrl = summary.value.url;

    const saves = [
      annotation(1, '市政协党组书记、主席杜文斌主持会议并讲话', '主持人：杜文斌', ['人事'], 120),
      annotation(2, '秘书长孔令杰列席会议', 'check the secretary-general', ['待核'], 200),
      annotation(3, '酒泉市政协召开十届二次常委会会议', '', [], 60),
    ];
    for (const a of saves) expect(await toBackground(popup, { type: 'annotation:save', annotation: a })).toMatchObject({ ok: true });
    // A hostile save is refused with a reason, not stored.
    const bad = await toBackground(popup, { type: 'annotation:save', annotation: { ...saves[0], id: 'x', target: { ...saves[0].target, source: 'javascript:alert(1)' } } });
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/Not saved/);
    const listed = (await toBackground(popup, { type: 'annotations:list', url: pageUrl })) as { ok: boolean; value: unknown[] };
    expect(listed.value).toHaveLength(3);

    // And one note made on the page itself: select, note, save (the content script's own UI).
    await page.bringToFront();
    const ui = page.locator('bulletin-lens-ui');
    // The content script may still be starting on a loaded machine: select again until its bar shows.
    const noteButton = ui.getByTestId('bl-sel-note');
    await expect
      .poll(async () => {
        if (await noteButton.isVisible()) return true;
        await select(page, '副主席冯志远、鲁明轩、邵晓红出席会议');
        await page.waitForTimeout(400); // the bar follows the selection after a short pause
        return noteButton.isVisible();
      }, { timeout: 20_000 })
      .toBe(true);
    await ui.getByTestId('bl-sel-note').click();
    await ui.getByTestId('bl-note-text').fill('出席名单 attendance');
    await ui.getByTestId('bl-note-save').click();
    await expect
      .poll(async () => ((await toBackground(popup, { type: 'annotations:list', url: pageUrl })) as { value: unknown[] }).value.length, { timeout: 15_000 })
      .toBe(4);

    await popup.bringToFront();
    await popup.reload();
    await expect.poll(() => popup.getByTestId('page-notes').getByTestId('note-item').count(), { timeout: 15_000 }).toBe(4);
    await expect.poll(() => popup.getByTestId('page-notes').getByTestId('note-text').allTextContents()).toContain('出席名单 attendance');
    // Reading order among the notes saved with known positions: 60 before 120 before 200.
    const quotes = await popup.getByTestId('page-notes').getByTestId('note-quote').allTextContents();
    const order = ['酒泉市政协召开十届二次常委会会议', '市政协党组书记、主席杜文斌主持会议并讲话', '秘书长孔令杰列席会议'].map((q) => quotes.indexOf(q));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThanOrEqual(0);

    // Jump to the page's own highlight: the content script finds it.
    const real = popup.getByTestId('page-notes').getByTestId('note-item').filter({ hasText: '出席名单 attendance' });
    const realId = await real.getAttribute('data-id');
    const revealed = (await popup.evaluate(
      ([tab, id]) => (globalThis as unknown as { chrome: PageChrome }).chrome.tabs.sendMessage(tab, { channel: 'p2c', msg: { type: 'annotation:reveal', id } }),
      [tabId, realId] as const,
    )) as { ok: boolean; value: { found: boolean } };
    expect(revealed).toEqual({ ok: true, value: { found: true } });
    await real.getByTestId('note-reveal').click();
    await expect.poll(() => popup.getByTestId('status').textContent()).not.toMatch(/找不到|could not be found/);

    await popup.getByTestId('page-note').fill('整页：常委会名单待核');
    await popup.getByTestId('page-note-save').click();
    await popup.getByTestId('page-note-saved').waitFor();
    await popup.close();
    await page.close();
  });

  it('searches, edits and deletes with undo in the popup, using the keyboard', async () => {
    const popup = await context.newPage();
    await popup.goto(ext(`src/popup/index.html?tab=${tabId}`));
    await popup.getByTestId('search-text').fill('杜文斌');
    await popup.getByTestId('search-text').press('Enter');
    await expect.poll(() => popup.getByTestId('search-results').getByTestId('note-item').count()).toBe(1);
    await popup.getByTestId('search-text').fill('secretary');
    await popup.getByTestId('search-text').press('Enter');
    await expect.poll(() => popup.getByTestId('search-total').textContent()).toMatch(/1/);

    const notes = popup.getByTestId('page-notes');
    const second = notes.getByTestId('note-item').filter({ hasText: '秘书长孔令杰列席会议' });
    await second.getByTestId('note-edit').focus();
    await popup.keyboard.press('Enter');
    await popup.getByTestId('note-edit-text').fill('孔令杰：秘书长，列席');
    await popup.getByTestId('note-edit-text').press('Control+Enter');
    await expect.poll(() => notes.getByTestId('note-text').allTextContents()).toContain('孔令杰：秘书长，列席');

    await notes.getByTestId('note-item').first().getByTestId('note-delete').click();
    await expect.poll(() => notes.getByTestId('note-item').count()).toBe(3);
    // Undo has focus: Enter restores.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('undo');
    await popup.keyboard.press('Enter');
    await expect.poll(() => notes.getByTestId('note-item').count()).toBe(4);
    await popup.close();
  });

  it('groups, bulk-tags and exports every format from the notes page', async () => {
    const notes = await context.newPage();
    await notes.goto(ext('src/notes/index.html'));
    await expect.poll(() => notes.getByTestId('note-item').count(), { timeout: 15_000 }).toBe(5);
    expect(await notes.getByTestId('group-page').count()).toBe(1);
    // The article(s), and the page note outside any article.
    expect(await notes.getByTestId('group-article').count()).toBeGreaterThanOrEqual(2);
    expect(await notes.getByTestId('group-article').last().locator('h3').textContent()).not.toBe('');

    await notes.getByTestId('search-text').fill('会议');
    await notes.getByTestId('search-submit').click();
    await expect.poll(() => notes.getByTestId('note-item').count()).toBe(4);
    await notes.getByTestId('select-all').click();
    await notes.getByTestId('bulk-tag').fill('常委会');
    await notes.getByTestId('bulk-add').click();
    await expect.poll(() => notes.getByText('#常委会').count()).toBe(4);

    await notes.getByTestId('search-text').fill('');
    await notes.getByTestId('search-tag').fill('常委会');
    await notes.getByTestId('search-submit').click();
    await expect.poll(() => notes.getByTestId('search-total').textContent()).toMatch(/\b4\b/);
    await notes.getByTestId('search-tag').fill('');
    await notes.getByTestId('search-submit').click();
    await expect.poll(() => notes.getByTestId('note-item').count()).toBe(5);

    const files: Record<string, { name: string; text: string }> = {};
    for (const f of ['jsonld', 'markdown', 'csv', 'csl', 'entities']) {
      await notes.getByTestId('export-format').selectOption(f);
      files[f] = await download(notes, () => notes.getByTestId('export-all').click());
    }
    const doc = JSON.parse(files.jsonld.text) as { type: string; first: { items: { type: string; target: { source: string } }[] } };
    expect(files.jsonld.name).toMatch(/\.jsonld$/);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.first.items).toHaveLength(5);
    expect(doc.first.items.every((i) => i.type === 'Annotation' && i.target.source === pageUrl)).toBe(true);
    expect(files.markdown.text).toContain('> 市政协党组书记、主席杜文斌主持会议并讲话');
    expect(files.markdown.text).toContain('### 酒泉市政协召开十届二次常委会会议');
    expect(files.csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(files.csv.text.split('\r\n')[0]).toBe('\uFEFFid,page_url,page_title,site,article_title,article_dateline,article_reporters,article_date,quote,note,tags,colour,motivation,created,modified,link');
    expect(files.csv.text).toContain('孔令杰：秘书长，列席');
    const csl = JSON.parse(files.csl.text) as { type: string; title: string; URL: string }[];
    expect(csl).toContainEqual(expect.objectContaining({ type: 'article-newspaper', title: '酒泉市政协召开十届二次常委会会议', URL: pageUrl }));
    expect(files.entities.text.startsWith('\uFEFFpage_url,page_title,article_index')).toBe(true);

    // Selection export holds only the selected notes.
    await notes.getByTestId('search-text').fill('杜文斌');
    await notes.getByTestId('search-submit').click();
    await expect.poll(() => notes.getByTestId('note-item').count()).toBe(1);
    await notes.getByTestId('note-select').check();
    await notes.getByTestId('export-format').selectOption('jsonld');
    const sel = await download(notes, () => notes.getByTestId('export-selection').click());
    expect((JSON.parse(sel.text) as { total: number }).total).toBe(1);

    // Wipe from the options page (export offered first), then import the export back.
    const options = await context.newPage();
    await options.goto(ext('src/options/index.html'));
    await options.getByTestId('delete-all').click();
    const offered = await download(options, () => options.getByTestId('export-first').click());
    expect((JSON.parse(offered.text) as { total: number }).total).toBe(5);
    await options.getByTestId('delete-confirm').click();
    await expect.poll(() => options.getByTestId('stats').textContent()).toMatch(/^\D*0\D/);

    await notes.reload();
    await expect.poll(() => notes.getByTestId('search-total').textContent()).toMatch(/\b0\b/);
    await notes.getByTestId('import-file').setInputFiles({ name: files.jsonld.name, mimeType: 'application/ld+json', buffer: Buffer.from(files.jsonld.text) });
    await expect.poll(() => notes.getByTestId('import-summary').textContent()).toMatch(/5\D+0\D+0/);
    await expect.poll(() => notes.getByTestId('note-item').count()).toBe(5);
    // Importing the same file again changes nothing and says why.
    await notes.getByTestId('import-file').setInputFiles({ name: files.jsonld.name, mimeType: 'application/ld+json', buffer: Buffer.from(files.jsonld.text) });
    await expect.poll(() => notes.getByTestId('import-summary').textContent()).toMatch(/0\D+0\D+5/);
    // A hostile file is refused as a whole.
    await notes.getByTestId('import-file').setInputFiles({ name: 'evil.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"__proto__":{"x":1},"type":"AnnotationCollection"}') });
    await notes.getByTestId('import-error').waitFor();
    const reExport = await (async () => {
      await notes.getByTestId('export-format').selectOption('jsonld');
      return download(notes, () => notes.getByTestId('export-all').click());
    })();
    const strip = (t: string) => (JSON.parse(t) as { first: unknown }).first;
    expect(strip(reExport.text)).toEqual(strip(files.jsonld.text));
    await options.close();
    await notes.close();
  });

  it('finds everything again after a browser restart with the same profile', async () => {
    await context.close();
    ({ context, worker, extensionId } = await launchWithExtension({ userDataDir: profile }));
    const notes = await context.newPage();
    await notes.goto(ext('src/notes/index.html'));
    await expect.poll(() => notes.getByTestId('note-item').count(), { timeout: 15_000 }).toBe(5);
    await notes.getByTestId('search-text').fill('孔令杰 列席');
    await notes.getByTestId('search-submit').click();
    await expect.poll(() => notes.getByTestId('note-item').count()).toBe(1);

    const page = await context.newPage();
    await page.goto(`${server.url}/news.html`);
    const tab = await tabIdOf(worker, page);
    const popup = await context.newPage();
    await popup.goto(ext(`src/popup/index.html?tab=${tab}`));
    await expect.poll(() => popup.getByTestId('page-notes').getByTestId('note-item').count(), { timeout: 15_000 }).toBe(4);
    await expect.poll(() => popup.getByTestId('page-note').inputValue()).toBe('整页：常委会名单待核');
    // The page's own highlight anchors again after the restart (it was exported, wiped and imported).
    const anchored = (await popup.evaluate(
      (id) => (globalThis as unknown as { chrome: PageChrome }).chrome.tabs.sendMessage(id, { channel: 'p2c', msg: { type: 'annotations:reload' } }),
      tab,
    )) as { ok: boolean; value: { anchored: number; orphaned: number } };
    expect(anchored.value.anchored).toBe(4);
  });
});
