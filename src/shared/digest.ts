// Per-article entity counts and distinct entities of one analysis result: what the popup and the
// entity-table export need. Pure, so the engine worker computes it off the page's main thread.
import type { AnalysisResult, EntityType } from '../core/types';

export interface ArticleDigest {
  counts: Partial<Record<EntityType, number>>;
  /** Distinct (type, text) with how often each occurs in the article. */
  entities: { type: EntityType; text: string; count: number }[];
}

export interface Digest {
  /** One per article of the result, in order. */
  articles: ArticleDigest[];
  /** Counts over every entity of the result, inside articles or not. */
  counts: Partial<Record<EntityType, number>>;
}

export function digestOf(result: AnalysisResult): Digest {
  const articles: ArticleDigest[] = result.articles.map(() => ({ counts: {}, entities: [] }));
  const seen: Map<string, { type: EntityType; text: string; count: number }>[] = result.articles.map(() => new Map());
  const counts: Partial<Record<EntityType, number>> = {};
  for (const e of result.entities) {
    counts[e.type] = (counts[e.type] ?? 0) + 1;
    const a = e.article === null ? undefined : articles[e.article];
    if (!a) continue;
    a.counts[e.type] = (a.counts[e.type] ?? 0) + 1;
    const map = seen[e.article as number];
    const key = `${e.type}\u0000${e.text}`;
    const row = map.get(key);
    if (row) row.count++;
    else map.set(key, { type: e.type, text: e.text, count: 1 });
  }
  for (let i = 0; i < articles.length; i++) articles[i].entities = [...seen[i].values()];
  return { articles, counts };
}
