// DOM → text with a map back to Ranges. Text nodes keep their characters 1:1 so offsets map
// exactly; block boundaries and <br> add a virtual "\n" that belongs to no node.

import { UI_TAG } from './tags';

export { MARK_TAG, UI_TAG } from './tags';

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH', 'VIDEO', 'AUDIO', 'HEAD', 'DATALIST',
  UI_TAG.toUpperCase(),
]);

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'IMG',
]);

export interface ExtractOptions {
  /** Keep only these text nodes (e.g. the ones Readability kept). */
  include?: (node: Text) => boolean;
  /** Visibility check; defaults to checkVisibility / computed style. Tests may override. */
  visible?: (el: Element) => boolean;
}

export interface TextMap {
  readonly root: Node;
  readonly text: string;
  readonly nodes: readonly Text[];
  /** Offset in `text` where each node starts. */
  readonly starts: readonly number[];
  /** Ranges for text[start, end), one per tree (a Range cannot cross a shadow boundary). */
  rangesFor(start: number, end: number): Range[];
  /** Offset in `text` of a DOM position, or null when it is outside the mapped text. */
  offsetOf(node: Node, offset: number): number | null;
  /** Index of the node holding `offset`, or -1. */
  nodeAt(offset: number): number;
}

/** HTML element names are upper case already; XHTML and SVG ones may not be. */
const upper = (tag: string): string => (tag.charCodeAt(0) > 0x5a || tag.charCodeAt(tag.length - 1) > 0x5a ? tag.toUpperCase() : tag);

/** Elements whose text is not the page's reading text; `tag` is the element's upper-case name. */
function isSkippedElement(el: Element, tag: string): boolean {
  if (SKIP.has(tag)) return true;
  if ((el as HTMLElement).hidden) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  if (el.getAttribute('aria-hidden') === 'true' && el.getAttribute('role') === 'presentation') return true;
  return false;
}

function defaultVisible(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') {
    // display:contents elements report not visible but their children render.
    if (check.call(el, { visibilityProperty: true })) return true;
    const view = el.ownerDocument.defaultView;
    return view ? view.getComputedStyle(el).display === 'contents' : false;
  }
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  const cs = view.getComputedStyle(el);
  return cs.display !== 'none' && cs.visibility !== 'hidden';
}

/**
 * Calls `fn` on the children in flat-tree order: an open shadow root replaces light children; slots
 * take assigned nodes. Siblings are followed by nextSibling: indexing a NodeList costs an interceptor
 * call per child in the page's bindings, several times a sibling step.
 */
function eachFlatChild(node: Node, fn: (n: Node) => void, tag?: string): void {
  let first = node.firstChild;
  if (node.nodeType === 1) {
    const el = node as Element;
    const shadow = el.shadowRoot;
    if (shadow) first = shadow.firstChild;
    else if ((tag ?? upper(el.tagName)) === 'SLOT') {
      const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
      if (assigned.length > 0) {
        for (let i = 0; i < assigned.length; i++) fn(assigned[i]);
        return;
      }
    }
  }
  for (let c = first; c; c = c.nextSibling) fn(c);
}

/** Walks `root` and builds the text and its map. */
export function extractText(root: Node, opts: ExtractOptions = {}): TextMap {
  const visible = opts.visible ?? defaultVisible;
  const include = opts.include;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let lastNewline = true;
  const newline = () => {
    if (!lastNewline) {
      parts.push('\n');
      length += 1;
      lastNewline = true;
    }
  };

  const visit = (node: Node): void => {
    const type = node.nodeType;
    if (type === 3) {
      const t = node as Text;
      const data = t.data;
      if (data.length === 0) return;
      // Source indentation between tags is not text.
      if (/^\s*$/.test(data) && /[\n\r]/.test(data)) return;
      if (include && !include(t)) return;
      nodes.push(t);
      starts.push(length);
      parts.push(data);
      length += data.length;
      lastNewline = data.endsWith('\n');
      return;
    }
    if (type !== 1 && type !== 11 && type !== 9) return;
    if (type === 1) {
      const el = node as Element;
      // The element's name, read once: each read crosses into the page's DOM.
      const tag = upper(el.tagName);
      if (tag === 'BR') {
        parts.push('\n');
        length += 1;
        lastNewline = true;
        return;
      }
      if (isSkippedElement(el, tag) || !visible(el)) return;
      const block = BLOCK.has(tag);
      if (block) newline();
      eachFlatChild(el, visit, tag);
      if (block) newline();
      return;
    }
    eachFlatChild(node, visit);
  };
  if (root.nodeType === 1) {
    eachFlatChild(root, visit);
  } else {
    visit(root);
  }
  return makeMap(root, parts.join(''), nodes, starts);
}

