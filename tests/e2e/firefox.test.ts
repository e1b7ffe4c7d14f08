// The Firefox build in Firefox (Debian's firefox-esr, over WebDriver BiDi): the same engine and
// highlights as in Chromium on the sample page, the learned model's persons, a reader highlight made
// with the mouse that is stored and found again after a reload, and nothing on a page that is not news.
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

  it('makes a reader highlight from a mouse selection and finds it again after a reload', async () => {
    await ff.goto(`${server.url}/bulletin.html`);
    await readPage((x) => x.ui && (x.highlights['bl-person'] ?? 0) > 0);
    // Twelve characters on the first line of a long paragraph, as viewport points for a real drag.
    const span = JSON.parse(
      (await ff.evaluate(`(() => {
        const p = [...document.querySelectorAll('article p')].find((e) => e.textContent.length > 60);
        const t = p.firstChild;
        const at = (i) => { const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect(); };
        const a = at(4), b = at(15);
        const r = document.createRange(); r.setStart(t, 4); r.setEnd(t, 16);
        return JSON.stringify({ from: { x: a.left + 1, y: (a.top + a.bottom) / 2 }, to: { x: b.right - 1, y: (b.top + b.bottom) / 2 }, text: r.toString(), sameLine: a.top === b.top });
      })()`)) as string,
    );
    expect(span.sameLine, 'the twelve characters share a line').toBe(true);
    await ff.mouse(span.from, span.to);
    expect(await ff.evaluate('getSelection().toString()')).toBe(span.text);
    // The selection bar appears in our shadow root; its first colour is clicked like a reader would.
    const BUTTON = `document.querySelector('bulletin-lens-ui')?.shadowRoot?.querySelector('[data-testid^="bl-sel-"].c')`;
    let box: { x: number; y: number } | null = null;
    for (let k = 0; k < 40 && !box; k++) {
      box = JSON.parse(
        (await ff.evaluate(`(() => { const b = ${BUTTON}; if (!b) return 'null'; const r = b.getBoundingClientRect(); return JSON.stringify({ x: r.left + r.width / 2, y: r.top + r.height / 2 }); })()`)) as string,
      );
      if (!box) await new Promise((r) => setTimeout(r, 250));
    }
    expect(box, 'selection bar').not.toBeNull();
    await ff.mouse(box!);
    const NOTES = `JSON.stringify([...CSS.highlights].filter(([k]) => k.startsWith('bl-note-')).flatMap(([, h]) => [...h].map((r) => r.toString())))`;
    const notes = async () => {
      for (let k = 0; k < 60; k++) {
        const got = JSON.parse((await ff.evaluate(NOTES)) as string) as string[];
        if (got.length) return got;
        await new Promise((r) => setTimeout(r, 250));
      }
      return [];
    };
    expect(await notes()).toEqual([span.text]);
    // Stored by the background (IndexedDB in the add-on's origin), anchored again on a fresh load.
    await ff.goto(`${server.url}/bulletin.html`);
    expect(await notes()).toEqual([span.text]);
  });

  it('runs the learned model: a bare name in free text is a person', async () => {
    // The rules alone find 苗嘉禾 but not 韩冬青 (no title or cue around it): the engine worker runs in
    // Firefox too, with its model, and not the rules-only fallback of the page's thread.
    await ff.goto(`${server.url}/fixtures/model.html`);
    const PERSONS = `JSON.stringify([...(CSS.highlights.get('bl-person') ?? [])].map((r) => r.toString()))`;
    let persons: string[] = [];
    for (let k = 0; k < 120 && !(persons.includes('韩冬青') && persons.includes('苗嘉禾')); k++) {
      persons = JSON.parse((await ff.evaluate(PERSONS)) as string);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(persons).toContain('韩冬青');
    expect(persons).toContain('苗嘉禾');
  });

  it('leaves a page that is not news alone', async () => {
    await ff.goto(`${server.url}/fixtures/not-news.html`);
    await new Promise((r) => setTimeout(r, 1500));
    const r = JSON.parse((await ff.evaluate(READ)) as string);
    expect(Object.values(r.highlights).reduce((a: number, b) => a + (b as number), 0)).toBe(0);
    expect(r.ui).toBe(false);
  });
});
