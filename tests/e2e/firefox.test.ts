// The Firefox build in Firefox (Debian's firefox-esr, over WebDriver BiDi): the same engine and
// highlights as in Chromium on the sample page, and nothing on a page that is not news.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension } from '../../scripts/firefox.mjs';
import { startServer } from './harness';

const root = resolve(import.meta.dirname, '../..');
const TYPES = ['bl-date', 'bl-organization', 'bl-person', 'bl-place', 'bl-policy-term', 'bl-position'];
/** Ranges per highlight, the page's DOM size and whether our UI host is there (JSON, read in the page). */
const READ = `JSON.stringify({
  highlights: Object.fromEntries([...CSS.highlights].map(([k, v]) => [k, v.size])),
  texts: Object.fromEntries([...CSS.highlights].map(([k, v]) => [k, [...v].slice(0, 3).map((r) => r.toString())])),
  ui: document.querySelector('bulletin-lens-ui') !== null,
  marks: document.querySelectorAll('mark, bl-mark').length,
})`;

describe('Firefox', () => {
  const out = mkdtempSync(join(tmpdir(), 'bl-ff-dist-'));
  let ff: Awaited<ReturnType<typeof launchFirefoxWithExtension>>;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--mode', 'firefox', '--logLevel', 'error'], {
      cwd: root,
      env: { ...process.env, BL_OUT_DIR: out },
      stdio: 'pipe',
    });
    server = await startServer();
    ff = await launchFirefoxWithExtension(out);
  }, 120_000);
  afterAll(async () => {
    await ff?.close();
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  async function readPage(until: (r: { highlights: Record<string, number>; ui: boolean }) => boolean) {
    let last: { highlights: Record<string, number>; texts: Record<string, string[]>; ui: boolean; marks: number } | null = null;
    for (let k = 0; k < 60; k++) {
      last = JSON.parse((await ff.evaluate(READ)) as string);
      if (until(last!)) return last!;
      await new Promise((r) => setTimeout(r, 250));
    }
    return last!;
  }

  it('installs the add-on under its gecko id', () => {
    expect(ff.extension).toBe('bulletin-lens@bulletin-lens.org');
  });

  it('highlights every entity type on the sample bulletin page without touching its DOM', async () => {
    await ff.goto(`${server.url}/bulletin.html`);
    const before = await ff.evaluate('document.body.outerHTML.length');
    // The legend (our UI host) comes with the first paint's summary.
    const r = await readPage((x) => x.ui && TYPES.every((t) => (x.highlights[t] ?? 0) > 0));
    for (const t of TYPES) expect(r.highlights[t], t).toBeGreaterThan(0);
    // The highlighted text is the entity itself, not stray characters.
    expect(r.texts['bl-policy-term'], JSON.stringify(r.texts)).toSatisfy((xs: string[]) => xs.every((s) => s.length >= 2));
    expect(r.ui, 'UI host').toBe(true);
    expect(r.marks).toBe(0);
    // Only our UI host is added (outside <body>'s serialisation when it lives on <html>), never marks.
    expect(await ff.evaluate('document.body.outerHTML.length')).toBe(before);
  });

  it('leaves a page that is not news alone', async () => {
    await ff.goto(`${server.url}/fixtures/not-news.html`);
    await new Promise((r) => setTimeout(r, 1500));
    const r = JSON.parse((await ff.evaluate(READ)) as string);
    expect(Object.values(r.highlights).reduce((a: number, b) => a + (b as number), 0)).toBe(0);
    expect(r.ui).toBe(false);
  });
});
