// Our UI lives in one <bulletin-lens-ui> element on <html> (not <body>) with a shadow root,
// so page styles do not reach it and the page's body serialisation is unchanged.
import { UI_TAG } from './text';

export interface UiHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  destroy(): void;
}

type Child = Node | string | null | undefined | false;

/** Element builder; text goes in as text nodes only. */
export function h(
  doc: Document,
  tag: string,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  }
  return el;
}

const STYLE = `
:host{all:initial}
.panel{position:fixed;z-index:2147483647;font:13px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;color:#222;
  background:#fff;border:1px solid #bbb;border-radius:8px;box-shadow:0 4px 16px rgba(0,0,0,.18);padding:8px 10px}
.legend{right:12px;bottom:12px;max-width:260px}
.legend header{display:flex;gap:8px;align-items:center;justify-content:space-between;font-weight:600}
.legend ul{list-style:none;margin:6px 0 0;padding:0}.legend li{display:flex;gap:6px;align-items:center}
.legend[data-collapsed] ul,.legend[data-collapsed] .notes{display:none}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;border:1px solid rgba(0,0,0,.2)}
.count{margin-left:auto;color:#666}
.card{max-width:320px}.card .type{font-size:11px;color:#666;text-transform:uppercase}
.card .text{font-size:17px;font-weight:600}.card .row{margin-top:2px}.card .muted{color:#666}
button{font:inherit;cursor:pointer;border:1px solid #aaa;background:#f6f6f6;border-radius:5px;padding:1px 8px}
.sel{display:flex;gap:4px;padding:4px}.sel button.c{width:20px;height:20px;padding:0}
.editor textarea{width:260px;height:70px;display:block}.editor input{width:260px;display:block;margin:4px 0}
`;

export function ensureHost(doc: Document): UiHost {
  const existing = doc.documentElement.querySelector(`:scope > ${UI_TAG}`) as HTMLElement | null;
  if (existing?.shadowRoot) return { host: existing, root: existing.shadowRoot, destroy: () => existing.remove() };
  const host = doc.createElement(UI_TAG);
  // Open so tests (and assistive tools) can read it; all content is built from text nodes.
  const root = host.attachShadow({ mode: 'open' });
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet) {
    const sheet = new Sheet();
    sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
  }
  doc.documentElement.append(host);
  return { host, root, destroy: () => host.remove() };
}

function place(el: HTMLElement, x: number, y: number): void {
  const view = el.ownerDocument.defaultView;
  const w = view?.innerWidth ?? 1024;
  const hgt = view?.innerHeight ?? 768;
  el.style.left = `${Math.max(4, Math.min(x, w - 330))}px`;
  el.style.top = `${Math.max(4, Math.min(y, hgt - 60))}px`;
}

function replacePart(ui: UiHost, cls: string, el: HTMLElement | null): void {
  ui.root.querySelector(`.${cls}`)?.remove();
  if (el) ui.root.append(el);
}

export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
  count: number;
  enabled: boolean;
}

export interface LegendModel {
  title: string;
  entries: LegendEntry[];
  notes: number;
  orphaned: number;
  collapsed: boolean;
}

export function renderLegend(
  ui: UiHost,
  model: LegendModel,
  on: { toggle(key: string, enabled: boolean): void; collapse(collapsed: boolean): void },
): void {
  const doc = ui.host.ownerDocument;
  const list = h(doc, 'ul');
  for (const e of model.entries) {
    const box = h(doc, 'input', { type: 'checkbox', 'data-testid': `bl-toggle-${e.key}` }) as HTMLInputElement;
    box.checked = e.enabled;
    box.addEventListener('change', () => on.toggle(e.key, box.checked));
    const sw = h(doc, 'span', { class: 'sw' });
    sw.style.background = e.colour;
    list.append(h(doc, 'li', {}, h(doc, 'label', {}, box, sw, ` ${e.label}`), h(doc, 'span', { class: 'count' }, String(e.count))));
  }
  const toggle = h(doc, 'button', { 'data-testid': 'bl-legend-collapse', title: 'collapse' }, model.collapsed ? '+' : '–');
  toggle.addEventListener('click', () => on.collapse(!model.collapsed));
  const notes =
    model.notes || model.orphaned
      ? h(
          doc,
          'div',
          { class: 'notes', 'data-testid': 'bl-legend-notes' },
          `笔记 ${model.notes}`,
          model.orphaned ? ` · 未能定位 ${model.orphaned}` : '',
        )
      : null;
  const panel = h(
    doc,
    'section',
    { class: 'panel legend', 'data-testid': 'bl-legend', 'data-collapsed': model.collapsed ? '' : undefined },
    h(doc, 'header', {}, h(doc, 'span', {}, model.title), toggle),
    list,
    notes,
  );
  replacePart(ui, 'legend', panel);
}

export interface CardModel {
  typeLabel: string;
  colour: string;
  text: string;
  place?: string;
  gloss?: string;
  level?: string;
  pinyin?: string;
  occurrences?: number;
  note?: { text: string; tags: string[] };
}

