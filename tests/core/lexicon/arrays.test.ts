import { describe, expect, it } from 'vitest';
import { AhoCorasick, decodeInts } from '../../../src/core/lexicon/aho';
import { AUTOMATON, AUTOMATON_ARRAYS } from '../../../src/core/lexicon/compiled';

// The worker builds the automaton from the JSON arrays; they must be the varint fields, decoded.
describe('automaton arrays', () => {
  it('hold the values of the serialized fields', () => {
    const states = AUTOMATON.labels.length + 1;
    expect(AUTOMATON_ARRAYS.firstChild).toEqual([...decodeInts(AUTOMATON.firstChild, states + 1)]);
    expect(AUTOMATON_ARRAYS.fail).toEqual([...decodeInts(AUTOMATON.fail, states)]);
    expect(AUTOMATON_ARRAYS.out).toEqual([...decodeInts(AUTOMATON.out, states)]);
    expect(AUTOMATON_ARRAYS.lengths).toEqual([...decodeInts(AUTOMATON.lengths, AUTOMATON.n)]);
  });

  it('give the same matches as the serialized form', () => {
    const text = '坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，推进“三抓三促”行动，全面推进乡村振兴。';
    expect(new AhoCorasick(AUTOMATON, AUTOMATON_ARRAYS).scanAll(text)).toEqual(new AhoCorasick(AUTOMATON).scanAll(text));
  });
});
