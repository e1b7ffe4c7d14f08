// Main content of a single-article page: Readability runs on a clone; its text nodes map back
// to the live DOM through a parallel walk of the two trees.
import { Readability } from '@mozilla/readability';

export interface MainContent {
  /** Lowest live element holding all kept text. */
  root: Element;
  /** Live text nodes Readability kept. */
  keep: Set<Text>;
  title: string | null;
}

/** Clones `doc` and returns the map clone text node → live text node. */
function cloneWithMap(doc: Document): { clone: Document; map: Map<Node, Text> } {
  const clone = doc.cloneNode(true) as Document;
  const map = new Map<Node, Text>();
  const a = doc.createTreeWalker(doc, 4);
  const b = clone.createTreeWalker(clone, 4);
  for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) {
    map.set(y, x as Text);
  }
  return { clone, map };
}

function commonAncestor(nodes: Iterable<Node>): Element | null {
  let anc: Node | null = null;
  for (const n of nodes) {
    if (!anc) {
      anc = n.parentNode;
      continue;
    }
    while (anc && !anc.contains(n)) anc = anc.parentNode;
  }
  return anc && anc.nodeType === 1 ? (anc as Element) : null;
}

export function findMainContent(doc: Document): MainContent | null {
  const { clone, map } = cloneWithMap(doc);
  const parsed = new Readability<Element>(clone, { serializer: (el) => el as Element, charThreshold: 200 }).parse();
  const content = parsed?.content;
  if (!content) return null;
  const keep = new Set<Text>();
  const w = clone.createTreeWalker(content, 4);
  for (let t = w.nextNode(); t; t = w.nextNode()) {
    const live = map.get(t);
    // Readability may rewrite some text; only unchanged nodes map back exactly.
    if (live && live.data === (t as Text).data && /\S/.test(live.data)) keep.add(live);
  }
  if (keep.size === 0) return null;
  // Readability drops the headline that repeats the title; keep it for highlighting.
  let title = parsed?.title?.trim() || null;
  if (title) {
    // The visible headline is the article's title; <title> often adds the site name.
    for (const h of Array.from(doc.querySelectorAll('h1, h2'))) {
      const text = (h.textContent ?? '').trim();
      if (text.length < 4 || !title.includes(text)) continue;
      const hw = doc.createTreeWalker(h, 4);
      for (let t = hw.nextNode(); t; t = hw.nextNode()) keep.add(t as Text);
      title = text;
      break;
    }
  }
  const root = commonAncestor(keep);
  if (!root) return null;
  return { root, keep, title };
}
