// Cheap first check: is this page worth analysing, and how? Reads a bounded amount of the DOM.

export type PageMode = 'bulletin' | 'textlayer' | 'article' | 'listing' | 'not-news';

/** PDF text layers (pdf.js and similar). */
export const TEXT_LAYER_SELECTOR = '.textLayer, .textlayer, [data-text-layer]';

/** Modes analysed without the reader asking. */
export const ANALYSED_MODES: ReadonlySet<PageMode> = new Set(['bulletin', 'textlayer', 'article']);

export interface Classification {
  mode: PageMode;
  /** Human-readable reason, shown in the popup summary. */
  reason: string;
  /** Elements holding reports (bulletin) or text layers (textlayer). */
  units: Element[];
}

const CJK_RE = /[\u3400-\u9fff]/g;
/**
 * Words that mark news (本报, 记者, 新华社电…), simplified and traditional; tests/dom/classify.test.ts spells
 * them out from a RegExp both ways. Tested with includes(): compiling a RegExp on every page costs it
 * about 0.2 ms in the first look.
 */
export const NEWS_CUE_WORDS = ['本报', '本報', '记者', '記者', '讯', '訊', '新华社', '新華社', '电（', '电(', '電（', '電(', '日电', '日電', '来源:', '来源：', '來源:', '來源：'];
export const hasNewsCue = (s: string): boolean => NEWS_CUE_WORDS.some((w) => s.includes(w));
/** A paragraph that opens a report: 本报平凉讯, 新华社北京3月5日电, 本报记者 …, 【本报讯】. */
const RE_DATELINE_START = /^[■□●◆【\s]*(?:本[报報][^，。,\s]{0,8}[讯訊]|本[报報][^，。,\s]{0,8}\d{1,2}月\d{1,2}日[电電]|本[报報]记者|[据據]?新[华華]社[^，。]{0,10}[电電]|[\u4e00-\u9fff]{2,5}[网網社][^，。]{0,8}\d{1,2}月\d{1,2}日[电電])/;
const SAMPLE_CHARS = 1500;
const MIN_ARTICLE_CHARS = 60;

function sampleText(root: Element, limit: number): string {
  const w = root.ownerDocument.createTreeWalker(root, 4);
  let s = '';
  for (let t = w.nextNode(); t && s.length < limit; t = w.nextNode()) {
    const p = t.parentNode?.nodeName;
    if (p !== 'SCRIPT' && p !== 'STYLE' && p !== 'NOSCRIPT') s += (t as Text).data;
  }
  return s;
}

function cjkRatio(s: string): number {
  const compact = s.replace(/\s/g, '');
  if (!compact) return 0;
  return (s.match(CJK_RE)?.length ?? 0) / compact.length;
}

/** Approximate text length (whitespace included; thresholds are rough anyway). */
function textLength(el: Element): number {
  return el.textContent?.length ?? 0;
}

function linkTextLength(el: Element): number {
  let n = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < 400; i++) n += links[i].textContent?.length ?? 0;
  return n;
}

/**
 * Whether classifyPage could find news here; false only where it cannot (tested against it). Counts, null
 * checks and one XPath string value only: the first check runs in the content script's own world, where the
 * first touch of each kind of element costs a wrapper set-up (about 0.5 ms for <body>, 2–3 ms to read a
 * page's paragraphs), while the string value of <body> touches no element.
 */
export function mayBeNews(doc: Document): boolean {
  if (doc.querySelector(`article, ${TEXT_LAYER_SELECTOR}, meta[property="og:type"][content="article"]`)) {
    return true;
  }
  if (doc.getElementsByTagName('p').length < 2) return false;
  // Without <article>, og:type or a text layer, classifyPage accepts a page only on a news cue in its title or
  // text (every RE_DATELINE_START match holds one too), and any paragraph's text is part of <body>'s.
  if (hasNewsCue(doc.title)) return true;
  // XHTML documents name <body> in a namespace.
  const path = doc.contentType === 'text/html' ? 'string(/html/body)' : "string(//*[local-name()='body'])";
  return hasNewsCue(doc.evaluate(path, doc, null, 2 /* XPathResult.STRING_TYPE */, null).stringValue);
}

