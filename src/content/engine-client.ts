// Runs the engine in an inline (blob) worker; falls back to the lazily imported chunk on the
// main thread when the page's CSP forbids blob workers.
import browser from 'webextension-polyfill';
import type { AnalysisResult, AnalyzeOptions } from '../core/types';
import type { Digest } from '../shared/digest';
import EngineWorker from './engine-worker?worker&inline';
import { mark, state } from './state';

export interface Engine {
  kind: 'worker' | 'main';
  analyze(text: string, opts?: AnalyzeOptions): Promise<AnalysisResult>;
  dispose(): void;
}

async function mainThreadEngine(): Promise<Engine> {
  const { analyze } = await import('./engine');
  return { kind: 'main', analyze: async (text, opts) => analyze(text, opts), dispose: () => {} };
}

/** A result that carries its digest (counted in the worker), for summarise(). */
const withDigest = (result: AnalysisResult, digest: Digest): AnalysisResult & { digest: Digest } => ({ ...result, digest });

function workerEngine(): Promise<Engine> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      mark('worker-created');
      worker = new EngineWorker({ name: 'bulletin-lens-engine' });
    } catch (e) {
      reject(e);
      return;
    }
    let next = 1;
    const waiting = new Map<number, { ok(r: AnalysisResult): void; fail(e: Error): void }>();
    worker.onmessage = (
      e: MessageEvent<{ id: number; result?: AnalysisResult; digest?: Digest; error?: string; boot?: Record<string, number> }>,
    ) => {
      if (e.data.boot) {
        for (const [k, t] of Object.entries(e.data.boot)) state.timeline[k] ??= t - performance.timeOrigin;
        return;
      }
      const w = waiting.get(e.data.id);
      if (!w) return;
      waiting.delete(e.data.id);
      if (e.data.result) w.ok(e.data.digest ? withDigest(e.data.result, e.data.digest) : e.data.result);
      else w.fail(new Error(e.data.error ?? 'engine failed'));
    };
    const engine: Engine = {
      kind: 'worker',
      analyze: (text, opts) =>
        new Promise((ok, fail) => {
          const id = next++;
          waiting.set(id, { ok, fail });
          worker.postMessage({ id, text, opts });
        }),
      dispose: () => worker.terminate(),
    };
    // A CSP-blocked worker reports an error event instead of answering.
    worker.onerror = (e) => {
      e.preventDefault?.();
      for (const w of waiting.values()) w.fail(new Error('engine worker failed'));
      waiting.clear();
      reject(new Error('engine worker failed'));
    };
    worker.postMessage({ modelUrl: browser.runtime.getURL('models/ner-model.bin') });
    engine.analyze('').then(() => resolve(engine), reject);
  });
}

let shared: Promise<Engine> | null = null;

/** Stops an engine booted ahead for a page that turned out not to be analysed (site switched off). */
export function releaseEngine(): void {
  const s = shared;
  shared = null;
  void s?.then((e) => e.dispose(), () => undefined);
}

export function getEngine(): Promise<Engine> {
  shared ??= workerEngine().catch(() => mainThreadEngine());
  return shared;
}
