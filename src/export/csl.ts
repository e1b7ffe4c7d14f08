// CSL-JSON for reference managers (Zotero, Mendeley, …): one item per article.
import type { ExportBundle } from './model';

export interface CslName {
  literal: string;
}

export interface CslDate {
  'date-parts'?: [number, number?, number?][];
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  publisher?: string;
  author?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  URL: string;
  note?: string;
}

/** Full dates only (2024-04-17, 2024年4月17日); a bare 3月23日 stays a literal rather than a guessed year. */
export function cslDate(text: string | null): CslDate | undefined {
  if (!text) return undefined;
  const t = text.replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?/.exec(t);
  if (m) {
    const parts: [number, number?, number?] = [Number(m[1]), Number(m[2])];
    if (m[3]) parts.push(Number(m[3]));
    return { 'date-parts': [parts] };
  }
  return { literal: text };
}

function isoDay(iso: string): CslDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] } : undefined;
}

export function toCsl(bundle: ExportBundle): CslItem[] {
  const pages = new Map(bundle.pages.map((p) => [p.url, p]));
  return [...bundle.articles]
    .sort((a, b) => a.page.localeCompare(b.page) || a.index - b.index)
    .map((art) => {
      const page = pages.get(art.page);
      const item: CslItem = {
        id: art.id,
        type: 'article-newspaper',
        title: art.subtitle ? `${art.title}——${art.subtitle}` : art.title,
        URL: art.page,
      };
      const container = page?.title || page?.site;
      if (container) item['container-title'] = container;
      if (page?.site) item.publisher = page.site;
      if (art.reporters.length) item.author = art.reporters.map((literal) => ({ literal }));
      const issued = cslDate(art.date);
      if (issued) item.issued = issued;
      const accessed = page ? isoDay(page.lastSeen) : undefined;
      if (accessed) item.accessed = accessed;
      if (art.dateline) item.note = art.dateline;
      return item;
    });
}

export const serializeCsl = (bundle: ExportBundle): string => JSON.stringify(toCsl(bundle), null, 2);
