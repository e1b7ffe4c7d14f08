// Candidate spans as columns of typed arrays: a page yields tens of thousands of candidates that
// all live until the merge, and as objects every young-generation collection in between copies
// them again, a cost that grows with the text rather than with the garbage.
import type { Entity, EntityInfo, EntityType } from './types';
import { ENTITY_TYPES } from './types';

/** Type codes: indices into ENTITY_TYPES. */
export const T_PERSON = 0;
export const T_PLACE = 1;
export const T_ORG = 2;
export const T_POSITION = 3;
export const T_DATE = 4;
export const T_POLICY = 5;

export type By = NonNullable<Entity['by']>;
export const B_RULE = 0;
export const B_GAZETTEER = 1;
export const B_LEXICON = 2;
export const B_PATTERN = 3;
export const B_MODEL = 4;
export const BY_NAMES: readonly By[] = ['rule', 'gazetteer', 'lexicon', 'pattern', 'model'];

export const F_WEAK = 1;
export const F_LOOSE = 2;

/** Where recognisers put candidates (see Cand in rules for the fields). */
export interface CandSink {
  add(type: number, start: number, end: number, by: number, prio: number, info?: EntityInfo, weak?: boolean): void;
}

export class CandStore implements CandSink {
  n = 0;
  type: Uint8Array;
  by: Uint8Array;
  prio: Uint8Array;
  /** F_WEAK, F_LOOSE. */
  flags: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  info: Array<EntityInfo | undefined>;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.type = new Uint8Array(c);
    this.by = new Uint8Array(c);
    this.prio = new Uint8Array(c);
    this.flags = new Uint8Array(c);
    this.start = new Int32Array(c);
    this.end = new Int32Array(c);
    this.info = new Array<EntityInfo | undefined>(c).fill(undefined);
  }

  add(type: number, start: number, end: number, by: number, prio: number, info?: EntityInfo, weak?: boolean): void {
    this.push(type, start, end, by, prio, info, weak === true ? F_WEAK : 0);
  }

  push(type: number, start: number, end: number, by: number, prio: number, info: EntityInfo | undefined, flags: number): void {
    const k = this.n;
    if (k === this.type.length) this.grow();
    this.type[k] = type;
    this.start[k] = start;
    this.end[k] = end;
    this.by[k] = by;
    this.prio[k] = prio;
    this.flags[k] = flags;
    this.info[k] = info;
    this.n = k + 1;
  }

  private grow(): void {
    const c = this.type.length * 2;
    const u8 = (a: Uint8Array): Uint8Array => {
      const b = new Uint8Array(c);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(c);
      b.set(a);
      return b;
    };
    this.type = u8(this.type);
    this.by = u8(this.by);
    this.prio = u8(this.prio);
    this.flags = u8(this.flags);
    this.start = i32(this.start);
    this.end = i32(this.end);
    const info = new Array<EntityInfo | undefined>(c).fill(undefined);
    for (let k = 0; k < this.n; k++) info[k] = this.info[k];
    this.info = info;
  }

  typeName(k: number): EntityType {
    return ENTITY_TYPES[this.type[k]];
  }
}
