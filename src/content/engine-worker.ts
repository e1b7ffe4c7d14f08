// Worker side of the engine: the engine and the learned model load and run off the page's main thread.
import { analyze, loadShippedModel } from '../core/index';
import type { AnalyzeOptions } from '../core/types';

interface Job {
  id: number;
  text: string;
  opts?: AnalyzeOptions;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Job>) => void) | null;
  postMessage(m: unknown): void;
};

// The model runs here only: decoding its weights would be a long task on the page's main thread, so the
// CSP fallback (engine.ts) keeps to the rules. If the model cannot load, the rules still answer.
const ready = loadShippedModel().catch(() => undefined);

scope.onmessage = async (e) => {
  const { id, text, opts } = e.data;
  try {
    if (text) await ready;
    scope.postMessage({ id, result: analyze(text, opts) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
