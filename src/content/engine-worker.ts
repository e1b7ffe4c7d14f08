// Worker side of the engine: the engine and the learned model load and run off the page's main thread.
import { analyze, registerModel } from '../core/index';
import type { AnalyzeOptions } from '../core/types';
import { digestOf } from '../shared/digest';

interface Job {
  id: number;
  text: string;
  opts?: AnalyzeOptions;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Job>) => void) | null;
  postMessage(m: unknown): void;
};

/** Absolute times (ms since the epoch) of the worker's start-up, reported once for the bench's timeline. */
const at = () => performance.timeOrigin + performance.now();
const evaluated = at();

/** Resolved by the first job that waits for the model. */
let wantModel: () => void = () => undefined;
const modelWanted = new Promise<void>((resolve) => (wantModel = resolve));

async function loadModel(url: string | null): Promise<void> {
  if (url === null) throw new Error('model: no address');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`model: HTTP ${res.status}`);
  // Read and decoded only once a job waits for it: the rules-only jobs for what is in view go first.
  await modelWanted;
  // Imported here, not on top: its tables are built when the weights are decoded.
  const { NerModel, tagEntities } = await import('../core/ner/index');
  const model = NerModel.fromBinary(new Uint8Array(await res.arrayBuffer()));
  registerModel((text) => tagEntities(text, model));
}

// The model runs here only: decoding its weights would be a long task on the page's main thread, so the
// CSP fallback (engine.ts) keeps to the rules. If the model cannot load, the rules still answer.
let modelUrl: (url: string | null) => void = () => undefined;
/** Settles once the model is loaded (or failed to): jobs that use it wait for this, whenever start() runs. */
const ready = new Promise<string | null>((resolve) => (modelUrl = resolve))
  .then(loadModel)
  .catch(() => undefined)
  .then(() => scope.postMessage({ boot: { 'model-loaded': at() } }));

function start(url: string | null, received: number): void {
  modelUrl(url);
  // Build the gazetteer and lexicon tables while the model downloads, so the first page job pays neither.
  analyze('本报讯', { model: false });
  const { blBoot: boot, blLoaded: loaded } = self as unknown as { blBoot?: number; blLoaded?: number };
  scope.postMessage({
    boot: {
      'worker-thread': performance.timeOrigin,
      ...(typeof boot === 'number' ? { 'worker-boot': boot } : {}),
      ...(typeof loaded === 'number' ? { 'worker-loaded': loaded } : {}),
      'worker-evaluated': evaluated,
      'worker-init': received,
      'worker-warm': at(),
    },
  });
}

scope.onmessage = async (e) => {
  const { id, text, opts } = e.data;
  try {
    // Rules-only jobs (the first paint of what is in view) do not wait for the model.
    if (text && opts?.model !== false) {
      wantModel();
      await ready;
    }
    const result = analyze(text, opts);
    scope.postMessage({ id, result, digest: digestOf(result) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};

// The boot script (worker-boot.ts) names the model: start in the next task, without waiting for a
// message (messages sent before this script ran reach it only once the page's thread hands them over).
// Without an address the rules answer alone.
const preset = (self as unknown as { blModelUrl?: unknown }).blModelUrl;
setTimeout(() => start(typeof preset === 'string' ? preset : null, at()), 0);
