// HTML page → the text the content script would see, through the same DOM code (src/dom) on jsdom:
// page classification, Readability for single-article pages, one unit per report on bulletin pages.
import { JSDOM } from 'jsdom';
import { analyze, type EngineOptions } from '../core/engine';
import type { AnalysisResult, Article, Entity } from '../core/types';
import { classifyPage } from '../dom/classify';
import { extractUnit, makeUnit, unitsFor } from '../dom/units';

export interface PageText {
  text: string;
  title: string | null;
  /** How the page was read: the content script's page mode. */
  mode: string;
}

/** Page title without the site suffix: `标题_新华网`, `标题 - 人民网`. */
export function cleanTitle(t: string): string {
  const s = t.replace(/\s+/g, ' ').trim();
  const m = /^(.+?)\s*(?:[_|｜]|\s[-–—]\s|——|--)\s*([^_|｜]{1,20})$/.exec(s);
  if (m && m[1].length >= 4) return cleanTitle(m[1]);
  return s;
}


/** jsdom has no layout: an element is visible unless its computed style or attributes hide it. */
function visible(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  const cs = view.getComputedStyle(el);
  return cs.display !== 'none' && cs.visibility !== 'hidden';
}

/** Units of a page as the content script reads them; a page it would skip is read whole, as on request. */
function pageUnits(doc: Document) {
  const cls = classifyPage(doc);
  const units = unitsFor(doc, cls);
  if (units.length > 0 || !doc.body) return { mode: cls.mode, units };
  return { mode: cls.mode, units: [makeUnit(doc.body)] };
}

const UNIT_GAP = '\n\n';

/** Text of the page and the engine's results, with offsets into that text. */
export function analyzeHtml(html: string, engine: EngineOptions = {}, url = 'https://localhost/'): AnalysisResult & PageText {
  const dom = new JSDOM(html, { url });
  const doc = dom.window.document;
  try {
    const { mode, units } = pageUnits(doc);
    const parts: string[] = [];
    const articles: Article[] = [];
    const entities: Entity[] = [];
    let offset = 0;
    let title: string | null = null;
    for (const unit of units) {
      const text = extractUnit(unit, { visible }).text;
      if (!text.trim()) continue;
      if (parts.length) offset += UNIT_GAP.length;
      const opts: EngineOptions = { ...engine, ...unit.opts };
      if (unit.opts.title) opts.title = title = cleanTitle(unit.opts.title);
      const r = analyze(text, opts);
      const base = articles.length;
      for (const a of r.articles) {
        articles.push({
          ...a,
          start: a.start + offset,
          end: a.end + offset,
          dateline: a.dateline ? { ...a.dateline, start: a.dateline.start + offset, end: a.dateline.end + offset } : null,
        });
      }
      for (const e of r.entities) {
        entities.push({ ...e, start: e.start + offset, end: e.end + offset, article: e.article === null ? null : e.article + base });
      }
      parts.push(text);
      offset += text.length;
    }
    return { text: parts.join(UNIT_GAP), title, mode, articles, entities };
  } finally {
    dom.window.close();
  }
}
