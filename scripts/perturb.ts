// Variants of real texts for benchmarks and identity checks: the persons and places the engine
// finds are replaced by random names and other places of the same texts, digits by random digits.
// Deterministic for a seed; no content is hard-coded (what to replace is found by the engine).
import { analyze } from '../src/core/engine';
import { DOUBLE_SURNAMES, SINGLE_SURNAMES } from '../src/core/rules/lexicon';

const GIVEN = '明华国建军平志伟红玉兰英芳海波涛晓静丽强磊斌杰鹏飞宇浩然慧敏娟婷霞云峰刚勇文武成德新生春秋东亮';

export interface Perturber {
  /** A pseudo-random integer in [0, n), from the same sequence the variants use. */
  rand(n: number): number;
  /** A new variant of bases[k]. */
  variant(k: number): string;
}

/** Analyses `bases` once (model off, whatever model is registered is not used) to find what to replace. */
export function perturber(bases: readonly string[], seed: number): Perturber {
  let s = seed;
  const rand = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)];
  const surnames = [...SINGLE_SURNAMES, ...DOUBLE_SURNAMES];
  const randomName = (): string => pick(surnames) + GIVEN[rand(GIVEN.length)] + (rand(2) ? GIVEN[rand(GIVEN.length)] : '');
  const slots = bases.map((b) => analyze(b, { model: false }).entities.filter((e) => e.type === 'person' || e.type === 'place'));
  const placePool = [...new Set(slots.flat().filter((e) => e.type === 'place').map((e) => e.text))];
  const variant = (k: number): string => {
    const base = bases[k];
    let out = '';
    let p = 0;
    for (const e of slots[k]) {
      if (e.start < p) continue;
      out += base.slice(p, e.start);
      out += e.type === 'person' ? randomName() : pick(placePool);
      p = e.end;
    }
    return (out + base.slice(p)).replace(/\d/g, () => String(rand(10)));
  };
  return { rand, variant };
}
