// The learned entity model runs inside the extension: a name standing without any title or cue
// that the rules would need is highlighted on a live page.
import { rmSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startServer } from './harness';

describe('learned model in the content script', () => {
  let server: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    server = await startServer();
    ({ context, userDataDir: profile } = await launchWithExtension());
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('highlights a bare name in free text as a person', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/fixtures/model.html`);
    const persons = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('bl-person');
        return h ? [...h].map((r) => r.toString()) : [];
      });
    await expect.poll(persons, { timeout: 30_000 }).toContain('韩冬青');
    expect(await persons()).toContain('苗嘉禾');
  });
});
