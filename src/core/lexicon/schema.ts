// Shape and validation of data/policy-terms.json. Pure: shared by the build
// script and the tests.
import type { TermCategory, TermLevel } from '../types';

export interface LexiconEntry {
  id: string;
  term: string;
  variants: string[];
  level: TermLevel;
  /** Province / city for provincial and local entries. */
  region?: string;
  category: TermCategory;
  gloss: string;
  source?: string;
  /**
   * Longer strings that contain one of this entry's surfaces but are not the
   * term (三个代表团). They are compiled as blockers: when a blocker wins the
   * leftmost-longest choice, nothing is reported there.
   */
  exclude?: string[];
}

/** What the runtime keeps per entry (no blockers). */
export type CompiledTerm = Omit<LexiconEntry, 'exclude'>;

export const GLOSS_MAX = 60;
export const MIN_NATIONAL = 300;

const LEVELS: readonly TermLevel[] = ['national', 'provincial', 'local'];
const CATEGORIES: readonly TermCategory[] = ['slogan', 'campaign', 'meeting', 'document', 'programme', 'concept'];
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KEYS = new Set(['id', 'term', 'variants', 'level', 'region', 'category', 'gloss', 'source', 'exclude']);

export interface ValidationResult {
  entries: LexiconEntry[];
  errors: string[];
}

function isStr(v: unknown): v is string {
  return typeof v === 'string';
}

/** Code points, so a gloss with astral characters is not over-counted. */
export function glossLength(s: string): number {
  return [...s].length;
}

function badSurface(s: string): string | null {
  if (s.length === 0) return 'empty';
  if (/\s/.test(s)) return 'contains whitespace';
  return null;
}

export function validateLexicon(data: unknown): ValidationResult {
  const errors: string[] = [];
  const entries: LexiconEntry[] = [];
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { entries?: unknown }).entries)) {
    return { entries, errors: ['top level must be an object with an "entries" array'] };
  }
  const version = (data as { version?: unknown }).version;
  if (version !== 1) errors.push(`unsupported version ${String(version)}, expected 1`);
  const raw = (data as { entries: unknown[] }).entries;
  const ids = new Map<string, number>();
  const surfaces = new Map<string, string>();
  raw.forEach((r, i) => {
    const where = `entry ${i}`;
    if (typeof r !== 'object' || r === null) {
      errors.push(`${where}: not an object`);
      return;
    }
    const e = r as Record<string, unknown>;
    const name = isStr(e.id) ? `${where} (${e.id})` : where;
    for (const k of Object.keys(e)) if (!KEYS.has(k)) errors.push(`${name}: unknown field "${k}"`);
    if (!isStr(e.id) || !ID_RE.test(e.id)) errors.push(`${name}: id must be an ascii slug`);
    else if (ids.has(e.id)) errors.push(`${name}: duplicate id (also entry ${ids.get(e.id)})`);
    else ids.set(e.id, i);
    if (!isStr(e.term) || badSurface(e.term)) errors.push(`${name}: bad term`);
    if (!Array.isArray(e.variants) || !e.variants.every(isStr)) errors.push(`${name}: variants must be a string array`);
    if (!isStr(e.level) || !LEVELS.includes(e.level as TermLevel)) errors.push(`${name}: bad level`);
    if (e.level === 'national' && e.region !== undefined) errors.push(`${name}: national entry with region`);
    if (e.level !== 'national' && (!isStr(e.region) || e.region.length === 0)) errors.push(`${name}: region required`);
    if (!isStr(e.category) || !CATEGORIES.includes(e.category as TermCategory)) errors.push(`${name}: bad category`);
    if (!isStr(e.gloss) || e.gloss.trim().length === 0) errors.push(`${name}: gloss required`);
    else {
      if (glossLength(e.gloss) > GLOSS_MAX) errors.push(`${name}: gloss longer than ${GLOSS_MAX}`);
      if (/[\r\n]/.test(e.gloss)) errors.push(`${name}: gloss must be one line`);
    }
    if (e.source !== undefined && (!isStr(e.source) || e.source.length === 0)) errors.push(`${name}: bad source`);
    if (e.exclude !== undefined && (!Array.isArray(e.exclude) || !e.exclude.every(isStr))) {
      errors.push(`${name}: exclude must be a string array`);
    }
    if (!isStr(e.term) || !Array.isArray(e.variants)) return;
    const own = [e.term, ...(e.variants as string[])];
    for (const s of own) {
      const bad = badSurface(s);
      if (bad) {
        errors.push(`${name}: surface "${s}" ${bad}`);
        continue;
      }
      const prev = surfaces.get(s);
      if (prev !== undefined) errors.push(`${name}: surface "${s}" already used by ${prev}`);
      else surfaces.set(s, String(e.id));
    }
    entries.push(e as unknown as LexiconEntry);
  });
  // Blockers are checked after all surfaces are known.
  for (const e of entries) {
    for (const x of e.exclude ?? []) {
      const own = [e.term, ...e.variants];
      if (surfaces.has(x)) errors.push(`${e.id}: exclude "${x}" is itself a surface of ${surfaces.get(x)}`);
      else if (!own.some((s) => x.includes(s) && x !== s)) errors.push(`${e.id}: exclude "${x}" contains none of its surfaces`);
    }
  }
  const national = entries.filter((e) => e.level === 'national').length;
  if (national < MIN_NATIONAL) errors.push(`only ${national} national entries, need ${MIN_NATIONAL}`);
  return { entries, errors };
}
