// The engine worker the stub starts early: what it says before the full script listens is kept and
// replayed in order, a CSP refusal included, and it can be taken over once only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adopt, startEarly, WORKER_FILE } from '../../src/content/worker-boot';

/** A stand-in for the page's Worker: records its boot script and lets the test speak for the thread. */
class FakeWorker extends EventTarget {
  static last: FakeWorker | null = null;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  constructor(
    readonly url: string,
    readonly opts: WorkerOptions,
  ) {
    super();
    FakeWorker.last = this;
  }
  say(data: unknown) {
    const e = new MessageEvent('message', { data });
    this.dispatchEvent(e);
    this.onmessage?.(e);
  }
  fail() {
    const e = new Event('error', { cancelable: true });
    this.dispatchEvent(e);
    this.onerror?.(e);
    return e;
  }
  terminate() {}
}

const blobs = new Map<string, Blob>();
afterEach(() => {
  vi.unstubAllGlobals();
  blobs.clear();
});
function stubPage() {
  vi.stubGlobal('Worker', FakeWorker);
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const u = `blob:test/${++n}`;
    blobs.set(u, b as Blob);
    return u;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((u) => void blobs.delete(u));
}

describe('early engine worker', () => {
  it('boots from a blob that names the engine script and the model', async () => {
    stubPage();
    const early = startEarly(`chrome-extension://x/${WORKER_FILE}`, 'chrome-extension://x/models/ner-model.bin')!;
    const w = FakeWorker.last!;
    expect(early.worker).toBe(w);
    const code = await blobs.get(w.url)!.text();
    expect(code).toContain(`importScripts("chrome-extension://x/${WORKER_FILE}")`);
    expect(code).toContain('self.blModelUrl="chrome-extension://x/models/ner-model.bin"');
    // The blob is released once the worker answered.
    w.say({ boot: {} });
    expect(blobs.has(w.url)).toBe(false);
  });

  it('keeps messages and errors until taken over, then replays them in order', () => {
    stubPage();
    const early = startEarly('a.js', 'm.bin')!;
    const w = FakeWorker.last!;
    w.say({ boot: { 'worker-warm': 1 } });
    const refused = w.fail();
    expect(refused.defaultPrevented).toBe(true); // not reported as the page's error
    const seen: string[] = [];
    const taken = adopt(
      early,
      (e) => seen.push(`message ${JSON.stringify(e.data)}`),
      (e) => seen.push(e.type),
    );
    expect(taken).toBe(true);
    expect(seen).toEqual(['message {"boot":{"worker-warm":1}}', 'error']);
    // Later messages go straight to the new handlers.
    w.say({ id: 1 });
    expect(seen.at(-1)).toBe('message {"id":1}');
    // Once only.
    expect(adopt(early, () => seen.push('again'), () => seen.push('again'))).toBe(false);
    expect(seen).not.toContain('again');
  });

  it('returns null where workers cannot be created', () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('SecurityError');
        }
      },
    );
    expect(startEarly('a.js', 'm.bin')).toBeNull();
  });
});
