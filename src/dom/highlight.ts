// Highlight rendering. CSS Custom Highlight API when present (the DOM is never touched);
// otherwise a fallback that wraps text in <bl-mark> and can unwrap it exactly.
import { MARK_TAG } from './text';

export interface Painter {
  readonly kind: 'css' | 'fallback';
  /** Replaces everything `owner` painted with `items`. */
  replace(owner: string, items: readonly { name: string; range: Range }[]): void;
  /** Removes everything `owner` painted. */
  clearOwner(owner: string): void;
  /** Hides or shows a highlight name without forgetting its ranges. */
  setVisible(name: string, visible: boolean): void;
  clear(): void;
}

interface HighlightLike {
  add(r: Range): void;
  delete(r: Range): boolean;
  clear(): void;
  size: number;
  priority?: number;
}
interface Registry {
  set(name: string, h: HighlightLike): void;
  delete(name: string): boolean;
  get(name: string): HighlightLike | undefined;
}

function cssRegistry(win: Window): { registry: Registry; make: () => HighlightLike } | null {
  const css = (win as unknown as { CSS?: { highlights?: Registry } }).CSS;
  const Ctor = (win as unknown as { Highlight?: new () => HighlightLike }).Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  return { registry: css.highlights, make: () => new Ctor() };
}

export function createPainter(doc: Document, opts: { forceFallback?: boolean } = {}): Painter {
  const css = opts.forceFallback ? null : cssRegistry(doc.defaultView ?? window);
  return css ? cssPainter(css.registry, css.make) : fallbackPainter(doc);
}

function cssPainter(registry: Registry, make: () => HighlightLike): Painter {
  const highlights = new Map<string, HighlightLike>();
  const hidden = new Set<string>();
  const owned = new Map<string, { name: string; range: Range }[]>();
  const get = (name: string) => {
    let h = highlights.get(name);
    if (!h) {
      h = make();
      // Reader highlights draw above entity highlights.
      if (name.startsWith('bl-note')) h.priority = 1;
      highlights.set(name, h);
      if (!hidden.has(name)) registry.set(name, h);
    }
    return h;
  };
  const clearOwner = (owner: string) => {
    for (const { name, range } of owned.get(owner) ?? []) highlights.get(name)?.delete(range);
    owned.delete(owner);
  };
  return {
    kind: 'css',
    replace(owner, items) {
      clearOwner(owner);
      owned.set(owner, [...items]);
      for (const { name, range } of items) get(name).add(range);
    },
    clearOwner,
    setVisible(name, visible) {
      if (visible) hidden.delete(name);
      else hidden.add(name);
      const h = highlights.get(name);
      if (!h) return;
      if (visible) registry.set(name, h);
      else registry.delete(name);
    },
    clear() {
      for (const [name, h] of highlights) {
        h.clear();
        if (registry.get(name) === h) registry.delete(name);
      }
      highlights.clear();
      owned.clear();
    },
  };
}

interface Wrapped {
  mark: HTMLElement;
  /** Text nodes created by splitting, to merge back on removal. */
  created: Text[];
}

/** Wraps each text portion of `range` in a mark; returns what to undo. */
function wrapRange(doc: Document, range: Range, name: string): Wrapped[] {
  const out: Wrapped[] = [];
  const texts: Text[] = [];
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) texts.push(root as Text);
  else {
    const w = doc.createTreeWalker(root, 4);
    for (let t = w.nextNode(); t; t = w.nextNode()) if (range.intersectsNode(t)) texts.push(t as Text);
  }
  const { startContainer, startOffset, endContainer, endOffset } = range;
  for (let node of texts) {
    const created: Text[] = [];
    let s = node === startContainer ? startOffset : 0;
    let e = node === endContainer ? endOffset : node.data.length;
    if (s >= e) continue;
    if (s > 0) {
      node = node.splitText(s);
      created.push(node);
      e -= s;
      s = 0;
    }
    if (e < node.data.length) created.push(node.splitText(e));
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute('data-bl', name);
    node.parentNode!.insertBefore(mark, node);
    mark.appendChild(node);
    out.push({ mark, created });
  }
  return out;
}

function unwrap(w: Wrapped): void {
  const parent = w.mark.parentNode;
  if (parent) {
    while (w.mark.firstChild) parent.insertBefore(w.mark.firstChild, w.mark);
    parent.removeChild(w.mark);
  }
  for (let i = w.created.length - 1; i >= 0; i--) {
    const t = w.created[i];
    const prev = t.previousSibling;
    if (prev && prev.nodeType === 3 && t.parentNode) {
      (prev as Text).appendData(t.data);
      t.parentNode.removeChild(t);
    }
  }
}

function fallbackPainter(doc: Document): Painter {
  const owned = new Map<string, Wrapped[]>();
  const clearOwner = (owner: string) => {
    const list = owned.get(owner);
    if (!list) return;
    for (let i = list.length - 1; i >= 0; i--) unwrap(list[i]);
    owned.delete(owner);
  };
  const hidden = new Set<string>();
  return {
    kind: 'fallback',
    replace(owner, items) {
      clearOwner(owner);
      // Ranges are live: wrap from the end so earlier splits do not move later boundaries.
      const sorted = [...items].sort((a, b) => b.range.compareBoundaryPoints(Range.START_TO_START, a.range));
      const list: Wrapped[] = [];
      for (const { name, range } of sorted) {
        const ws = wrapRange(doc, range, name);
        for (const w of ws) if (hidden.has(name)) w.mark.setAttribute('data-bl-hidden', '');
        list.push(...ws);
      }
      owned.set(owner, list);
    },
    clearOwner,
    setVisible(name, visible) {
      if (visible) hidden.delete(name);
      else hidden.add(name);
      for (const list of owned.values()) {
        for (const w of list) {
          if (w.mark.getAttribute('data-bl') !== name) continue;
          if (visible) w.mark.removeAttribute('data-bl-hidden');
          else w.mark.setAttribute('data-bl-hidden', '');
        }
      }
    },
    clear() {
      for (const owner of [...owned.keys()]) clearOwner(owner);
    },
  };
}

/** Style rules for both renderers; one constructable sheet, adopted (no <style> in the page). */
export function highlightCss(colours: Record<string, string>): string {
  const rules: string[] = [];
  for (const [name, colour] of Object.entries(colours)) {
    rules.push(
      `::highlight(${name}){background-color:${colour};color:inherit}`,
      `${MARK_TAG}[data-bl="${name}"]{all:unset;background-color:${colour}}`,
    );
  }
  rules.push(`${MARK_TAG}[data-bl-hidden]{background-color:transparent}`);
  return rules.join('\n');
}

const adopted = new WeakMap<Document | ShadowRoot, CSSStyleSheet>();

/** Adopts (or updates) our sheet on a document or open shadow root. Returns the cleanup. */
export function adoptStyles(target: Document | ShadowRoot, css: string): () => void {
  let sheet = adopted.get(target);
  const Ctor = (target.ownerDocument ?? (target as Document)).defaultView?.CSSStyleSheet;
  if (!Ctor || !('adoptedStyleSheets' in target)) return () => {};
  if (!sheet) {
    sheet = new Ctor();
    adopted.set(target, sheet);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(css);
  const s = sheet;
  return () => {
    target.adoptedStyleSheets = target.adoptedStyleSheets.filter((x) => x !== s);
    adopted.delete(target);
  };
}
