// W3C Web Annotation shapes shared by the content script, the background and the database.
import type { EntityType } from '../core/types';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/** The article an annotation belongs to, as the engine found it. */
export interface ArticleRef {
  index: number;
  title: string;
  dateline: string | null;
  reporters: string[];
  date: string | null;
}

export interface AnnotationTarget {
  /** Canonical page URL. */
  source: string;
  /** Empty for a page note. */
  selector: Selector[];
  article: ArticleRef | null;
  /** Page title when the annotation was made. */
  title: string;
}

export interface AnnotationBody {
  note: string;
  tags: string[];
  colour: HighlightColour;
}

export interface Annotation {
  /** `urn:uuid:…` */
  id: string;
  target: AnnotationTarget;
  body: AnnotationBody;
  motivation: 'highlighting' | 'commenting';
  /** ISO 8601 */
  created: string;
  modified: string;
}

/** What the content script knows about the page it runs on. */
export interface ArticleSummary {
  index: number;
  title: string;
  subtitle: string | null;
  kind: string;
  continued: boolean;
  dateline: string | null;
  reporters: string[];
  date: string | null;
  counts: Partial<Record<EntityType, number>>;
  /** Distinct entities with their counts, for the per-article entity table export (optional). */
  entities?: { type: EntityType; text: string; count: number }[];
}

export interface PageSummary {
  url: string;
  title: string;
  /** Why the page was or was not analysed ("bulletin", "article", "not-news", …). */
  mode: string;
  analysed: boolean;
  articles: ArticleSummary[];
  counts: Partial<Record<EntityType, number>>;
  /** Annotations that could not be re-anchored on this page. */
  orphaned: string[];
  /** Round trip content → background → content in ms, or null when the background did not answer. */
  backgroundRoundTripMs?: number | null;
  /** Milliseconds from DOMContentLoaded to highlights painted, when measured. */
  timing?: { analyseMs: number; paintMs: number };
  /** Main-thread cost of the content script: total and longest slice of its own work, engine chunk load. */
  contentCost?: {
    mainThreadMs: number;
    longestSliceMs: number;
    engineLoadMs: number;
    engine?: string;
    longestSlice?: string;
    firstPaintMs?: number;
    /** Reports analysed but not painted yet (large pages paint near the viewport only). */
    lazyPending?: number;
    /** Start-up milestones, ms after DOMContentLoaded. */
    timeline?: Record<string, number>;
    slices?: Record<string, { total: number; max: number; n: number }>;
  };
}

export interface AnchorStatus {
  id: string;
  anchored: boolean;
}
