import { describe, expect, it } from 'vitest';
import { buildNames } from '../../../src/core/gazetteer/build';
import { DIVISIONS, EXTRAS } from '../../../src/core/gazetteer/compiled';
import { lookupPlace, placeById } from '../../../src/core/gazetteer/index';

// The runtime decodes the name table compiled at build time; it must give what the one-pass build gives.
describe('decoded name table', () => {
  const ref = buildNames(DIVISIONS, EXTRAS);

  it('looks up every name to the same places, in the same order', () => {
    for (const [name, entries] of ref.names) {
      expect(JSON.stringify(lookupPlace(name)), name).toBe(JSON.stringify(entries.map((e) => e.place)));
    }
    expect(lookupPlace('不是地名')).toEqual([]);
  });

  it('gives every place by id as the one-pass build does', () => {
    for (const [id, place] of ref.byId) expect(JSON.stringify(placeById(id)), id).toBe(JSON.stringify(place));
  });
});
