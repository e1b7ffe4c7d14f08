// What an export holds. Pure types shared by the database rows and the format code.
import type { EntityType } from '../core/types';
import type { Annotation } from '../shared/annotation';

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

export function siteOf(url: string): string {
  try {
    const u = new URL(url);
    return (u.hostname || u.protocol.replace(':', '')).replace(/^www\./, '');
  } catch {
    return '';
  }
}
