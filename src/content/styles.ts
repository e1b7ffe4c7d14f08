// One adopted stylesheet per styled root (document or open shadow root) for all ::highlight rules.
import { ENTITY_TYPES } from '../core/types';
import { adoptStyles, highlightCss } from '../dom/highlight';
import { highlightName } from '../dom/units';
import { NOTE_COLOURS, noteHighlightName, typeColour } from './labels';

const styled = new Set<Document | ShadowRoot>();

function css(): string {
  const colours: Record<string, string> = {};
  // Hex from settings plus alpha, so text stays readable.
  for (const t of ENTITY_TYPES) colours[highlightName(t)] = `${typeColour(t)}55`;
  for (const c of NOTE_COLOURS) colours[noteHighlightName(c.name)] = c.css;
  return highlightCss(colours);
}

/** Styles every document or shadow root among `roots` not styled yet. */
export function styleRoots(roots: Iterable<Node>): void {
  let text: string | null = null;
  for (const r of roots) {
    if ((r.nodeType !== 9 && r.nodeType !== 11) || styled.has(r as Document | ShadowRoot)) continue;
    styled.add(r as Document | ShadowRoot);
    text ??= css();
    adoptStyles(r as Document | ShadowRoot, text);
  }
}

export function restyle(): void {
  const text = css();
  for (const r of styled) adoptStyles(r, text);
}

export function unstyleAll(): void {
  for (const r of styled) adoptStyles(r, '')();
  styled.clear();
}
