// Full content script entry: wiring only. Injected by the background when the first-check stub
// (stub.iife.ts) finds news or the reader acts on the page; the engine, UI and anchoring load on demand.
import { STARTED } from './started';
import { ANALYSED_MODES, classifyPage, type Classification } from '../dom/classify';
import { handleFromBackground, handleFromPopup, sendToBackground } from '../shared/messages';
import { enabledTypes, loadSettings, onSettingsChanged, siteEnabled, type Settings } from '../shared/settings';
// Static: loaded with this script rather than in a second round of module fetches after it (the
// waterfall was 30–60 ms of the wait before the first highlights). A selection on a page that is not
// news loads it too, once.
import { startAnalysis, type Analysis } from './analysis';
import { initCards } from './cards';
import { getEngine, releaseEngine } from './engine-client';
import { initObserver } from './observer';
import { initSelection } from './selection';
import { booked, canonicalUrl, mark, sinceDcl, state } from './state';
import { stubState } from './stub-state';

mark('script');
const stub = stubState();
if (stub) stub.full = true;
// Injected because the first check found news: the worker's start-up is the longest wait before the
// first paint, so it starts now (its small client is loaded with this script), alongside the settings
// and the analysis code.
const bootedAhead = stub?.requested === 'news' || stub?.requested === 'grown';
if (bootedAhead) void getEngine();

let analysis: Analysis | null = null;
let run: AbortController | null = null;
let roundTrip: number | null = null;
let settings: Settings | null = null;
const life = new AbortController();

function cost() {
  return {
    mainThreadMs: state.mainThreadMs,
    longestSliceMs: state.longestSliceMs,
    engineLoadMs: state.engineLoadMs,
    engine: state.engineKind,
    longestSlice: state.longestSliceLabel,
    firstPaintMs: 'visible-painted' in state.timeline ? sinceDcl(state.timeline['visible-painted']) : undefined,
    lazyPending: state.lazyPending,
    timeline: Object.fromEntries(Object.entries(state.timeline).map(([k, t]) => [k, sinceDcl(t)])),
    slices: state.slices,
  };
}

async function report(): Promise<void> {
  state.summary = {
    ...state.summary,
    url: canonicalUrl(),
    title: document.title,
    backgroundRoundTripMs: roundTrip,
    contentCost: cost(),
  };
  await booked(() => sendToBackground({ type: 'page:report', summary: state.summary }), 'report');
}

let cardsReady: Promise<void> | null = null;
/** Registers the card's click listener once; resolves when it listens. */
function enableCards(): Promise<void> {
  cardsReady ??= Promise.resolve().then(() => initCards(life.signal));
  return cardsReady;
}

function applySettings(s: Settings): void {
  state.colours = Object.fromEntries(Object.entries(s.types).map(([t, v]) => [t, v.colour]));
  state.enabled = new Set(enabledTypes(s));
}

let settingsReady: Promise<void> | null = null;
let pinged: Promise<void> = Promise.resolve();

/**
 * Reader settings and the background round trip, loaded once and only for pages we analyse:
 * a page that is not news pays for neither.
 */
function ensureSettings(): Promise<void> {
  settingsReady ??= (async () => {
    const sent = performance.now();
    // The round trip is only reported; analysis does not wait for it.
    pinged = sendToBackground({ type: 'ping', sent: Date.now() }).then((pong) => {
      roundTrip = pong.ok ? performance.now() - sent : null;
    });
    settings = await loadSettings().catch(() => null);
    mark('settings');
    onSettingsChanged((next) => {
      const wasOn = !settings || siteEnabled(settings, location.hostname);
      settings = next;
      applySettings(next);
      void import('./styles').then((st) => st.restyle());
      analysis?.setEnabled(enabledTypes(next));
      if (wasOn !== siteEnabled(next, location.hostname)) void analysePage().then(report);
    });
  })();
  return settingsReady;
}

/** Classifies the page and, when it is news (or the reader asks), analyses it. */
async function analysePage(force = false, classified?: Classification): Promise<void> {
  run?.abort();
  analysis?.dispose();
  analysis = null;
  state.units = [];
  const ctrl = new AbortController();
  run = ctrl;
  const cls = classified ?? booked(() => classifyPage(document), 'classify');
  mark('classified');
  if (force || ANALYSED_MODES.has(cls.mode)) await ensureSettings();
  if (ctrl.signal.aborted) return;
  const allowed = !settings || siteEnabled(settings, location.hostname);
  state.summary = {
    ...state.summary,
    url: canonicalUrl(),
    title: document.title,
    mode: allowed ? cls.mode : 'disabled',
    analysed: false,
    articles: [],
    counts: {},
  };
  const wanted = allowed && ANALYSED_MODES.has(cls.mode);
  if (wanted || (force && allowed)) {
    // When the reader asks on a listing or unstructured page, the body goes through segmentation.
    const use = wanted ? cls : { ...cls, mode: 'bulletin' as const, units: [document.body] };
    if (settings) applySettings(settings);
    // The engine (the worker the stub started, or one started now): its start-up is the longest wait.
    void getEngine();
    // Cards listen before the page is reported analysed: a click on a fresh highlight finds them.
    await enableCards();
    mark('analysis-chunk'); // the bench's name for "analysis code ready", loaded with this script now
    if (ctrl.signal.aborted) return;
    const a = await startAnalysis(use, ctrl.signal, () => void report());
    if (ctrl.signal.aborted) {
      a.dispose();
      return;
    }
    analysis = a;
    if (settings) a.setEnabled(enabledTypes(settings));
    void enableCards();
  }
}

