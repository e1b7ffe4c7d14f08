// HTML page → analysable text (Node only). Bulletin-like pages (several datelines) keep the
// whole body as blocks; single-article pages go through Readability.
// TODO(lead): unify with src/dom's DOM → text blocks once that lands.
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';

export interface PageText {
  text: string;
  title: string | null;
  /** True when Readability found one article. */
  single: boolean;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'SELECT', 'TEXTAREA', 'BUTTON']);
const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION CENTER DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(' '),
);

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/** Text of a subtree: block elements and <br> become line breaks, hidden parts are skipped. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const br = (): void => {
    parts.push('\n');
  };
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      parts.push(pre ? v : v.replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node as Element;
    const tag = node.nodeType === 1 ? el.tagName.toUpperCase() : '';
    if (tag && (SKIP.has(tag) || hidden(el))) return;
    if (tag === 'BR') return br();
    const block = BLOCK.has(tag);
    if (block) br();
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c, pre || tag === 'PRE');
    if (block) br();
  };
  walk(root, false);
  return parts
    .join('')
    .split('\n')
    .map((l) => l.replace(/^[ \u00a0]+|[ \u00a0]+$/g, ''))
    .filter((l) => l.length > 0)
    .join('\n');
}

const RE_DATELINE = /(?:^|\n)[\s　]*(?:本报[\u4e00-\u9fff]{0,8}讯|(?:新华社|中新社|中新网|人民网)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电)/g;

/** Page title without the site suffix: `标题_新华网`, `标题 - 人民网`. */
export function cleanTitle(t: string): string {
  const s = t.replace(/\s+/g, ' ').trim();
  const m = /^(.+?)\s*(?:[_|｜]|\s[-–—]\s|——|--)\s*([^_|｜]{1,20})$/.exec(s);
  if (m && m[1].length >= 4) return cleanTitle(m[1]);
  return s;
}

export function htmlToText(html: string, url = 'https://localhost/'): PageText {
  const dom = new JSDOM(html, { url });
  const doc = dom.window.document;
  try {
    const body = doc.body ? blockText(doc.body) : '';
    const datelines = body.match(RE_DATELINE)?.length ?? 0;
    if (datelines >= 2) return { text: body, title: null, single: false };
    const parsed = new Readability(doc.cloneNode(true) as Document).parse();
    if (parsed && parsed.content && (parsed.textContent ?? '').trim().length > 0) {
      const frag = JSDOM.fragment(parsed.content);
      const text = blockText(frag);
      const rawTitle = parsed.title || doc.title || '';
      const title = rawTitle ? cleanTitle(rawTitle) : '';
      const full = title && !text.startsWith(title) ? `${title}\n${text}` : text;
      return { text: full, title: title || null, single: true };
    }
    return { text: body, title: doc.title ? cleanTitle(doc.title) : null, single: false };
  } finally {
    dom.window.close();
  }
}
