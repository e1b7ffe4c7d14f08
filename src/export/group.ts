// Grouping shared by the Markdown export and the notes page: page → article → annotations.
import type { Annotation } from '../shared/annotation';
import { articleFromRef, articleId, siteOf, type ArticleMeta, type ExportBundle, type PageMeta } from './model';

export interface ArticleGroup {
  /** null for notes outside any article (page notes, highlights outside articles). */
  article: ArticleMeta | null;
  annotations: Annotation[];
}

export interface PageGroup {
  page: PageMeta;
  articles: ArticleGroup[];
}

const position = (a: Annotation): number => {
  for (const s of a.target.selector) if (s.type === 'TextPositionSelector') return s.start;
  return -1;
};

/** Pages newest note first; inside a page, articles in page order; notes in reading order. */
export function groupByPage(bundle: ExportBundle): PageGroup[] {
  const pages = new Map(bundle.pages.map((p) => [p.url, p]));
  const articles = new Map(bundle.articles.map((a) => [a.id, a]));
  const byPage = new Map<string, Annotation[]>();
  for (const a of bundle.annotations) {
    const list = byPage.get(a.target.source) ?? [];
    list.push(a);
    byPage.set(a.target.source, list);
  }
  const groups: { newest: string; group: PageGroup }[] = [];
  for (const [url, list] of byPage) {
    const page: PageMeta = pages.get(url) ?? {
      url,
      title: list.find((a) => a.target.title)?.target.title ?? '',
      site: siteOf(url),
      firstSeen: list[0].created,
      lastSeen: list[0].modified,
    };
    const byArticle = new Map<string, ArticleGroup>();
    for (const a of list) {
      const ref = a.target.article;
      const key = ref ? articleId(url, ref.index) : '';
      let g = byArticle.get(key);
      if (!g) {
        const meta: ArticleMeta | null = ref
          ? (articles.get(key) ?? articleFromRef(url, ref))
          : null;
        g = { article: meta, annotations: [] };
        byArticle.set(key, g);
      }
      g.annotations.push(a);
    }
    const articleGroups = [...byArticle.values()].sort(
      (x, y) => (x.article?.index ?? -1) - (y.article?.index ?? -1),
    );
    for (const g of articleGroups) g.annotations.sort((x, y) => position(x) - position(y) || x.created.localeCompare(y.created));
    const newest = list.reduce((m, a) => (a.created > m ? a.created : m), '');
    groups.push({ newest, group: { page, articles: articleGroups } });
  }
  return groups.sort((a, b) => b.newest.localeCompare(a.newest)).map((g) => g.group);
}

export function quoteOf(a: Annotation): string | null {
  for (const s of a.target.selector) if (s.type === 'TextQuoteSelector') return s.exact;
  return null;
}

/** A link that scrolls to the quote in browsers with URL text fragments. */
export function linkTo(a: Annotation): string {
  const quote = quoteOf(a);
  const base = a.target.source.split('#')[0];
  if (!quote) return a.target.source;
  const q = quote.replace(/\s+/g, ' ').trim();
  const frag = q.length > 60 ? `${enc(q.slice(0, 30))},${enc(q.slice(-30))}` : enc(q);
  return `${base}#:~:text=${frag}`;
}

const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
