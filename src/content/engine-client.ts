// Runs the engine in a worker; falls back to the lazily imported chunk on the main thread when the
// page's CSP forbids the worker.
import browser from 'webextension-polyfill';
import type { AnalysisResult, AnalyzeOptions } from '../core/types';
import type { Digest } from '../shared/digest';
import engineWorkerUrl from './engine-worker?worker&url';
import { mark, state } from './state';
import { stubState } from './stub-state';
import { adopt, MODEL_FILE, startWorker, type EarlyWorker } from './worker-boot';

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

/** The worker as soon as it is created (jobs queue in it while it starts); null before or once it failed. */
let starting: Engine | null = null;

/** The worker the stub started, if it did and nobody took it yet. */
function earlyWorker(): EarlyWorker | null {
  const early = stubState()?.worker;
  return early?.queue ? early : null;
}

function workerEngine(): Promise<Engine> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    const early = earlyWorker();
    try {
      if (early) {
        worker = early.worker;
        state.timeline['worker-created'] ??= early.created;
      } else {
        mark('worker-created');
        // The worker loads its script itself (an extension file the page may load): this chunk stays
        // small, and the page's thread neither loads nor compiles the engine.
        worker = startWorker(new URL(engineWorkerUrl, import.meta.url).href, browser.runtime.getURL(MODEL_FILE));
      }
    } catch (e) {
      reject(e);
      return;
    }
    let next = 1;
    const waiting = new Map<number, { ok(r: AnalysisResult): void; fail(e: Error): void }>();
    const onMessage = (
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
    let failed = false;
    const engine: Engine = {
      kind: 'worker',
      analyze: (text, opts) =>
        new Promise((ok, fail) => {
          if (failed) return fail(new Error('engine worker failed'));
          const id = next++;
          waiting.set(id, { ok, fail });
          worker.postMessage({ id, text, opts });
        }),
      dispose: () => worker.terminate(),
    };
    // A CSP-blocked worker (or script) reports an error event instead of answering.
    const onError = (e: Event) => {
      e.preventDefault?.();
      failed = true;
      if (starting === engine) starting = null;
      for (const w of waiting.values()) w.fail(new Error('engine worker failed'));
      waiting.clear();
      reject(new Error('engine worker failed'));
    };
    starting = engine;
    // Jobs are posted before what the early worker said is replayed: a failure it reported fails them.
    const ready = engine.analyze('');
    if (early) adopt(early, onMessage, onError);
    else {
      worker.onmessage = onMessage;
      worker.onerror = onError;
    }
    ready.then(() => resolve(engine), reject);
  });
}

let shared: Promise<Engine> | null = null;

/** Stops an engine booted ahead for a page that turned out not to be analysed (site switched off). */
export function releaseEngine(): void {
  const s = shared;
  shared = null;
  starting = null;
  void s?.then((e) => e.dispose(), () => undefined);
}

export function getEngine(): Promise<Engine> {
  shared ??= workerEngine().catch(() => mainThreadEngine());
  return shared;
}

/**
 * Analyses now: queued in the worker while it is still starting (no round trip after it is ready),
 * else on whichever engine getEngine() settles on. A job the starting worker cannot run (CSP) is run
 * again there.
 */
export function analyzeSoon(text: string, opts?: AnalyzeOptions): Promise<AnalysisResult> {
  const engine = getEngine();
  const early = starting;
  if (!early) return engine.then((e) => e.analyze(text, opts));
  return early.analyze(text, opts).catch(() => engine.then((e) => e.analyze(text, opts)));
}
