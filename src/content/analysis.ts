// Lazily loaded: runs the engine over the page's units in short slices and paints highlights.
import type { AnalysisResult, EntityType } from '../core/types';
import type { Classification } from '../dom/classify';
import { createPainter, type Painter } from '../dom/highlight';
import type { TextMap } from '../dom/text';
import { renderLegend } from '../dom/ui';
import { getUi } from './ui-host';
import { getEngine } from './engine-client';
import {
  applyResult,
  extractUnit,
  highlightName,
  paintUnit,
  summarise,
  unitsFor,
  type Unit,
} from '../dom/units';
import { booked, state, yieldToMain } from './state';
import { TYPE_LABELS, typeColour } from './labels';
import { styleRoots } from './styles';

/** Work per slice before giving the main thread back (well under the 50 ms long-task mark). */
const SLICE_MS = 12;

export interface Analysis {
  readonly units: Unit[];
  readonly painter: Painter;
  /** Re-extracts and re-analyses only these units. */
  refresh(units: readonly Unit[]): Promise<void>;
  setEnabled(types: readonly EntityType[]): void;
  dispose(): void;
}

let legendCollapsed = false;

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
  const engine = await getEngine();
  const loadMs = performance.now() - t0;
  const painter = createPainter(document);
  const units = booked(() => unitsFor(document, cls), 'units');
  state.units = units;
  styleRoots([document]);

  let analyseMs = 0;
  let slice = performance.now();
  const pause = async () => {
    if (performance.now() - slice > SLICE_MS) {
      await yieldToMain();
      slice = performance.now();
    }
  };
  /**
   * Extracts every unit first, handing each to the engine at once, and paints only afterwards:
   * reading styles (visibility) after highlights changed makes Chromium revalidate all highlight
   * markers, which on a large page is a long task.
   */
  const process = async (list: readonly Unit[], onVisiblePainted?: () => Promise<void>, visibleCount = 0) => {
    const results: Promise<{ unit: Unit; map: TextMap; result: AnalysisResult } | null>[] = [];
    for (const unit of list) {
      if (signal.aborted) return;
      await pause();
      const map = booked(() => extractUnit(unit), 'extract');
      const a0 = performance.now();
      results.push(
        engine.analyze(map.text, unit.opts).then((result) => {
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
        booked(() => {
          applyResult(got.unit, got.result);
          const roots = paintUnit(painter, got.unit);
          for (const r of roots) if (r.nodeType === 11) state.shadowRoots.add(r as ShadowRoot);
          styleRoots(roots);
        }, 'paint');
      }
      if (i + 1 === visibleCount) await onVisiblePainted?.();
    }
  };

  // Reports in view first, so what the reader sees is highlighted soonest.
  // Let the page finish its own first layout before we read any geometry.
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const [visible, rest] = booked(() => {
    const seen = units.map((u) => inViewport(u.root));
    return [units.filter((_, i) => seen[i]), units.filter((_, i) => !seen[i])];
  }, 'order');
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const dcl = nav?.domContentLoadedEventStart ?? 0;
  await process([...visible, ...rest], async () => {
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    state.firstPaintMs = performance.now() - dcl;
  }, visible.length);
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  const paintedAt = performance.now();
  if (!state.firstPaintMs) state.firstPaintMs = paintedAt - dcl;

  const analysis: Analysis = {
    units,
    painter,
    async refresh(list) {
      await process(list);
      publish();
    },
    setEnabled(types) {
      const on = new Set(types);
      for (const t of Object.keys(TYPE_LABELS) as EntityType[]) painter.setVisible(highlightName(t), on.has(t));
      state.enabled = on;
      void drawLegend();
    },
    dispose() {
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

  const publish = () => {
    const { articles, counts } = booked(() => summarise(units), 'summarise');
    state.summary = {
      ...state.summary,
      analysed: true,
      articles,
      counts,
      timing: { analyseMs, paintMs: paintedAt - dcl },
    };
    state.engineLoadMs = loadMs;
    state.engineKind = engine.kind;
    state.redrawLegend = drawLegend;
    void drawLegend();
    onProgress();
  };
  publish();
  analysis.setEnabled([...state.enabled]);
  return analysis;
}

