// The code units prepare() keeps from normalisation are the analysis string's, and every scan
// that reads them finds what the string scan finds.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, prepare } from '../../../src/core/engine';
import { findPolicyTerms } from '../../../src/core/lexicon';
import { AhoCorasick } from '../../../src/core/lexicon/aho';
import { AUTOMATON } from '../../../src/core/lexicon/compiled';
import { findRuleEntities } from '../../../src/core/rules';
import { findPlaces } from '../../../src/core/gazetteer';

const fixture = (f: string): string => readFileSync(resolve(import.meta.dirname, '../../fixtures/core', f), 'utf8');

const texts = [
  '',
  '二十大以来，各地推进“双碳”工作。',
  '  全面从严治党\n\n 三抓三促 ABC  def\u200b１２３\r\n市政协召开八届十七次主席会议',
  'lone \ud800 surrogate 𠮷 pair 十四届三次全会',
  fixture('composed-bulletin.txt'),
  fixture('news-article.txt'),
  fixture('traditional.txt'),
];

const codes = (s: string): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

describe('Prepared.units', () => {
  it('are the code units of the analysis string, converted or not', () => {
    for (const t of texts) {
      const p = prepare(t);
      expect(Array.from(p.units)).toEqual(codes(p.text));
    }
    expect(prepare(fixture('traditional.txt')).converted).toBe(true);
  });

  it('give the same automaton matches, policy terms and rule entities as the string', () => {
    const ac = new AhoCorasick(AUTOMATON);
    for (const t of texts) {
      const p = prepare(t);
      expect(Array.from(ac.scanUnitsPacked(p.units))).toEqual(Array.from(ac.scanAllPacked(p.text)));
      expect(findPolicyTerms(p.text, p.units)).toEqual(findPolicyTerms(p.text));
      const places = findPlaces(p.text);
      expect(findRuleEntities(p.text, { places, units: p.units })).toEqual(findRuleEntities(p.text, { places }));
    }
  });

  it('are ignored when they do not fit the text', () => {
    const p = prepare('践行三个代表重要思想。');
    expect(findPolicyTerms(p.text, p.units.subarray(0, 3))).toEqual(findPolicyTerms(p.text));
  });
});

describe('analyze with reused normalisation buffers', () => {
  it('gives each call its own result, whatever was analysed before', () => {
    const big = fixture('composed-bulletin.txt');
    const small = fixture('news-article.txt');
    const first = JSON.stringify(analyze(big, { model: false }));
    const smallAlone = JSON.stringify(analyze(small, { model: false }));
    const kept = analyze(big, { model: false });
    analyze(small, { model: false }); // reuses the buffers the previous call wrote
    expect(JSON.stringify(kept)).toBe(first);
    expect(JSON.stringify(analyze(small, { model: false }))).toBe(smallAlone);
    expect(JSON.stringify(analyze(big, { model: false }))).toBe(first);
  });
});