function makeMap(root: Node, text: string, nodes: Text[], starts: number[]): TextMap {
  let index: Map<Node, number> | null = null;
  const indexOf = (n: Node): number => {
    if (!index) {
      index = new Map();
      nodes.forEach((t, i) => index!.set(t, i));
    }
    return index.get(n) ?? -1;
  };
  /** Last node whose start ≤ offset. */
  const floor = (offset: number): number => {
    let lo = 0;
    let hi = nodes.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };
  const nodeAt = (offset: number): number => {
    const i = floor(offset);
    return i >= 0 && offset < starts[i] + nodes[i].data.length ? i : -1;
  };

  const rangesFor = (start: number, end: number): Range[] => {
    if (start >= end || nodes.length === 0) return [];
    // First node that ends after start, last node that starts before end.
    let a = floor(start);
    if (a < 0 || start >= starts[a] + nodes[a].data.length) a += 1;
    let b = floor(end - 1);
    if (a >= nodes.length || b < a) return [];
    const out: Range[] = [];
    let segStart = a;
    const push = (i: number, j: number) => {
      const doc = nodes[i].ownerDocument;
      const r = doc.createRange();
      const so = Math.max(0, start - starts[i]);
      const eo = Math.min(nodes[j].data.length, end - starts[j]);
      r.setStart(nodes[i], Math.min(so, nodes[i].data.length));
      r.setEnd(nodes[j], Math.max(0, eo));
      if (!r.collapsed) out.push(r);
    };
    for (let i = a + 1; i <= b; i++) {
      if (nodes[i].getRootNode() !== nodes[segStart].getRootNode()) {
        push(segStart, i - 1);
        segStart = i;
      }
    }
    push(segStart, b);
    return out;
  };

  const offsetOf = (node: Node, offset: number): number | null => {
    if (node.nodeType === 3) {
      const i = indexOf(node);
      if (i >= 0) return starts[i] + Math.min(offset, (node as Text).data.length);
      // An unmapped text node: use the next mapped one.
      return offsetOfFollowing(node);
    }
    const kids = node.childNodes;
    if (offset < kids.length) {
      const first = firstMappedIn(kids[offset]);
      if (first >= 0) return starts[first];
      return offsetOfFollowing(kids[offset]);
    }
    const last = lastMappedIn(node);
    if (last >= 0) return starts[last] + nodes[last].data.length;
    return offsetOfFollowing(node, true);
  };

  const firstMappedIn = (n: Node): number => {
    if (n.nodeType === 3) return indexOf(n);
    const doc = n.ownerDocument ?? (n as Document);
    const w = doc.createTreeWalker(n, 4);
    for (let t = w.nextNode(); t; t = w.nextNode()) {
      const i = indexOf(t);
      if (i >= 0) return i;
    }
    return -1;
  };
  const lastMappedIn = (n: Node): number => {
    const doc = n.ownerDocument ?? (n as Document);
    const w = doc.createTreeWalker(n, 4);
    let found = -1;
    for (let t = w.nextNode(); t; t = w.nextNode()) {
      const i = indexOf(t);
      if (i >= 0) found = i;
    }
    return found;
  };
  /** Offset of the first mapped text after `n` in document order (binary search on positions). */
  const offsetOfFollowing = (n: Node, afterSubtree = false): number | null => {
    let lo = 0;
    let hi = nodes.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const pos = n.compareDocumentPosition(nodes[mid]);
      const following = (pos & 4) !== 0 && (!afterSubtree || (pos & 16) === 0);
      if (following) {
        ans = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return ans >= 0 ? starts[ans] : nodes.length ? text.length : null;
  };

  return { root, text, nodes, starts, rangesFor, offsetOf, nodeAt };
}
