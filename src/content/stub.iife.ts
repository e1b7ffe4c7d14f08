// The content script every page gets: a classic script (built as one IIFE, run at document_end) that
// classifies the page once it is parsed and touches no extension API unless the page is worth it. Measured in Chromium
// (renderer script time), reaching chrome.runtime costs a page about 1 ms and loading a module as much
// again, so a page that is not news pays for its classification only.
// The full content script (main.ts) is injected by the background when the page is news, when the
// reader selects text, or when the page grows into news (single-page apps).
// What a page that is not news pays here (scripts/bench-browser.mjs, BENCH_ONLY=non-news): the first
// touch of each kind of page object costs a wrapper (about 0.2 ms for document, 0.7 ms for an element),
// each entry into this world (a timer, an event) about 0.13 ms, and compiling the code that runs too.
import { ANALYSED_MODES, TEXT_LAYER_SELECTOR, classifyPage, mayBeNews } from '../dom/classify';
import { UI_TAG } from '../dom/tags';
import { hasSelectedText } from './selection';
import type { ContentToBackground } from '../shared/messages';
import { setStubState, stubState, type StubState } from './stub-state';
import { MODEL_FILE, startEarly, WORKER_FILE } from './worker-boot';

const RECHECK_MS = 500;
const MAX_RECHECK_MS = 60_000;

interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getURL(path: string): string };
}

// Top-level code rather than a start() function: the bundle's IIFE is compiled with the script, while a
// function is compiled again when first called (up to 0.2 ms in scripts/bench-browser.mjs).
// Injected twice (a reload of the extension): the first one stands.
if (!stubState()) {
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
    // The background was unreachable (the extension reloading) or could not inject: listeners stay, a
    // later event asks again, and the worker started for the full script stops.
    const failed = () => {
      state.requested = null;
      state.worker?.worker.terminate();
      state.worker = null;
    };
    void api?.runtime.sendMessage({ channel: 'c2b', msg }).then(
      (r) => {
        const res = r as { ok?: boolean; value?: { injected?: boolean } } | undefined;
        if (res?.ok === false || res?.value?.injected === false) failed();
        else stop();
      },
      failed,
    );
    // News: the engine's worker starts now, on its own thread, while the page lays itself out and the
    // full script is injected (its start-up was the longest wait before the first highlights).
    if (why !== 'selection' && api && typeof Worker === 'function' && !state.worker) {
      state.worker = startEarly(api.runtime.getURL(WORKER_FILE), api.runtime.getURL(MODEL_FILE));
    }
  };

  /**
   * A page that is not news yet (an app shell filled in later, a single-page app moving to an article) is
   * looked at again on a timer whose wait doubles from 0.5 s to 60 s, and drops back to 0.5 s whenever the
   * reader clicks (how such pages change). A timer rather than a MutationObserver: creating the
   * observer alone costs a page that is not news about 0.4 ms, as much as the rest of this check.
   * The text is read only when the page's structure changed since the last look.
   */
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wait = RECHECK_MS;
  let seen = '';
  const structure = () =>
    `${document.getElementsByTagName('p').length}/${document.getElementsByTagName('article').length}/${document.querySelector(TEXT_LAYER_SELECTOR) ? 1 : 0}`;
  // Any change of structure changes the count of elements, and Blink keeps a collection's length until
  // the DOM changes: a look at a page that did not change walks nothing.
  let elements: HTMLCollection | undefined;
  let count = -1;
  const look = () => {
    timer = undefined;
    elements ??= document.getElementsByTagName('*');
    if (elements.length !== count) {
      count = elements.length;
      const now = structure();
      if (now !== seen) {
        seen = now;
        const cls = mayBeNews(document) ? classifyPage(document) : null;
        state.cls = cls;
        if (cls && ANALYSED_MODES.has(cls.mode)) {
          request('grown');
          return;
        }
      }
    }
    wait = Math.min(wait * 2, MAX_RECHECK_MS);
    timer = setTimeout(look, wait);
  };
  const nudge = () => {
    if (timer === undefined || wait === RECHECK_MS) return;
    wait = RECHECK_MS;
    clearTimeout(timer);
    timer = setTimeout(look, wait);
  };

  // A selection is the reader's intent on any page: load the highlighting code for it.
  const onInput = (ev: Event) => {
    const t = ev.target as Element | null;
    if (t?.closest?.(UI_TAG)) return;
    if (hasSelectedText()) {
      state.selection = true;
      request('selection');
    } else nudge();
  };
  // Keys matter only for a selection made with the keyboard (Shift+arrows, Ctrl+A), which starts with
  // selectstart: typing on the page does not enter this script.
  const onKeyUp = (ev: Event) => {
    document.removeEventListener('keyup', onKeyUp);
    onInput(ev);
  };
  const onSelectStart = () => document.addEventListener('keyup', onKeyUp, opts);
  const opts = { passive: true };
  document.addEventListener('mouseup', onInput, opts);
  document.addEventListener('selectstart', onSelectStart, opts);
  stop = () => {
    document.removeEventListener('mouseup', onInput);
    document.removeEventListener('selectstart', onSelectStart);
    document.removeEventListener('keyup', onKeyUp);
    clearTimeout(timer);
    timer = undefined;
  };

  const ready = () => {
    // Most pages that are not news have no article structure: they are decided without reading text.
    const cls = mayBeNews(document) ? classifyPage(document) : null;
    state.cls = cls;
    if (cls && ANALYSED_MODES.has(cls.mode)) request('news');
    else if (!state.requested) {
      // mayBeNews said no only where the page has no <article> and no text layer, and it counted the
      // paragraphs (a cached collection): two walks of the page fewer than structure().
      seen = cls ? structure() : `${document.getElementsByTagName('p').length}/0/0`;
      timer = setTimeout(look, wait);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true });
  else ready();
}
