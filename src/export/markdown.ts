// Markdown: pages → articles → quotes as block quotes with the note under each, links back.
import type { ExportBundle } from './model';
import { groupByPage, linkTo, quoteOf } from './group';

/** Escapes text used inside a Markdown link label or heading. */
function inline(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1').trim();
}

function blockquote(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line.replace(/^([#>])/, '\\$1')}` : '>'))
    .join('\n');
}

/** Link targets may not contain spaces or parentheses unescaped. */
const href = (u: string) => u.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));

export function toMarkdown(bundle: ExportBundle, generated = new Date().toISOString()): string {
  const out: string[] = ['# Bulletin Lens', '', `Exported ${generated} · ${bundle.annotations.length} notes`, ''];
  for (const { page, articles } of groupByPage(bundle)) {
    out.push(`## [${inline(page.title || page.url)}](${href(page.url)})`, '');
    out.push(`${inline(page.site)} · ${page.url}`, '');
    for (const { article, annotations } of articles) {
      if (article) {
        out.push(`### ${inline(article.title || `#${article.index + 1}`)}`, '');
        const meta = [article.dateline, article.reporters.join('、'), article.date].filter((x) => x);
        if (meta.length) out.push(`*${inline(meta.join(' · '))}*`, '');
      }
      for (const a of annotations) {
        const quote = quoteOf(a);
        if (quote) out.push(blockquote(quote), '');
        if (a.body.note) out.push(a.body.note.replace(/\r\n?/g, '\n'), '');
        const tags = a.body.tags.map((t) => `#${inline(t).replace(/ /g, '_')}`).join(' ');
        const when = a.modified.slice(0, 10);
        out.push(`${tags ? `${tags} · ` : ''}[${quote ? '↪' : 'page'}](${href(linkTo(a))}) · ${when}`, '');
      }
    }
  }
  return out.join('\n');
}
