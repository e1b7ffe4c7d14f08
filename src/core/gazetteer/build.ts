// Build-time side of the gazetteer: the name table worked out from the division and extra rows, and
// its encoding into compiled.ts (scripts/build-gazetteer.ts). The runtime (index.ts) only decodes it,
// lazily, so the engine worker does not build thousands of objects and a trie before its first answer.
import { encodeInts } from '../lexicon/aho';
import type { DivisionKind, PlaceInfo } from './index';

export type Form = 'full' | 'short' | 'stop' | 'weak';
/** Form codes in the encoded entries (entry = place index * 4 + code). */
export const FORMS: readonly Form[] = ['full', 'short', 'stop', 'weak'];

export interface RefEntry {
  place: PlaceInfo;
  form: Form;
  province?: string;
}

/** Provinces, then prefectures, then extras (太湖 the lake over 太湖县), then counties; full before short. */
function rank(p: PlaceInfo): number {
  return p.level === 0 ? 2.5 : p.level;
}

export function compareEntries(a: RefEntry, b: RefEntry): number {
  return (
    rank(a.place) - rank(b.place) ||
    Number(a.form === 'short' || a.form === 'stop') - Number(b.form === 'short' || b.form === 'stop') ||
    (a.place.id < b.place.id ? -1 : a.place.id > b.place.id ? 1 : 0)
  );
}

/** Province (level-1) name a place belongs to, or undefined. */
export function provinceOf(p: PlaceInfo): string | undefined {
  if (p.level === 1) return p.name;
  const top = p.parents[0];
  return top !== undefined && /省$|市$|自治区$|特别行政区$/.test(top) ? top : undefined;
}

/** Code-unit order (what `<` on strings gives), the order of the encoded names. */
export const byUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The places (divisions in row order, then extras) and every matchable name with its entries, best
 * first: the reference the encoded table is made from and checked against.
 */
export function buildNames(divisions: string, extras: string): { places: PlaceInfo[]; byId: Map<string, PlaceInfo>; names: Map<string, RefEntry[]> } {
  const places: PlaceInfo[] = [];
  const byId = new Map<string, PlaceInfo>();
  const names = new Map<string, RefEntry[]>();
  const add = (name: string, place: PlaceInfo, form: Form) => {
    const list = names.get(name);
    if (!list) names.set(name, [{ place, form }]);
    else if (!list.some((e) => e.place === place)) list.push({ place, form });
  };
  const kinds: DivisionKind[] = ['province', 'prefecture', 'county'];
  for (const [code, rawName, lvl, parent, rawShort] of divisions.split('\n').map((l) => l.split('\t'))) {
    const weak = rawName.startsWith('~');
    const name = weak ? rawName.slice(1) : rawName;
    const level = Number(lvl) as 1 | 2 | 3;
    const stop = rawShort.startsWith('-');
    const short = stop ? rawShort.slice(1) : rawShort;
    const place: PlaceInfo = {
      id: code, name, kind: kinds[level - 1], level, parents: [], aliases: [],
      ...(parent ? { parentId: parent } : {}), ...(short && !stop ? { short } : {}),
    };
    places.push(place);
    byId.set(code, place);
    add(name, place, weak ? 'weak' : 'full');
    if (short) add(short, place, stop ? 'stop' : 'short');
    // Autonomous prefectures go by short form + 州 in print (临夏州, 甘南州, 延边州): a full name.
    if (short && name.endsWith('自治州') && !short.endsWith('州')) {
      place.aliases.push(short + '州');
      add(short + '州', place, 'full');
    }
  }
  // Parents are listed before children in the data, so names resolve in one pass.
  for (const p of byId.values()) {
    const up = p.parentId ? byId.get(p.parentId) : undefined;
    if (up) p.parents = [...up.parents, up.name];
  }
  for (const line of extras.split('\n')) {
    const [id, name, type, parents, aliases] = line.split('\t');
    const place: PlaceInfo = {
      id, name, kind: type, level: 0,
      parents: parents ? parents.split(',') : [], aliases: aliases ? aliases.split(',') : [],
    };
    places.push(place);
    byId.set(id, place);
    add(name, place, 'full');
    for (const a of place.aliases) add(a, place, 'full');
  }
  for (const list of names.values()) {
    list.sort(compareEntries);
    for (const e of list) e.province = provinceOf(e.place);
  }
  return { places, byId, names };
}

/** The encoded name table (see compiled.ts and the decoding in index.ts). */
export interface EncodedNames {
  /** Names with an entry that is not stoplisted (the ones matched in text), code-unit order, \n-joined. */
  names: string;
  /** Per name (same order): its entries, best first, as encodeInts of place index * 4 + form code. */
  entries: string;
  /** The names whose entries are all stoplisted (found by lookupPlace only), and their entries. */
  stopNames: string;
  stopEntries: string;
  /** Edges of the trie of `names` below its root (sizes the edge hash as a full build would). */
  edges: number;
  /** Per division: its parent's place index + 1 (0 = none), as JSON (parsed natively, not in a JS loop). */
  parents: string;
}

export function encodeNames(divisions: string, extras: string): EncodedNames {
  const { places, names } = buildNames(divisions, extras);
  const index = new Map(places.map((p, i) => [p, i]));
  const sorted = [...names.keys()].sort(byUnits);
  const code = (name: string) => encodeInts((names.get(name) as RefEntry[]).map((e) => (index.get(e.place) as number) * 4 + FORMS.indexOf(e.form)));
  const matched = sorted.filter((n) => (names.get(n) as RefEntry[]).some((e) => e.form !== 'stop'));
  const stop = sorted.filter((n) => !matched.includes(n));
  const prefixes = new Set<string>();
  for (const n of matched) for (let k = 2; k <= n.length; k++) prefixes.add(n.slice(0, k));
  // As in buildNames: parents are looked up among the divisions, the last row of a code winning.
  const rows = divisions.split('\n').map((l) => l.split('\t'));
  const byCode = new Map(rows.map((r, i) => [r[0], i]));
  const parents = rows.map((r, i) => {
    const up = byCode.get(r[0]) === i && r[3] ? byCode.get(r[3]) : undefined;
    return up === undefined ? 0 : up + 1;
  });
  return {
    names: matched.join('\n'),
    entries: matched.map(code).join('\n'),
    stopNames: stop.join('\n'),
    stopEntries: stop.map(code).join('\n'),
    edges: prefixes.size,
    parents: JSON.stringify(parents),
  };
}
