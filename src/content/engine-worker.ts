// Worker side of the engine: the engine loads and runs off the page's main thread.
import { analyze } from '../core/index';
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

scope.onmessage = (e) => {
  const { id, text, opts } = e.data;
  try {
    scope.postMessage({ id, result: analyze(text, opts) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
