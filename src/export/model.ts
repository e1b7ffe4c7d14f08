// What an export holds. Pure types shared by the database rows and the format code.
import type { EntityType } from '../core/types';
import type { Annotation, ArticleRef } from '../shared/annotation';

export interface PageMeta {
  /** Canonical URL. */
  url: string;
  title: string;
  /** Hostname without a leading `www.`. */
  site: string;
  /** ISO 8601 */
  firstSeen: string;
  lastSeen: string;
}

export interface EntityCount {
  type: EntityType;
  text: string;
  count: number;
}

export interface ArticleMeta {
  /** `${page}#${index}` */
  id: string;
  page: string;
  index: number;
  title: string;
  subtitle: string | null;
  kind: string | null;
  dateline: string | null;
  reporters: string[];
  date: string | null;
  counts: Partial<Record<EntityType, number>>;
  entities: EntityCount[];
}

export interface ExportBundle {
  annotations: Annotation[];
  pages: PageMeta[];
  articles: ArticleMeta[];
}

export const articleId = (page: string, index: number): string => `${page}#${index}`;

/** What an annotation's own article reference says about its article, before the page report adds more. */
export function articleFromRef(page: string, ref: ArticleRef): ArticleMeta {
  return {
    id: articleId(page, ref.index),
    page,
    index: ref.index,
    title: ref.title,
    subtitle: null,
    kind: null,
    dateline: ref.dateline,
    reporters: ref.reporters,
    date: ref.date,
    counts: {},
    entities: [],
  };
}

export function siteOf(url: string): string {
  try {
    const u = new URL(url);
    return (u.hostname || u.protocol.replace(':', '')).replace(/^www\./, '');
  } catch {
    return '';
  }
}
