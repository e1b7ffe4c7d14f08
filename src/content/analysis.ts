// Lazily loaded: runs the engine over the page's units in short slices and paints highlights.
import type { EntityType } from '../core/types';
import type { Classification } from '../dom/classify';
import { createPainter, type Painter } from '../dom/highlight';
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
  const process = async (list: readonly Unit[]) => {
    let slice = performance.now();
    const pause = async () => {
      if (performance.now() - slice > SLICE_MS) {
        await yieldToMain();
        slice = performance.now();
      }
    };
    // Extract in slices and hand each unit to the engine at once; paint as results come back.
    const jobs: Promise<void>[] = [];
    for (const unit of list) {
      if (signal.aborted) return;
      await pause();
      const map = booked(() => extractUnit(unit), 'extract');
      const a0 = performance.now();
      jobs.push(
        engine.analyze(map.text, unit.opts).then(async (result) => {
          analyseMs = Math.max(analyseMs, performance.now() - a0);
          if (signal.aborted || unit.map !== map) return;
          await pause();
          booked(() => {
            applyResult(unit, result);
            const roots = paintUnit(painter, unit);
            for (const r of roots) if (r.nodeType === 11) state.shadowRoots.add(r as ShadowRoot);
            styleRoots(roots);
          }, 'paint');
        }),
      );
    }
    await Promise.all(jobs);
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
  await process(visible);
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  state.firstPaintMs = performance.now() - dcl;
  await process(rest);
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  const paintedAt = performance.now();

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

