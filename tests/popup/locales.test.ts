import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../public/_locales');
const load = (loc: string) => JSON.parse(readFileSync(join(dir, loc, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const placeholders = (s: string) => [...s.matchAll(/\$(\d)/g)].map((m) => m[1]).sort();

/** Every key the UI asks for, read from the sources. */
function usedKeys(): string[] {
  const keys = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)) keys.add(m[1]);
    }
  };
  for (const d of ['popup', 'notes', 'options']) walk(join(import.meta.dirname, '../../src', d));
  return [...keys];
}

describe('_locales', () => {
  it('has every key in English and Chinese with the same placeholders', () => {
    const en = load('en');
    const zh = load('zh_CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) expect(placeholders(zh[k].message), k).toEqual(placeholders(en[k].message));
  });

  it('has every key the pages use, including the ones built from type and format names', () => {
    const en = load('en');
    const needed = [
      ...usedKeys(),
      ...['person', 'place', 'organization', 'position', 'date', 'policy_term'].map((x) => `type_${x}`),
      ...['jsonld', 'markdown', 'csv', 'csl', 'entities'].map((x) => `format_${x}`),
      ...['Quota', 'Blocked', 'Version', 'Closed', 'Invalid', 'Unavailable', 'Unknown'].map((x) => `errStorage${x}`),
    ];
    expect(needed.length).toBeGreaterThan(60);
    expect(needed.filter((k) => !(k in en))).toEqual([]);
  });
});