/** Whether the background has anything to keep about this page (a page that is not news has not). */
const worthReporting = () => state.summary.analysed || state.notes > 0 || state.summary.orphaned.length > 0;

/** Loads this page's reader annotations; the anchoring code loads only when there are some. */
async function loadAnnotations(): Promise<{ anchored: number; orphaned: number }> {
  const got = await sendToBackground({ type: 'annotations:list', url: canonicalUrl() });
  if (!got.ok || got.value.length === 0) {
    if (state.notes || state.summary.orphaned.length) {
      const reader = await import('./reader');
      return reader.anchorAll([]);
    }
    return { anchored: 0, orphaned: 0 };
  }
  const reader = await import('./reader');
  void enableCards();
  return reader.anchorAll(got.value);
}

handleFromPopup({
  'summary:get': () => ({
    ...state.summary,
    backgroundRoundTripMs: roundTrip,
    contentCost: cost(),
  }),
  'types:set': (msg) => {
    state.enabled = new Set(msg.enabled);
    analysis?.setEnabled(msg.enabled);
    return { enabled: msg.enabled };
  },
  'annotation:reveal': async (msg) => {
    if (!state.notes) return { found: false };
    const reader = await import('./reader');
    return { found: reader.reveal(msg.id) };
  },
  'annotations:reload': async () => {
    const r = await loadAnnotations();
    await report();
    return r;
  },
  'page:analyse': async () => {
    await domReady();
    await analysePage(true);
    await report();
    return state.summary;
  },
});

handleFromBackground({
  'selection:highlight': async (msg) => {
    const reader = await import('./reader');
    void enableCards();
    const a = await reader.highlightSelection({ colour: msg.colour, withNote: msg.withNote });
    return a ? { created: true, id: a.id } : { created: false };
  },
});

/** The page's DOM is parsed (the script is normally injected later; the popup may ask earlier). */
function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((r) => document.addEventListener('DOMContentLoaded', () => r(), { once: true, signal: life.signal }));
}

void (async () => {
  // Selection first: a reader may select text while the page is still being analysed.
  booked(() => initSelection(life.signal, enableCards), 'init');
  await domReady();
  mark('ready');
  if (stub?.selection) {
    void enableCards();
    void import('./reader').then((r) => r.offerSelection());
  }
  // The stub's classification stands when it found news; otherwise (the popup or a selection brought
  // us to a page the stub skipped) the page is classified again, as it may have changed since.
  const first = stub?.cls && ANALYSED_MODES.has(stub.cls.mode) && stub.cls.units.every((u) => u.isConnected) ? stub.cls : null;
  await analysePage(false, first ?? booked(() => classifyPage(document), 'classify'));
  if (bootedAhead && !analysis) releaseEngine();
  await Promise.all([pinged, loadAnnotations().catch(() => undefined)]);
  if (worthReporting()) await report();
  booked(() => initObserver(life.signal, {
    navigated: async () => {
      await analysePage();
      await loadAnnotations().catch(() => undefined);
      await report();
    },
    changed: async (targets, addedText) => {
      if (analysis) {
        const dirty = analysis.units.filter((u) => targets.some((t) => u.root.contains(t)));
        const detached = analysis.units.some((u) => !u.root.isConnected);
        if (detached || addedText > 2000) await analysePage();
        else if (dirty.length) await analysis.refresh(dirty);
      } else if (addedText > 200) {
        await analysePage();
      }
      if (state.notes || state.summary.orphaned.length) (await import('./reader')).reanchor();
      if (worthReporting()) await report();
    },
  }), 'init');
})();

// Book the synchronous evaluation of the modules (handlers, first messages, and the slices run meanwhile:
// classification, listeners) as one span: one difference of the coarse clock, not the sum of several.
{
  const span = performance.now() - STARTED;
  const rest = span - state.mainThreadMs;
  state.mainThreadMs = span;
  state.slices.module = { total: rest, max: rest, n: 1 };
}

/** Called by the bundler's loader with the time the loader was injected (for the bench's timeline). */
export function onExecute(info?: { perf?: { injectTime?: number } }): void {
  const t = info?.perf?.injectTime;
  if (typeof t === 'number') state.timeline.injected = t;
}
