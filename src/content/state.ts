// State shared by the content features of one page.
import { ENTITY_TYPES, type EntityType } from '../core/types';
import type { Unit } from '../dom/units';
import type { PageSummary } from '../shared/annotation';

export const state = {
  summary: {
    url: location.href,
    title: document.title,
    mode: 'pending',
    analysed: false,
    articles: [],
    counts: {},
    orphaned: [],
  } as PageSummary,
  enabled: new Set<EntityType>(ENTITY_TYPES),
  /** Main-thread milliseconds spent by our code (sync slices we ran), for the bench. */
  mainThreadMs: 0,
  longestSliceMs: 0,
  longestSliceLabel: '',
  /** Booked time per kind of work, for the bench. */
  slices: {} as Record<string, { total: number; max: number; n: number }>,
  /** Reports analysed but not painted yet (large pages paint near the viewport only). */
  lazyPending: 0,
  /** Milestones of start-up (performance.now()), for the bench. */
  timeline: {} as Record<string, number>,
  engineLoadMs: 0,
  engineKind: 'none' as 'none' | 'worker' | 'main',
  /** Colour per entity type from the reader's settings. */
  colours: {} as Partial<Record<EntityType, string>>,
  /** Reader annotations anchored on this page. */
  notes: 0,
  /** Analysed units of the page (empty until analysis ran). */
  units: [] as Unit[],
  /** Open shadow roots that hold analysed text, for hit-testing. */
  shadowRoots: new Set<ShadowRoot>(),
  /** Redraws the legend when it is shown. */
  redrawLegend: null as null | (() => Promise<void>),
};

/** Runs `fn` and books its time as main-thread work of the extension. */
export function booked<T>(fn: () => T, label = 'work'): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    const dt = performance.now() - t0;
    state.mainThreadMs += dt;
    const slot = (state.slices[label] ??= { total: 0, max: 0, n: 0 });
    slot.total += dt;
    slot.n += 1;
    if (dt > slot.max) slot.max = dt;
    if (dt > state.longestSliceMs) {
      state.longestSliceMs = dt;
      state.longestSliceLabel = label;
    }
  }
}

/** The URL annotations are stored under: the canonical link, else the URL without its hash. */
export function canonicalUrl(): string {
  const link = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (link) {
    try {
      return new URL(link, location.href).href;
    } catch {
      /* fall through */
    }
  }
  return location.href.replace(/#.*$/, '');
}

/** Gives the main thread back: scheduler.yield where present, else a macrotask. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((r) => setTimeout(r, 0));
}

/** Records a start-up milestone, first time only (raw performance.now(); see sinceDcl). */
export function mark(name: string): void {
  if (!(name in state.timeline)) state.timeline[name] = performance.now();
}

/**
 * ms from DOMContentLoaded to `t`. Marks may come before DOMContentLoaded (the popup can inject early), so this
 * is read when reporting, not when marking.
 */
export function sinceDcl(t: number): number {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return Math.round((t - (nav?.domContentLoadedEventStart ?? 0)) * 10) / 10;
}