export function showCard(
  ui: UiHost,
  at: { x: number; y: number },
  model: CardModel,
  on: { addNote?(): void; remove?(): void; close(): void },
): HTMLElement {
  const doc = ui.host.ownerDocument;
  const sw = h(doc, 'span', { class: 'sw' });
  sw.style.background = model.colour;
  const row = (testid: string, ...c: Child[]) => h(doc, 'div', { class: 'row', 'data-testid': testid }, ...c);
  const actions = h(doc, 'div', { class: 'row' });
  if (on.addNote) {
    const b = h(doc, 'button', { 'data-testid': 'bl-card-add-note' }, '添加笔记 add note');
    b.addEventListener('click', () => on.addNote?.());
    actions.append(b);
  }
  if (on.remove) {
    const b = h(doc, 'button', { 'data-testid': 'bl-card-remove' }, '删除 remove');
    b.addEventListener('click', () => on.remove?.());
    actions.append(b, ' ');
  }
  const close = h(doc, 'button', { 'data-testid': 'bl-card-close', title: 'close' }, '×');
  close.addEventListener('click', () => on.close());
  actions.append(' ', close);
  const card = h(
    doc,
    'section',
    { class: 'panel card', 'data-testid': 'bl-card', role: 'dialog' },
    h(doc, 'div', { class: 'type', 'data-testid': 'bl-card-type' }, sw, ' ', model.typeLabel),
    h(doc, 'div', { class: 'text', 'data-testid': 'bl-card-text' }, model.text),
    model.pinyin ? row('bl-card-pinyin', h(doc, 'span', { class: 'muted' }, model.pinyin)) : null,
    model.place ? row('bl-card-place', model.place) : null,
    model.gloss ? row('bl-card-gloss', model.gloss) : null,
    model.level ? row('bl-card-level', h(doc, 'span', { class: 'muted' }, model.level)) : null,
    model.occurrences !== undefined ? row('bl-card-count', `本文出现 ${model.occurrences} 次`) : null,
    model.note ? row('bl-card-note', model.note.text) : null,
    model.note?.tags.length ? row('bl-card-tags', model.note.tags.map((t) => `#${t}`).join(' ')) : null,
    actions,
  );
  place(card, at.x + 8, at.y + 12);
  replacePart(ui, 'card', card);
  return card;
}

export function hidePart(ui: UiHost, part: 'card' | 'sel' | 'editor'): void {
  replacePart(ui, part, null);
}

export function showSelectionButton(
  ui: UiHost,
  at: { x: number; y: number },
  colours: readonly { name: string; css: string }[],
  on: { highlight(colour: string): void; note(): void },
): void {
  const doc = ui.host.ownerDocument;
  const bar = h(doc, 'div', { class: 'panel sel', 'data-testid': 'bl-selection' });
  for (const c of colours) {
    const b = h(doc, 'button', { class: 'c', title: c.name, 'data-testid': `bl-sel-${c.name}` });
    b.style.background = c.css;
    // mousedown would clear the page selection before click.
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', () => on.highlight(c.name));
    bar.append(b);
  }
  const n = h(doc, 'button', { 'data-testid': 'bl-sel-note' }, '笔记');
  n.addEventListener('mousedown', (e) => e.preventDefault());
  n.addEventListener('click', () => on.note());
  bar.append(n);
  place(bar, at.x, at.y);
  replacePart(ui, 'sel', bar);
}

export function showNoteEditor(
  ui: UiHost,
  at: { x: number; y: number },
  quote: string,
  colours: readonly { name: string; css: string }[],
  on: { save(note: string, tags: string[], colour: string): void; cancel(): void },
): void {
  const doc = ui.host.ownerDocument;
  const area = h(doc, 'textarea', { 'data-testid': 'bl-note-text', placeholder: '笔记' }) as HTMLTextAreaElement;
  const tags = h(doc, 'input', { 'data-testid': 'bl-note-tags', placeholder: '标签，用逗号分隔' }) as HTMLInputElement;
  const colour = h(doc, 'select', { 'data-testid': 'bl-note-colour' }) as HTMLSelectElement;
  for (const c of colours) colour.append(h(doc, 'option', { value: c.name }, c.name));
  const save = h(doc, 'button', { 'data-testid': 'bl-note-save' }, '保存');
  const cancel = h(doc, 'button', { 'data-testid': 'bl-note-cancel' }, '取消');
  save.addEventListener('click', () =>
    on.save(
      area.value.trim(),
      tags.value
        .split(/[,，;；\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
      colour.value,
    ),
  );
  cancel.addEventListener('click', () => on.cancel());
  const box = h(
    doc,
    'section',
    { class: 'panel editor', 'data-testid': 'bl-note-editor' },
    h(doc, 'div', { class: 'muted' }, `“${quote.length > 40 ? `${quote.slice(0, 40)}…` : quote}”`),
    area,
    tags,
    colour,
    ' ',
    save,
    ' ',
    cancel,
  );
  place(box, at.x, at.y);
  replacePart(ui, 'editor', box);
  area.focus();
}
