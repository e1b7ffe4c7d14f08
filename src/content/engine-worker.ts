// Worker side of the engine: the engine and the learned model load and run off the page's main thread.
import { analyze, registerModel } from '../core/index';
import { NerModel, tagEntities } from '../core/ner/index';
import type { AnalyzeOptions } from '../core/types';
import { digestOf } from '../shared/digest';

interface Job {
  id: number;
  text: string;
  opts?: AnalyzeOptions;
}
interface Init {
  modelUrl: string;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Job | Init>) => void) | null;
  postMessage(m: unknown): void;
};

// The model runs here only: decoding its weights would be a long task on the page's main thread, so the
// CSP fallback (engine.ts) keeps to the rules. If the model cannot load, the rules still answer.
let ready: Promise<void> = Promise.resolve();
/** Absolute times (ms since the epoch) of the worker's start-up, reported once for the bench's timeline. */
const at = () => performance.timeOrigin + performance.now();
const evaluated = at();

async function loadModel(url: string): Promise<void> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`model: HTTP ${res.status}`);
  const model = NerModel.fromBinary(new Uint8Array(await res.arrayBuffer()));
  registerModel((text) => tagEntities(text, model));
}

scope.onmessage = async (e) => {
  if ('modelUrl' in e.data) {
    const received = at();
    ready = loadModel(e.data.modelUrl)
      .catch(() => undefined)
      .then(() => scope.postMessage({ boot: { 'model-loaded': at() } }));
    // Build the gazetteer and lexicon tables while the model downloads, so the first page job pays neither.
    analyze('本报讯', { model: false });
    scope.postMessage({ boot: { 'worker-evaluated': evaluated, 'worker-init': received, 'worker-warm': at() } });
    return;
  }
  const { id, text, opts } = e.data;
  try {
    // Rules-only jobs (the first paint of what is in view) do not wait for the model.
    if (text && opts?.model !== false) await ready;
    const result = analyze(text, opts);
    scope.postMessage({ id, result, digest: digestOf(result) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
