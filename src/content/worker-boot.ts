// Starting the engine worker, shared by the stub and the full script. The stub starts it the moment it
// finds news (at document_end, before the page's own first layout), so the worker loads and compiles the
// engine on another thread while the page lays itself out and the full script is injected; the full
// script then takes it over (engine-client.ts). Kept free of imports: the stub bundles this file.

/** The worker's script in the extension: a fixed name (vite.config.ts), so the stub needs no bundle map. */
export const WORKER_FILE = 'assets/engine-worker.js';
export const MODEL_FILE = 'models/ner-model.bin';

/** A worker started by the stub, with what it said before the full script listened. */
export interface EarlyWorker {
  worker: Worker;
  /** Message and error events in arrival order; null once taken over. */
  queue: Event[] | null;
  /** performance.now() at creation, for the bench's timeline. */
  created: number;
}

/**
 * A worker that loads `scriptUrl` itself: a page may load an extension file, but a worker must be created
 * from the page's origin, so it starts from a two-line blob. It is told the model's address the same way,
 * so it starts without waiting for a message.
 */
export function startWorker(scriptUrl: string, modelUrl: string): Worker {
  // blBoot: when the thread ran this, before loading the engine (the bench's timeline).
  const code = `self.blBoot=performance.timeOrigin+performance.now();self.blModelUrl=${JSON.stringify(modelUrl)};importScripts(${JSON.stringify(scriptUrl)});`;
  const boot = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const worker = new Worker(boot, { name: 'bulletin-lens-engine' });
  // The worker has read its boot script once it answers (or fails).
  const revoke = () => URL.revokeObjectURL(boot);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}

/** Starts a worker whose early messages and errors are kept until adopt(); null where workers fail to start. */
export function startEarly(scriptUrl: string, modelUrl: string): EarlyWorker | null {
  try {
    const worker = startWorker(scriptUrl, modelUrl);
    const early: EarlyWorker = { worker, queue: [], created: performance.now() };
    const keep = (e: Event) => {
      // A page's CSP may forbid the worker: not an error of the page's.
      if (e.type === 'error') e.preventDefault();
      early.queue?.push(e);
    };
    worker.onmessage = keep;
    worker.onerror = keep;
    return early;
  } catch {
    return null;
  }
}

/** Hands an early worker to its real handlers, replaying what it said meanwhile; false if already taken. */
export function adopt(
  early: EarlyWorker,
  onMessage: (e: MessageEvent) => void,
  onError: (e: Event) => void,
): boolean {
  const queue = early.queue;
  if (!queue) return false;
  early.queue = null;
  early.worker.onmessage = onMessage;
  early.worker.onerror = onError;
  for (const e of queue) {
    if (e.type === 'error') onError(e);
    else onMessage(e as MessageEvent);
  }
  return true;
}
