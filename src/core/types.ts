// Shared contracts of the pure engine. No DOM, no browser APIs.

export type EntityType = 'person' | 'place' | 'organization' | 'position' | 'date' | 'policy_term';

export const ENTITY_TYPES: readonly EntityType[] = [
  'person',
  'place',
  'organization',
  'position',
  'date',
  'policy_term',
];

export type TermLevel = 'national' | 'provincial' | 'local';
export type TermCategory = 'slogan' | 'campaign' | 'meeting' | 'document' | 'programme' | 'concept';

/** Extra knowledge attached to an entity where the engine knows it. */
export interface EntityInfo {
  /** Stable id: a division code for places, a lexicon id for policy terms. */
  id?: string;
  /** Canonical (full) name, e.g. 平凉市 for 平凉. */
  canonical?: string;
  /** Parents from the top down, e.g. ['甘肃省'] for 平凉市. */
  parents?: string[];
  /** One-line explanation of a policy term. */
  gloss?: string;
  level?: TermLevel;
  category?: TermCategory;
  /** Province or city a provincial/local term belongs to. */
  region?: string;
  source?: string;
}

export interface Entity {
  type: EntityType;
  /** Normalised text (spaces and line breaks removed, simplified characters). */
  text: string;
  /** UTF-16 offsets into the caller's original text, end exclusive. */
  start: number;
  end: number;
  /** Index into AnalysisResult.articles, or null when outside any article. */
  article: number | null;
  /** Which part of the engine found it. */
  by?: 'rule' | 'gazetteer' | 'lexicon' | 'pattern' | 'model';
  info?: EntityInfo;
}

export interface Dateline {
  /** The dateline as printed (normalised). */
  text: string;
  agency: string | null;
  place: string | null;
  reporters: string[];
  /** As printed and normalised, e.g. "3月23日"; null when absent. */
  date: string | null;
  start: number;
  end: number;
}

export type ArticleKind = 'report' | 'photo' | 'brief' | 'continuation' | 'commentary';

export interface Article {
  title: string;
  subtitle: string | null;
  kind: ArticleKind;
  /** True for a `（接一版）`-style continuation. */
  continued: boolean;
  dateline: Dateline | null;
  /** Offsets of the whole article (title included when it is adjacent) in the original text. */
  start: number;
  end: number;
  /** Normalised body text. */
  body: string;
}

export interface AnalysisResult {
  text: string;
  articles: Article[];
  entities: Entity[];
}

export interface AnalyzeOptions {
  /** Entity types to report; all by default. */
  types?: readonly EntityType[];
  /** Use the learned NER model (default true when it is loaded). */
  model?: boolean;
  /** Treat the whole text as one article (single-article pages). */
  singleArticle?: boolean;
  /** Known title of a single-article page. */
  title?: string;
}
