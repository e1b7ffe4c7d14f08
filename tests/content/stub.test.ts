// @vitest-environment jsdom
// The first-check stub on a page that is not news: it asks for nothing, rechecks a growing page with a
// doubling wait, and asks for the full script once the page has grown into news.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const sent: unknown[] = [];
const para = (text: string) => {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
};
const FILLER = '设置会同步到所有设备，修改后请保存，离开页面前请确认没有未保存的内容。'.repeat(4);

beforeAll(async () => {
  vi.useFakeTimers();
  (globalThis as { chrome?: unknown }).chrome = {
    runtime: { sendMessage: (m: unknown) => (sent.push(m), Promise.resolve({ ok: true, value: { injected: true } })) },
  };
  document.body.append(para('账户设置'));
  await import('../../src/content/stub.iife');
});
afterAll(() => vi.useRealTimers());

const stub = () => (globalThis as { __bulletinLensStub?: { requested: string | null; selection: boolean } }).__bulletinLensStub!;

describe('first-check stub', () => {
  it('asks for nothing on a page that is not news, and rechecks growth with a doubling wait', async () => {
    expect(stub().requested).toBeNull();
    expect(sent).toEqual([]);
    // 300 characters of prose: a check after 500 ms finds no news.
    document.body.append(para(FILLER), para(FILLER));
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(stub().requested).toBeNull();
    // News arrives: after a check that found nothing, the next one waits 1000 ms, not 500.
    document.body.append(
      para(`本报平凉讯（通讯员孙景慧）3月23日，市政协召开党组会议。${FILLER}`),
      para(`本报天水讯（通讯员高磊）3月22日，市政协召开主席会议。${FILLER}`),
    );
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(600);
    expect(stub().requested).toBeNull();
    await vi.advanceTimersByTimeAsync(500);
    expect(stub().requested).toBe('grown');
    expect(sent).toEqual([{ channel: 'c2b', msg: { type: 'content:load', reason: 'grown' } }]);
    document.body.append(para(FILLER), para(FILLER));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(1);
  });
});
