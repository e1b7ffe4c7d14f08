// Labels and colours of entity types and reader highlight colours.
import type { EntityType } from '../core/types';
import { DEFAULT_COLOURS } from '../shared/settings';
import { state } from './state';

export const TYPE_LABELS: Record<EntityType, string> = {
  person: '人名',
  place: '地名',
  organization: '机构',
  position: '职务',
  date: '日期',
  policy_term: '政策术语',
};

export const typeColour = (t: EntityType): string => state.colours[t] ?? DEFAULT_COLOURS[t];

export const NOTE_COLOURS: readonly { name: string; css: string }[] = [
  { name: 'yellow', css: 'rgba(255, 230, 0, 0.55)' },
  { name: 'green', css: 'rgba(60, 220, 90, 0.45)' },
  { name: 'blue', css: 'rgba(80, 160, 255, 0.45)' },
  { name: 'pink', css: 'rgba(255, 110, 180, 0.45)' },
  { name: 'purple', css: 'rgba(170, 110, 255, 0.45)' },
];

export const noteHighlightName = (colour: string): string => `bl-note-${colour}`;
