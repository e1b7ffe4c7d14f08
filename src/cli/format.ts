// Output formats of the CLI: JSON records, Markdown report, CSV entity table.
import type { AnalysisResult, Article, EntityType } from '../core/types';
import { ENTITY_TYPES } from '../core/types';

export interface JsonArticle {
  title: string;
  subtitle: string | null;
  kind: Article['kind'];
  continued: boolean;
  dateline: { text: string; agency: string | null; place: string | null; reporters: string[]; date: string | null } | null;
  start: number;
  end: number;
  body: string;
}

export interface JsonEntity {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  article: number | null;
}

export function jsonArticles(r: AnalysisResult): JsonArticle[] {
  return r.articles.map((a) => ({
    title: a.title,
    subtitle: a.subtitle,
    kind: a.kind,
    continued: a.continued,
    dateline: a.dateline
      ? { text: a.dateline.text, agency: a.dateline.agency, place: a.dateline.place, reporters: a.dateline.reporters, date: a.dateline.date }
      : null,
    start: a.start,
    end: a.end,
    body: a.body,
  }));
}

export function jsonEntities(r: AnalysisResult): JsonEntity[] {
  return r.entities.map((e) => ({ type: e.type, text: e.text, start: e.start, end: e.end, article: e.article }));
}

export function toRecord(source: string, r: AnalysisResult): { source: string; text: string; articles: JsonArticle[]; entities: JsonEntity[] } {
  return { source, text: r.text, articles: jsonArticles(r), entities: jsonEntities(r) };
}

const TYPE_LABEL: Record<EntityType, string> = {
  person: 'People',
  place: 'Places',
  organization: 'Organizations',
  position: 'Positions',
  date: 'Dates',
  policy_term: 'Policy terms',
};

function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function entityLists(r: AnalysisResult, article: number | null): string[] {
  const out: string[] = [];
  for (const t of ENTITY_TYPES) {
    const seen = new Map<string, number>();
    for (const e of r.entities) if (e.article === article && e.type === t) seen.set(e.text, (seen.get(e.text) ?? 0) + 1);
    if (seen.size === 0) continue;
    const items = [...seen].map(([k, n]) => (n > 1 ? `${mdEscape(k)} (${n})` : mdEscape(k)));
    out.push(`- **${TYPE_LABEL[t]}:** ${items.join('、')}`);
  }
  return out;
}

export function toMarkdown(source: string, r: AnalysisResult): string {
  const lines: string[] = [`# ${mdEscape(source)}`, '', `${r.articles.length} article(s), ${r.entities.length} entities.`, ''];
  r.articles.forEach((a, k) => {
    lines.push(`## ${k + 1}. ${a.title ? mdEscape(a.title) : '(untitled)'}`);
    if (a.subtitle) lines.push('', `*${mdEscape(a.subtitle)}*`);
    lines.push('');
    const meta = [`kind: ${a.kind}${a.continued ? ' (continued)' : ''}`];
    if (a.dateline) {
      const d = a.dateline;
      meta.push(`dateline: ${mdEscape(d.text)}`);
      if (d.place) meta.push(`place: ${mdEscape(d.place)}`);
      if (d.date) meta.push(`date: ${mdEscape(d.date)}`);
      if (d.reporters.length) meta.push(`reporters: ${d.reporters.map(mdEscape).join('、')}`);
    }
    lines.push(meta.join(' · '), '');
    const lists = entityLists(r, k);
    lines.push(...(lists.length ? lists : ['- no entities']), '');
  });
  const outside = entityLists(r, null);
  if (outside.length) lines.push('## Outside articles', '', ...outside, '');
  return lines.join('\n');
}

/** RFC 4180 cell; cells a spreadsheet would run as a formula are neutralised with a leading '. */
export function csvCell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Entity table; with `source` a first column names the file. UTF-8 BOM included. */
export function toCsv(rows: Array<{ source: string; result: AnalysisResult }>, withSource: boolean): string {
  const head = withSource ? ['source', 'article', 'type', 'text', 'start', 'end'] : ['article', 'type', 'text', 'start', 'end'];
  const out = [head.join(',')];
  for (const { source, result } of rows) {
    for (const e of result.entities) {
      const cells: Array<string | number | null> = [e.article, e.type, e.text, e.start, e.end];
      if (withSource) cells.unshift(source);
      out.push(cells.map(csvCell).join(','));
    }
  }
  return '\uFEFF' + out.join('\r\n') + '\r\n';
}
