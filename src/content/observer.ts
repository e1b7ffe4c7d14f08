// One batched MutationObserver for the page, plus single-page-app navigation.
import { MARK_TAG, UI_TAG } from '../dom/tags';
import { booked } from './state';

const QUIET_MS = 250;
const MAX_WAIT_MS = 1000;

export interface ObserverHandlers {
  /** The URL changed without a page load (pushState, popstate, navigation API). */
  navigated(): Promise<void>;
  /** Page content changed: nodes whose subtree changed and roughly how much text was added. */
  changed(targets: Node[], addedText: number): Promise<void>;
}

function ours(n: Node): boolean {
  const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
  if (!el) return false;
  const tag = el.tagName.toLowerCase();
  return tag === UI_TAG || tag === MARK_TAG || el.closest(UI_TAG) !== null;
}

export function initObserver(signal: AbortSignal, on: ObserverHandlers): void {
  let url = location.href;
  let targets: Node[] = [];
  let added = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  let busy: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = undefined;
    first = 0;
    const list = targets;
    const text = added;
    targets = [];
    added = 0;
    busy = busy.then(async () => {
      if (signal.aborted) return;
      if (location.href !== url) {
        url = location.href;
        await on.navigated();
      } else if (list.length) {
        await on.changed(list, text);
      }
    });
  };
  const schedule = () => {
    const now = performance.now();
    if (!first) first = now;
    clearTimeout(timer);
    timer = setTimeout(flush, now - first > MAX_WAIT_MS ? 0 : QUIET_MS);
  };

  const mo = new MutationObserver((records) => booked(() => collect(records), 'observe'));
  const collect = (records: MutationRecord[]) => {
    for (const r of records) {
      if (ours(r.target)) continue;
      let relevant = r.type === 'characterData';
      for (const n of Array.from(r.addedNodes)) {
        if (ours(n)) continue;
        relevant = true;
        added += (n.textContent ?? '').length;
      }
      for (const n of Array.from(r.removedNodes)) if (!ours(n)) relevant = true;
      if (relevant) targets.push(r.target);
    }
    if (targets.length || location.href !== url) schedule();
  };
  mo.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  const onNav = () => {
    if (location.href !== url) schedule();
  };
  addEventListener('popstate', onNav, { signal });
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', onNav, { signal });
  signal.addEventListener('abort', () => {
    mo.disconnect();
    clearTimeout(timer);
  });
}
