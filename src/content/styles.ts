// ::highlight rules. The document gets the default colours from the manifest's CSS file (present
// before the page is first styled); an adopted sheet is added only for custom colours. Open shadow
// roots do not see document styles, so they always get an adopted sheet.
import { ENTITY_TYPES } from '../core/types';
import { adoptStyles, highlightCss } from '../dom/highlight';
import { highlightName } from '../dom/units';
import { DEFAULT_COLOURS } from '../shared/settings';
import { NOTE_COLOURS, noteHighlightName, typeColour } from './labels';

const roots = new Set<Document | ShadowRoot>();
const adopted = new Map<Document | ShadowRoot, () => void>();

export function paletteCss(colour: (t: (typeof ENTITY_TYPES)[number]) => string): string {
  const colours: Record<string, string> = {};
  // Hex plus alpha, so text stays readable.
  for (const t of ENTITY_TYPES) colours[highlightName(t)] = `${colour(t)}55`;
  for (const c of NOTE_COLOURS) colours[noteHighlightName(c.name)] = c.css;
  return highlightCss(colours);
}

const customised = () => ENTITY_TYPES.some((t) => typeColour(t).toLowerCase() !== DEFAULT_COLOURS[t]);

function apply(root: Document | ShadowRoot, css: string): void {
  if (root.nodeType === 9 && !customised()) {
    adopted.get(root)?.();
    adopted.delete(root);
    return;
  }
  adopted.set(root, adoptStyles(root, css));
}

/** Styles every shadow root (and, with custom colours, the document) among `nodes`. */
export function styleRoots(nodes: Iterable<Node>): void {
  let css: string | null = null;
  for (const r of nodes) {
    if ((r.nodeType !== 9 && r.nodeType !== 11) || roots.has(r as Document | ShadowRoot)) continue;
    roots.add(r as Document | ShadowRoot);
    css ??= paletteCss(typeColour);
    apply(r as Document | ShadowRoot, css);
  }
}

export function restyle(): void {
  const css = paletteCss(typeColour);
  for (const r of roots) apply(r, css);
}
