// Launches Debian's Chromium with the built extension loaded (Playwright adds --disable-extensions).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export function chromePath() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROME_PATH.`,
    );
  }
  return path;
}

export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
];

/**
 * Opens a persistent context (extensions need one) and waits for the extension's service worker.
 * Headless unless a display is present and BL_HEADLESS is not set.
 */
export async function launchWithExtension({ dist, userDataDir, headless } = {}) {
  const distDir = resolve(dist ?? process.env.BL_DIST ?? 'dist');
  if (!existsSync(join(distDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${distDir}: run npm run build first.`);
  }
  const dir = userDataDir ?? mkdtempSync(join(tmpdir(), 'bl-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromePath(),
    headless: headless ?? (process.env.BL_HEADLESS !== '0' || !process.env.DISPLAY),
    args: [...CHROME_ARGS, `--disable-extensions-except=${distDir}`, `--load-extension=${distDir}`],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir: dir };
}

/** Id of the tab showing `page`, asked from the service worker (tabs.query needs no permission for ids). */
export async function tabIdOf(worker, page) {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
}
