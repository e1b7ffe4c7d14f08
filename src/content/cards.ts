// Click card for entities and reader notes. Highlights get no events, so clicks are hit-tested.
import type { Entity, EntityInfo } from '../core/types';
import { caretAt, rangeHit } from '../dom/hittest';
import { UI_TAG } from '../dom/text';
import { hidePart, showCard, type CardModel } from '../dom/ui';
import { entitiesNear, occurrences, unitOf, type Unit } from '../dom/units';
import { NOTE_COLOURS, TYPE_LABELS, typeColour } from './labels';
import { state } from './state';
import { getUi } from './ui-host';

const LEVELS: Record<string, string> = { national: '国家级', provincial: '省级', local: '地方' };

/** 平凉市 · 甘肃省: the place, then its parents from the bottom up. */
export function placeLine(e: Entity): string | undefined {
  const info: EntityInfo | undefined = e.info;
  if (!info?.canonical && !info?.parents?.length) return undefined;
  return [info.canonical ?? e.text, ...[...(info.parents ?? [])].reverse()].join(' · ');
}

async function pinyinOf(text: string): Promise<string | undefined> {
  try {
    const { pinyin } = await import('pinyin-pro');
    return pinyin(text, { toneType: 'symbol' });
  } catch {
    return undefined;
  }
}

/** Caret positions are approximate (line ends, wrapped names): test the boxes of entities near it. */
function hitEntity(x: number, y: number): { unit: Unit; entity: Entity; range: Range } | null {
  const caret = caretAt(document, x, y, [...state.shadowRoots]);
  if (!caret) return null;
  const unit = unitOf(state.units, caret.node);
  const at = unit?.map?.offsetOf(caret.node, caret.offset);
  if (!unit?.map || at === null || at === undefined) return null;
  for (const entity of entitiesNear(unit, at - 48, at + 48)) {
    if (!state.enabled.has(entity.type)) continue;
    for (const range of unit.map.rangesFor(entity.start, entity.end)) {
      if (rangeHit(range, x, y)) return { unit, entity, range };
    }
  }
  return null;
}

export function initCards(signal: AbortSignal): void {
  const onClick = async (ev: MouseEvent) => {
    if (ev.button !== 0 || (ev.target as Element | null)?.closest?.(UI_TAG)) return;
    if (!document.getSelection()?.isCollapsed) return;
    const { clientX: x, clientY: y } = ev;
    const reader = await import('./reader');
    const note = reader.noteAt(x, y);
    const ui = await getUi();
    if (note) {
      const colour = NOTE_COLOURS.find((c) => c.name === note.annotation.body.colour)?.css ?? 'yellow';
      showCard(
        ui,
        { x, y },
        {
          typeLabel: '笔记 note',
          colour,
          text: note.range.toString(),
          note: { text: note.annotation.body.note, tags: note.annotation.body.tags },
        },
        {
          remove: () => {
            hidePart(ui, 'card');
            void reader.remove(note.annotation.id);
          },
          close: () => hidePart(ui, 'card'),
        },
      );
      return;
    }
    const hit = hitEntity(x, y);
    if (!hit) {
      hidePart(ui, 'card');
      return;
    }
    const e = hit.entity;
    const model: CardModel = {
      typeLabel: TYPE_LABELS[e.type],
      colour: typeColour(e.type),
      text: e.text,
      place: e.type === 'place' ? placeLine(e) : undefined,
      gloss: e.info?.gloss,
      level: e.info?.level ? LEVELS[e.info.level] ?? e.info.level : undefined,
      occurrences: occurrences(hit.unit, e),
    };
    const draw = () =>
      showCard(ui, { x, y }, model, {
        addNote: () => {
          hidePart(ui, 'card');
          void reader.editNote(hit.range, { x, y: y + 10 });
        },
        close: () => hidePart(ui, 'card'),
      });
    draw();
    if (e.type === 'person' || e.type === 'policy_term' || e.type === 'place' || e.type === 'organization') {
      const py = await pinyinOf(e.text);
      if (py && !signal.aborted) {
        model.pinyin = py;
        draw();
      }
    }
  };
  document.addEventListener('click', (ev) => void onClick(ev), { signal, passive: true });
}
