import { rmSync } from 'node:fs';
import type { BrowserContext, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startServer, tabIdOf } from './harness';

describe('extension foundation in Chromium', () => {
  let server: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let profile: string;

  beforeAll(async () => {
    server = await startServer();
    ({ context, worker, extensionId, userDataDir: profile } = await launchWithExtension());
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('runs the service worker of our manifest', async () => {
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('runs the content script on the sample page, reaches the background and shows the page in the popup', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/bulletin.html`);
    const tabId = await tabIdOf(worker, page);
    expect(tabId).toBeGreaterThan(0);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('page-title').textContent()).toContain('政协之窗');
    // The summary carries the measured content → background → content round trip.
    const roundTrip = () =>
      worker.evaluate(async (id) => {
        const got = await chrome.storage.session.get(`summary:${id}`);
        return (got[`summary:${id}`] as { backgroundRoundTripMs?: number | null } | undefined)?.backgroundRoundTripMs;
      }, tabId);
    await expect.poll(async () => typeof (await roundTrip()), { timeout: 20_000 }).toBe('number');
    await popup.close();
    await page.close();
  });

  it('keeps a note written in the popup across a reload and a browser restart', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/news.html`);
    const tabId = await tabIdOf(worker, page);
    const popupUrl = `chrome-extension://${extensionId}/src/popup/index.html?tab=${tabId}`;
    const popup = await context.newPage();
    await popup.goto(popupUrl);
    await popup.getByTestId('page-note').fill('复核：常委会名单');
    await popup.getByTestId('page-note-save').click();
    await popup.getByTestId('page-note-saved').waitFor();
    await popup.reload();
    await expect.poll(() => popup.getByTestId('page-note').inputValue()).toBe('复核：常委会名单');

    await context.close();
    ({ context, worker, extensionId } = await launchWithExtension({ userDataDir: profile }));
    const again = await context.newPage();
    await again.goto(`${server.url}/news.html`);
    const tab2 = await tabIdOf(worker, again);
    const popup2 = await context.newPage();
    await popup2.goto(`chrome-extension://${extensionId}/src/popup/index.html?tab=${tab2}`);
    await expect.poll(() => popup2.getByTestId('page-note').inputValue(), { timeout: 15_000 }).toBe('复核：常委会名单');
  });
});
