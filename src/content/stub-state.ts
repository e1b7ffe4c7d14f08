// What the first-check stub (stub.iife.ts) leaves for the full content script. Both run in the
// extension's isolated world of the page, which they share, so the hand-over is a global there.
import type { Classification } from '../dom/classify';
import type { EarlyWorker } from './worker-boot';

export const STUB_KEY = '__bulletinLensStub';

export interface StubState {
  /** The page's first classification, at DOMContentLoaded (null before). */
  cls: Classification | null;
  /** The reader selected text before the full script was loaded: offer the highlight button. */
  selection: boolean;
  /** Why the full script was asked for, when it was. */
  requested: 'news' | 'selection' | 'grown' | null;
  /** The engine worker, started as soon as the page was found to be news; the full script takes it over. */
  worker?: EarlyWorker | null;
  /** Set by the full script when it runs. */
  full?: boolean;
}

export function stubState(): StubState | undefined {
  return (globalThis as { [STUB_KEY]?: StubState })[STUB_KEY];
}

export function setStubState(s: StubState): void {
  (globalThis as { [STUB_KEY]?: StubState })[STUB_KEY] = s;
}
