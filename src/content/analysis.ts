// Lazily loaded: runs the engine over the page's units in short slices and paints highlights.
import type { AnalysisResult, EntityType } from '../core/types';
import type { Classification } from '../dom/classify';
import { createPainter, type Painter } from '../dom/highlight';
import type { TextMap } from '../dom/text';
import { renderLegend } from '../dom/ui';
import { getUi } from './ui-host';
import { analyzeSoon, getEngine, type Engine } from './engine-client';
import {
  applyResult,
  extractUnit,
  highlightName,
  paintUnit,
  summarise,
  unitsFor,
  type Unit,
} from '../dom/units';
import { booked, mark, sinceDcl, state, yieldToMain } from './state';
import { TYPE_LABELS, typeColour } from './labels';
import { styleRoots } from './styles';

/** Work per slice before giving the main thread back (well under the 50 ms long-task mark). */
const SLICE_MS = 12;
/** Above this many reports a page is painted lazily, near the viewport only. */
const LAZY_UNITS = 60;

export interface Analysis {
  readonly units: Unit[];
  readonly painter: Painter;
  /** Re-extracts and re-analyses only these units. */
  refresh(units: readonly Unit[]): Promise<void>;
  setEnabled(types: readonly EntityType[]): void;
  dispose(): void;
}

let legendCollapsed = false;

/**
 * Gives the thread back behind the tasks already queued, where scheduler.yield would resume ahead of
 * them: the worker's answers arrive as tasks, and so does the hand-over of the jobs sent before its
 * script ran. Reading on ahead of them would hold back the first paint.
 */
function yieldTask(): Promise<void> {
  return new Promise((resume) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resume();
    };
    ch.port2.postMessage(null);
  });
}

function inViewport(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
}

