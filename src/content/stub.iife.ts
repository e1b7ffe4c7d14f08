// The content script every page gets: a classic script (built as one IIFE) that classifies the page
// at DOMContentLoaded and touches no extension API unless the page is worth it. Reaching
// chrome.runtime costs about 1 ms per page and the module loader as much again (measured by
// `npm run bench:browser`), so a page that is not news pays for its classification only.
// The full content script (main.ts) is injected by the background when the page is news, when the
// reader selects text, or when the page grows into news (single-page apps).
import { ANALYSED_MODES, classifyPage, mayBeNews } from '../dom/classify';
import { UI_TAG } from '../dom/tags';
import type { ContentToBackground } from '../shared/messages';
import { setStubState, stubState, type StubState } from './stub-state';

/** Added text (characters) after which a page that was not news is classified again. */
const GROWN_CHARS = 200;
const RECHECK_MS = 500;
const MAX_RECHECK_MS = 60_000;

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

function start(): void {
  if (stubState()) return; // injected twice (a reload of the extension): the first one stands
  const state: StubState = { cls: null, selection: false, requested: null };
  setStubState(state);
  let stop = () => {};

  const request = (why: NonNullable<StubState['requested']>) => {
    if (state.requested) return;
    state.requested = why;
    // Not webextension-polyfill: evaluating it reaches chrome.runtime on every page, the cost this
    // file exists to avoid. Chromium and Firefox both return a promise here.
    const g = globalThis as { browser?: RuntimeLike; chrome?: RuntimeLike };
    const api = g.browser ?? g.chrome;
    const msg: ContentToBackground = { type: 'content:load', reason: why };
    void api?.runtime.sendMessage({ channel: 'c2b', msg }).then(
      () => stop(),
      // The background was unreachable (the extension reloading): listeners stay, a later event asks again.
      () => (state.requested = null),
    );
  };

  // A selection is the reader's intent on any page: load the highlighting code for it.
  const onSelect = (ev: Event) => {
    const t = ev.target as Element | null;
    if (t?.closest?.(UI_TAG)) return;
    const sel = document.getSelection();
    if (sel && !sel.isCollapsed && sel.toString().trim()) {
      state.selection = true;
      request('selection');
    }
  };
  const opts = { passive: true };
  document.addEventListener('mouseup', onSelect, opts);
  document.addEventListener('keyup', onSelect, opts);
  stop = () => {
    document.removeEventListener('mouseup', onSelect);
    document.removeEventListener('keyup', onSelect);
  };

  /** A page that is not news yet: classify again once enough text was added (one batched observer). */
  const watch = () => {
    let added = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A busy app that is not news (a chat, a feed) would be checked over and over: each check that
    // finds nothing doubles the wait before the next.
    let wait = RECHECK_MS;
    const mo = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) added += n.textContent?.length ?? 0;
      if (added < GROWN_CHARS || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        added = 0;
        const cls = mayBeNews(document) ? classifyPage(document) : null;
        state.cls = cls;
        if (cls && ANALYSED_MODES.has(cls.mode)) request('grown');
        else wait = Math.min(wait * 2, MAX_RECHECK_MS);
      }, wait);
    });
    mo.observe(document, { childList: true, subtree: true });
    const unlisten = stop;
    stop = () => {
      unlisten();
      mo.disconnect();
      clearTimeout(timer);
    };
  };

  const ready = () => {
    // Most pages that are not news have no article structure: they are decided without reading text.
    const cls = mayBeNews(document) ? classifyPage(document) : null;
    state.cls = cls;
    if (cls && ANALYSED_MODES.has(cls.mode)) request('news');
    else if (!state.requested) watch();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true });
  else ready();
}

start();