export function classifyPage(doc: Document): Classification {
  const body = doc.body;
  if (!body) return { mode: 'not-news', reason: 'no body', units: [] };
  // Structure first: native, cheap queries. Text is read only when structure suggests news.
  const layers = doc.querySelectorAll(TEXT_LAYER_SELECTOR);
  const articleEls = doc.getElementsByTagName('article');
  const paragraphs = doc.getElementsByTagName('p');
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content');
  if (layers.length === 0 && articleEls.length === 0 && ogType !== 'article' && paragraphs.length < 2) {
    if (doc.links.length >= 20 && cjkRatio(doc.title + (doc.links[0].textContent ?? '')) >= 0.3) {
      return { mode: 'listing', reason: 'links without paragraphs', units: [] };
    }
    return { mode: 'not-news', reason: 'no article structure', units: [] };
  }

  const lang = (doc.documentElement.getAttribute('lang') ?? '').toLowerCase();
  const sample = doc.title + sampleText(body, SAMPLE_CHARS);
  const ratio = cjkRatio(sample);
  if (lang && !lang.startsWith('zh') && ratio < 0.3) return { mode: 'not-news', reason: `language ${lang}`, units: [] };
  if (ratio < 0.15) return { mode: 'not-news', reason: 'little Chinese text', units: [] };

  // PDF text layers (pdf.js and similar): positioned spans, one per printed line.
  if (layers.length > 0) {
    const sized = Array.from(layers).filter((l) => textLength(l) >= MIN_ARTICLE_CHARS);
    if (sized.length > 0) return { mode: 'textlayer', reason: 'PDF text layer', units: sized };
  }

  const articles = Array.from(articleEls).filter((a) => !a.parentElement?.closest('article'));
  const substantial = articles.filter((a) => textLength(a) >= MIN_ARTICLE_CHARS);
  if (substantial.length >= 2) {
    const total = substantial.reduce((n, a) => n + textLength(a), 0);
    const links = substantial.reduce((n, a) => n + linkTextLength(a), 0);
    if (links / Math.max(1, total) < 0.5) {
      return { mode: 'bulletin', reason: `${substantial.length} reports`, units: substantial };
    }
    return { mode: 'listing', reason: 'article teasers made of links', units: [] };
  }

  // One pass over the paragraphs for two questions. Several reports without <article> elements
  // (e-paper pages built of divs): two or more paragraphs that open with a dateline, outside links;
  // the core segmentation splits them at their datelines. Else a single article: an <article>,
  // og:type=article, or paragraphs with a news cue.
  const opening: Element[] = [];
  let pText = 0;
  let cue = hasNewsCue(sample);
  for (let i = 0; i < paragraphs.length && i < 400; i++) {
    const p = paragraphs[i];
    const t = p.textContent ?? '';
    const outsideLink = p.closest('a') === null;
    if (i < 200) {
      if (t.length > 20 && outsideLink) pText += t.length;
      if (!cue && i < 30 && hasNewsCue(t)) cue = true;
    }
    const lead = t.trimStart();
    if (lead.length >= 30 && RE_DATELINE_START.test(lead.slice(0, 24)) && outsideLink) opening.push(p);
  }
  if (opening.length >= 2) {
    let root: Element | null = opening[0].parentElement;
    while (root && !opening.every((p) => root!.contains(p))) root = root.parentElement;
    if (root) return { mode: 'bulletin', reason: `${opening.length} datelines`, units: [root] };
  }

  const structured = substantial.length === 1 || ogType === 'article';
  if ((pText >= 80 && structured && cue) || (pText >= 200 && (structured || cue))) {
    return { mode: 'article', reason: structured ? 'article element' : 'news paragraphs', units: substantial };
  }
  if (doc.links.length >= 8) {
    const bodyLen = textLength(body);
    const linkShare = linkTextLength(body) / Math.max(1, bodyLen);
    if (linkShare > 0.4 && bodyLen > 200) return { mode: 'listing', reason: 'mostly links', units: [] };
  }
  return { mode: 'not-news', reason: 'no article structure', units: [] };
}
