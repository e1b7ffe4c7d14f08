// @vitest-environment jsdom
// The first-check stub on a page that is not news: it asks for nothing, looks again on a doubling wait
// (back to the shortest after a click), and asks for the full script once the page has grown into news,
// or for a selection (by mouse, or by keyboard once a selection starts; plain typing is not listened to).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const sent: unknown[] = [];
const para = (text: string) => {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
};
const FILLER = '设置会同步到所有设备，修改后请保存，离开页面前请确认没有未保存的内容。'.repeat(4);
const NEWS = [
  `本报平凉讯（通讯员孙景慧）3月23日，市政协召开党组会议。${FILLER}`,
  `本报天水讯（通讯员高磊）3月22日，市政协召开主席会议。${FILLER}`,
];

beforeAll(async () => {
  vi.useFakeTimers();
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: { sendMessage: (m: unknown) => (sent.push(m), Promise.resolve({ ok: true, value: { injected: true } })) },
  };
  document.body.append(para('账户设置'));
  await import('../../src/content/stub.iife'); // the document is parsed: it looks at once
});
afterAll(() => vi.useRealTimers());

const stub = () => (globalThis as { __bulletinLensStub?: { requested: string | null } }).__bulletinLensStub!;

/** The stub run afresh, as on a page load, over a body holding `paras`. */
async function loadStub(...paras: Element[]): Promise<void> {
  sent.length = 0;
  delete (globalThis as { __bulletinLensStub?: unknown }).__bulletinLensStub;
  document.body.replaceChildren(...paras);
  vi.resetModules();
  await import('../../src/content/stub.iife');
}

describe('first-check stub', () => {
  it('asks for nothing on a page that is not news; looks again on a doubling wait, reset by a click', async () => {
    expect(stub().requested).toBeNull();
    // Prose arrives: the look at 0.5 s finds no news, the next waits 1 s, then 2 s.
    document.body.append(para(FILLER), para(FILLER));
    await vi.advanceTimersByTimeAsync(500);
    expect(stub().requested).toBeNull();
    await vi.advanceTimersByTimeAsync(1000); // the 1 s look: nothing changed
    // News arrives now; the 2 s look is due at 3.5 s.
    document.body.append(para(NEWS[0]), para(NEWS[1]));
    await vi.advanceTimersByTimeAsync(1000);
    expect(stub().requested).toBeNull();
    // A click brings the next look to 0.5 s from now.
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(499);
    expect(stub().requested).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(stub().requested).toBe('grown');
    expect(sent).toEqual([{ channel: 'c2b', msg: { type: 'content:load', reason: 'grown' } }]);
    // Asked once; no more looks.
    document.body.append(para(FILLER));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent).toHaveLength(1);
  });
});

describe('first-check stub and selections', () => {
  const select = (p: Element) => {
    const r = document.createRange();
    r.selectNodeContents(p);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(r);
  };

  it('loads the full script for a keyboard selection, and not for keys alone', async () => {
    await loadStub(para('账户设置'), para(FILLER));
    expect(stub().requested).toBeNull();
    select(document.body.lastElementChild!);
    // A key without a selection starting first (typing, or a selection made by the page): not seen.
    document.body.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(0);
    expect(stub().requested).toBeNull();
    document.body.dispatchEvent(new Event('selectstart', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true }));
    expect(stub().requested).toBe('selection');
    expect(sent).toEqual([{ channel: 'c2b', msg: { type: 'content:load', reason: 'selection' } }]);
    document.getSelection()!.removeAllRanges();
  });

  it('loads the full script for a mouse selection', async () => {
    await loadStub(para('账户设置'), para(FILLER));
    select(document.body.lastElementChild!);
    document.body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    expect(stub().requested).toBe('selection');
    expect(sent).toEqual([{ channel: 'c2b', msg: { type: 'content:load', reason: 'selection' } }]);
    // A selection is not news: no engine worker for it.
    expect((stub() as { worker?: unknown }).worker).toBeUndefined();
  });
});

describe('first-check stub on a news page', () => {
  it("starts the engine's worker with its request, and stops it when the background cannot be reached or inject", async () => {
    const created: string[] = [];
    let terminated = 0;
    vi.stubGlobal(
      'Worker',
      class {
        onmessage = null;
        onerror = null;
        constructor(url: string) {
          created.push(url);
        }
        addEventListener() {}
        terminate() {
          terminated++;
        }
      },
    );
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1');
    const chrome = (globalThis as unknown as { chrome: { runtime: Record<string, unknown> } }).chrome;
    const send = chrome.runtime.sendMessage;
    chrome.runtime.getURL = (p: string) => `chrome-extension://x/${p}`;
    try {
      const answers: Record<string, () => Promise<unknown>> = {
        reachable: () => Promise.resolve({ ok: true, value: { injected: true } }),
        unreachable: () => Promise.reject(new Error('no background')),
        'could not inject': () => Promise.resolve({ ok: false, error: 'Cannot access contents of the page' }),
      };
      for (const [how, answer] of Object.entries(answers)) {
        const reachable = how === 'reachable';
        created.length = 0;
        terminated = 0;
        chrome.runtime.sendMessage = (m: unknown) => (sent.push(m), answer());
        await loadStub(para(NEWS[0]), para(NEWS[1]));
        const s = stub() as { requested: string | null; worker?: unknown };
        // Started before the background answered.
        expect(created).toEqual(['blob:test/1']);
        await vi.advanceTimersByTimeAsync(0);
        expect(sent, how).toEqual([{ channel: 'c2b', msg: { type: 'content:load', reason: 'news' } }]);
        if (reachable) {
          expect(s.requested).toBe('news');
          expect(s.worker).toBeTruthy();
          expect(terminated).toBe(0);
        } else {
          expect(s.requested, how).toBeNull();
          expect(s.worker, how).toBeNull();
          expect(terminated, how).toBe(1);
        }
      }
    } finally {
      chrome.runtime.sendMessage = send;
      delete chrome.runtime.getURL;
      createUrl.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});