export async function startAnalysis(
  cls: Classification,
  signal: AbortSignal,
  onProgress: () => void,
): Promise<Analysis> {
  const t0 = performance.now();
  // The worker boots (engine tables, model download) while this thread reads the page.
  const booting = getEngine();
  const painter = createPainter(document);
  const units = booked(() => unitsFor(document, cls), 'units');
  state.units = units;
  styleRoots([document]);

  let analyseMs = 0;
  let slice = performance.now();
  const pause = async (give: () => Promise<unknown> = yieldToMain) => {
    if (performance.now() - slice > SLICE_MS) {
      await give();
      slice = performance.now();
    }
  };
  const draw = (unit: Unit) => {
    const roots = paintUnit(painter, unit);
    for (const r of roots) if (r.nodeType === 11) state.shadowRoots.add(r as ShadowRoot);
    styleRoots(roots);
  };
  // On a large page only reports near the viewport get ranges; the rest are painted as they come near.
  // Results (counts, cards, the popup) are kept for every report either way.
  const lazy = units.length > LAZY_UNITS && typeof IntersectionObserver === 'function';
  const near = new Set<Unit>();
  const pending = new Set<Unit>();
  const byRoot = new Map<Element, Unit>(units.map((u) => [u.root, u]));
  const io = lazy
    ? new IntersectionObserver(
        (entries) =>
          booked(() => {
            for (const en of entries) {
              const unit = byRoot.get(en.target);
              if (!unit || !en.isIntersecting || near.has(unit)) continue;
              near.add(unit);
              io?.unobserve(unit.root);
              if (pending.delete(unit)) draw(unit);
            }
            state.lazyPending = pending.size;
          }, 'paint'),
        { rootMargin: '100% 0px' },
      )
    : null;
  if (io) for (const u of units) io.observe(u.root);
  signal.addEventListener('abort', () => io?.disconnect());
  const paint = (unit: Unit, result: AnalysisResult) =>
    booked(() => {
      applyResult(unit, result);
      if (io && !near.has(unit)) {
        pending.add(unit);
        painter.clearOwner(unit.id);
      } else {
        pending.delete(unit);
        draw(unit);
      }
      state.lazyPending = pending.size;
    }, 'paint');

  let engine: Engine | null = null;
  /**
   * Extracts every unit first, handing each to the engine at once, and paints only afterwards:
   * reading styles (visibility) after highlights changed makes Chromium revalidate all highlight
   * markers, which on a large page is a long task. `extracted` units keep the text map they have.
   */
  const process = async (list: readonly Unit[], extracted: ReadonlySet<Unit> = new Set()) => {
    const e = engine ?? (engine = await booting);
    const results: Promise<{ unit: Unit; map: TextMap; result: AnalysisResult } | null>[] = [];
    for (const unit of list) {
      if (signal.aborted) return;
      await pause();
      const map = extracted.has(unit) && unit.map ? unit.map : booked(() => extractUnit(unit), 'extract');
      const a0 = performance.now();
      results.push(
        e.analyze(map.text, unit.opts).then((result) => {
          analyseMs = Math.max(analyseMs, performance.now() - a0);
          return { unit, map, result };
        }),
      );
    }
    for (let i = 0; i < results.length; i++) {
      const got = await results[i];
      if (signal.aborted) return;
      if (got && got.unit.map === got.map) {
        await pause();
        paint(got.unit, got.result);
      }
    }
  };

  // Let the page finish its own first layout before we read any geometry.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const [visible, rest] = booked(() => {
    const seen = units.map((u) => inViewport(u.root));
    return [units.filter((_, i) => seen[i]), units.filter((_, i) => !seen[i])];
  }, 'order');
  for (const u of visible) near.add(u);
  mark('ordered');
  // Read the page while the worker boots: reports in view first, then the rest until the engine is
  // ready. Reading visibility after highlights change costs a style pass per read, so as much as
  // possible is read before the first paint.
  let ready = false;
  void booting.then(() => (ready = true), () => (ready = true));
  const extracted = new Set<Unit>();
  // What the reader sees first: the reports in view, by the rules alone (no wait for the model; the
  // model's pass below repaints them with the names it adds). Sent as soon as read: they queue in the
  // starting worker, so their answers follow its start-up with no round trip through this thread.
  const first: Promise<{ u: Unit; map: TextMap; result: AnalysisResult }>[] = [];
  for (const unit of visible) {
    const map = booked(() => extractUnit(unit), 'extract');
    extracted.add(unit);
    first.push(analyzeSoon(map.text, { ...unit.opts, model: false }).then((result) => ({ u: unit, map, result })));
  }
  let answered = false;
  void Promise.all(first).then(() => (answered = true), () => (answered = true));
  for (const unit of rest) {
    if (ready || answered || signal.aborted) break;
    await pause(yieldTask);
    if (ready || answered) break;
    booked(() => extractUnit(unit), 'extract');
    extracted.add(unit);
  }
  mark('read-before-engine');
  engine = await booting;
  const loadMs = performance.now() - t0;
  mark('engine');

  const e = engine;
  if (visible.length) {
    for (const { u, map, result } of await Promise.all(first)) if (u.map === map && !signal.aborted) paint(u, result);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    mark('visible-painted');
  }
  // On the main thread (no model) the first answers are final; in the worker the model's pass repaints them.
  await process(e.kind === 'worker' ? [...visible, ...rest] : rest, extracted);
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  const paintedAt = performance.now();
  mark('all-painted');

  const analysis: Analysis = {
    units,
    painter,
    async refresh(list) {
      await process(list);
      publish(true);
    },
    setEnabled(types) {
      const on = new Set(types);
      for (const t of Object.keys(TYPE_LABELS) as EntityType[]) painter.setVisible(highlightName(t), on.has(t));
      state.enabled = on;
      void drawLegend();
    },
    dispose() {
      io?.disconnect();
      painter.clear();
    },
  };

  const drawLegend = async () => {
    if (signal.aborted) return;
    const host = await getUi();
    const counts = state.summary.counts;
    renderLegend(
      host,
      {
        title: `Bulletin Lens · ${state.summary.articles.length} 篇`,
        entries: (Object.keys(TYPE_LABELS) as EntityType[]).map((t) => ({
          key: t,
          label: TYPE_LABELS[t],
          colour: typeColour(t),
          count: counts[t] ?? 0,
          enabled: state.enabled.has(t),
        })),
        notes: state.notes,
        orphaned: state.summary.orphaned.length,
        collapsed: legendCollapsed,
      },
      {
        toggle: (key, on) => {
          const next = new Set(state.enabled);
          if (on) next.add(key as EntityType);
          else next.delete(key as EntityType);
          analysis.setEnabled([...next]);
        },
        collapse: (c) => {
          legendCollapsed = c;
          void drawLegend();
        },
      },
    );
  };

  /** `notify`: tell the caller (which reports to the background); the first publish is reported by the caller. */
  const publish = (notify = false) => {
    const { articles, counts } = booked(() => summarise(units), 'summarise');
    state.summary = {
      ...state.summary,
      analysed: true,
      articles,
      counts,
      timing: { analyseMs, paintMs: sinceDcl(paintedAt) },
    };
    state.engineLoadMs = loadMs;
    state.engineKind = e.kind;
    state.redrawLegend = drawLegend;
    void drawLegend();
    if (notify) onProgress();
  };
  publish();
  analysis.setEnabled([...state.enabled]);
  return analysis;
}

