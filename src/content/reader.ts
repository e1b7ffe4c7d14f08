// Lazily loaded: reader highlights and notes — create from a selection, store through the
// background, re-anchor on revisit, report orphans.
import type { AnySelector } from '../core/anchor';
import { anchorInDom, describeDomRange } from '../dom/anchoring';
import { createPainter } from '../dom/highlight';
import { rangeHit } from '../dom/hittest';
import { extractText, UI_TAG, type TextMap } from '../dom/text';
import { hidePart, showNoteEditor, showSelectionButton } from '../dom/ui';
import { articleOf } from '../dom/units';
import { HIGHLIGHT_COLOURS, type Annotation, type ArticleRef, type HighlightColour } from '../shared/annotation';
import { sendToBackground } from '../shared/messages';
import { getUi } from './ui-host';
import { NOTE_COLOURS, noteHighlightName } from './labels';
import { booked, canonicalUrl, state } from './state';
import { styleRoots } from './styles';

const painter = createPainter(document);
const anchored = new Map<string, { annotation: Annotation; ranges: Range[] }>();
let known: Annotation[] = [];

function bodyMap(): TextMap {
  return booked(() => extractText(document.body), 'note-extract');
}

function paint(a: Annotation, ranges: Range[]): void {
  painter.replace(a.id, ranges.map((range) => ({ name: noteHighlightName(a.body.colour), range })));
  const roots = new Set<Node>(ranges.map((r) => r.startContainer.getRootNode()));
  styleRoots(roots);
  for (const r of roots) if (r.nodeType === 11) state.shadowRoots.add(r as ShadowRoot);
}

function publish(orphaned: string[]): void {
  state.notes = anchored.size;
  state.summary = { ...state.summary, orphaned };
  void state.redrawLegend?.();
}

/** Anchors the given annotations on the current DOM; unanchorable ones are kept and listed. */
export function anchorAll(list: Annotation[]): { anchored: number; orphaned: number } {
  known = list;
  painter.clear();
  anchored.clear();
  const orphaned: string[] = [];
  const withSelectors = list.filter((a) => a.target.selector.length > 0);
  if (withSelectors.length > 0) {
    const map = bodyMap();
    booked(() => {
      for (const a of withSelectors) {
        const hit = anchorInDom(map, a.target.selector as AnySelector[]);
        if (!hit) {
          orphaned.push(a.id);
          continue;
        }
        anchored.set(a.id, { annotation: a, ranges: hit.ranges });
        paint(a, hit.ranges);
      }
    });
  }
  publish(orphaned);
  return { anchored: anchored.size, orphaned: orphaned.length };
}

export async function reload(): Promise<{ anchored: number; orphaned: number }> {
  const got = await sendToBackground({ type: 'annotations:list', url: canonicalUrl() });
  if (!got.ok) throw new Error(`annotations:list failed: ${got.error}`);
  return anchorAll(got.value);
}

/** Re-anchors what we already know after the page changed. */
export function reanchor(): void {
  if (known.length) anchorAll(known);
}

function articleRef(node: Node): ArticleRef | null {
  const where = articleOf(state.units, node);
  if (!where || where.global === null) return null;
  const a = state.summary.articles[where.global];
  if (!a) return null;
  return { index: a.index, title: a.title, dateline: a.dateline, reporters: a.reporters, date: a.date };
}

function colourOf(name: string | undefined): HighlightColour {
  return (HIGHLIGHT_COLOURS as readonly string[]).includes(name ?? '') ? (name as HighlightColour) : 'yellow';
}

export async function createFromRange(
  range: Range,
  opts: { colour?: string; note?: string; tags?: string[] },
): Promise<Annotation | null> {
  const map = bodyMap();
  const selector = describeDomRange(map, range);
  if (!selector) return null;
  const now = new Date().toISOString();
  const note = opts.note ?? '';
  const annotation: Annotation = {
    id: `urn:uuid:${crypto.randomUUID()}`,
    target: { source: canonicalUrl(), selector, article: articleRef(range.startContainer), title: document.title },
    body: { note, tags: opts.tags ?? [], colour: colourOf(opts.colour) },
    motivation: note ? 'commenting' : 'highlighting',
    created: now,
    modified: now,
  };
  const saved = await sendToBackground({ type: 'annotation:save', annotation });
  if (!saved.ok) throw new Error(`annotation:save failed: ${saved.error}`);
  known = [...known, annotation];
  const hit = anchorInDom(map, selector);
  if (hit) {
    anchored.set(annotation.id, { annotation, ranges: hit.ranges });
    paint(annotation, hit.ranges);
  }
  publish(state.summary.orphaned);
  return annotation;
}

export async function remove(id: string): Promise<boolean> {
  const res = await sendToBackground({ type: 'annotation:delete', id });
  painter.clearOwner(id);
  anchored.delete(id);
  known = known.filter((a) => a.id !== id);
  publish(state.summary.orphaned.filter((x) => x !== id));
  return res.ok && res.value.deleted;
}

export function reveal(id: string): boolean {
  const hit = anchored.get(id);
  const first = hit?.ranges[0];
  if (!first) return false;
  const el = first.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center' });
  return true;
}

/** The reader annotation under a point, if any. */
export function noteAt(x: number, y: number): { annotation: Annotation; range: Range } | null {
  for (const { annotation, ranges } of anchored.values()) {
    for (const r of ranges) if (rangeHit(r, x, y)) return { annotation, range: r };
  }
  return null;
}

function selectedRange(): Range | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  const anchorEl = r.commonAncestorContainer.nodeType === 1 ? (r.commonAncestorContainer as Element) : r.commonAncestorContainer.parentElement;
  if (anchorEl?.closest(`${UI_TAG}, [contenteditable]:not([contenteditable="false"]), input, textarea`)) return null;
  return r.toString().trim() ? r : null;
}

/** Opens the note editor for a range (selection, card "add note", keyboard command). */
export async function editNote(range: Range, at: { x: number; y: number }): Promise<Annotation | null> {
  const ui = await getUi();
  const saved = range.cloneRange();
  return new Promise((done) => {
    showNoteEditor(ui, at, saved.toString(), NOTE_COLOURS, {
      save: (note, tags, colour) => {
        hidePart(ui, 'editor');
        createFromRange(saved, { note, tags, colour }).then(done, () => done(null));
      },
      cancel: () => {
        hidePart(ui, 'editor');
        done(null);
      },
    });
  });
}

/** Command / context menu: highlight the current selection. */
export async function highlightSelection(opts: { colour?: string; withNote?: boolean }): Promise<Annotation | null> {
  const r = selectedRange();
  if (!r) return null;
  const box = r.getBoundingClientRect();
  const ui = await getUi();
  hidePart(ui, 'sel');
  if (opts.withNote) return editNote(r, { x: box.left, y: box.bottom + 6 });
  return createFromRange(r, { colour: opts.colour });
}

/** After a selection settles: show the floating button. */
export async function offerSelection(): Promise<void> {
  const r = selectedRange();
  const ui = await getUi();
  if (!r) {
    hidePart(ui, 'sel');
    return;
  }
  const box = r.getBoundingClientRect();
  const range = r.cloneRange();
  showSelectionButton(ui, { x: box.right - 40, y: box.top - 40 }, NOTE_COLOURS, {
    highlight: (colour) => {
      hidePart(ui, 'sel');
      void createFromRange(range, { colour });
      document.getSelection()?.removeAllRanges();
    },
    note: () => {
      hidePart(ui, 'sel');
      void editNote(range, { x: box.left, y: box.bottom + 6 });
    },
  });
}
