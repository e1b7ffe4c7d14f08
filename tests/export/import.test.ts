import { describe, expect, it } from 'vitest';
import { parseJsonLd, serializeJsonLd, type ExportBundle } from '../../src/export';
import { makeAnnotation } from '../db/fixtures';

function fileWith(items: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    '@context': ['http://www.w3.org/ns/anno.jsonld', { bl: 'https://bulletin-lens.org/ns#' }],
    type: 'AnnotationCollection',
    'bl:formatVersion': 1,
    first: { type: 'AnnotationPage', items },
    ...extra,
  });
}

function validItem(): Record<string, unknown> {
  const b: ExportBundle = { annotations: [makeAnnotation({ quote: '两个确立', note: 'n', tags: ['t'] })], pages: [], articles: [] };
  return (JSON.parse(serializeJsonLd(b)) as { first: { items: Record<string, unknown>[] } }).first.items[0];
}

const reasons = (text: string) => {
  const r = parseJsonLd(text);
  if (!r.ok) throw new Error(r.error);
  return r.value.skipped.map((s) => s.reason);
};

describe('import validation', () => {
  it('rejects files that are not ours as a whole, with a reason', () => {
    expect(parseJsonLd('not json')).toMatchObject({ ok: false, error: expect.stringMatching(/^not JSON/) });
    expect(parseJsonLd('[]')).toMatchObject({ ok: false, error: 'not a JSON object' });
    expect(parseJsonLd('{"type":"Something"}')).toMatchObject({ ok: false, error: 'not a W3C AnnotationCollection' });
    expect(parseJsonLd('{"type":"AnnotationCollection","first":{"items":[]}}')).toMatchObject({ ok: false, error: expect.stringMatching(/formatVersion missing/) });
    expect(parseJsonLd(fileWith([], { 'bl:formatVersion': 99 }))).toMatchObject({ ok: false, error: expect.stringMatching(/newer Bulletin Lens/) });
    expect(parseJsonLd(fileWith([], { 'bl:formatVersion': '1' }))).toMatchObject({ ok: false, error: expect.stringMatching(/positive integer/) });
    expect(parseJsonLd(fileWith([], { first: { items: 'x' } }))).toMatchObject({ ok: false, error: 'first.items is missing' });
    expect(parseJsonLd(fileWith([], { 'bl:pages': {} }))).toMatchObject({ ok: false });
  });

  it('skips items with wrong types or missing fields, keeping the good ones', () => {
    const good = validItem();
    const text = fileWith([
      good,
      { ...validItem(), id: 42 },
      { ...validItem(), id: 'urn:uuid:00000000-0000-4000-8000-0000000000f1', created: 'yesterday' },
      { ...validItem(), id: 'urn:uuid:00000000-0000-4000-8000-0000000000f2', target: undefined },
      { ...validItem(), id: 'urn:uuid:00000000-0000-4000-8000-0000000000f3', motivation: 'bookmarking' },
      { ...validItem(), id: 'urn:uuid:00000000-0000-4000-8000-0000000000f4', 'bl:colour': 'red; background:url(x)' },
      { ...validItem(), id: 'urn:uuid:00000000-0000-4000-8000-0000000000f5', target: { source: 'javascript:alert(1)' } },
      { ...validItem(), id: 'urn:uuid:00000000-0000-4000-8000-0000000000f6', target: { source: 'https://a.cn/', selector: [{ type: 'TextPositionSelector', start: 5, end: 2 }] } },
      { ...validItem(), id: 'urn:uuid:00000000-0000-4000-8000-0000000000f7', type: 'Note' },
      'a string',
      null,
      good,
    ]);
    const r = parseJsonLd(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.bundle.annotations.map((a) => a.id)).toEqual([good.id]);
    expect(r.value.skipped.map((s) => s.reason)).toEqual([
      'id is not a string',
      'created is not an ISO 8601 date-time',
      'target.source is not a string',
      'motivation is not highlighting or commenting',
      'body.colour is not a known colour',
      'target.source has a disallowed scheme javascript:',
      'target.selector[0] ends before it starts',
      'type is not Annotation',
      'annotation is not an object',
      'annotation is not an object',
      'duplicate id in file',
    ]);
  });

  it('skips huge strings and too many tags', () => {
    const huge = 'x'.repeat(200_001);
    const item = validItem();
    const text = fileWith([
      { ...item, body: [{ type: 'TextualBody', purpose: 'commenting', value: huge }] },
      { ...item, id: 'urn:uuid:00000000-0000-4000-8000-0000000000e1', body: Array.from({ length: 101 }, (_, i) => ({ type: 'TextualBody', purpose: 'tagging', value: `t${i}` })) },
      { ...item, id: 'urn:uuid:00000000-0000-4000-8000-0000000000e2', target: { source: `https://a.cn/${'p'.repeat(5000)}` } },
    ]);
    expect(reasons(text)).toEqual([
      'body.note is longer than 100000 characters',
      'body.tags has more than 100 items',
      'target.source is longer than 4096 characters',
    ]);
  });

  it('refuses prototype-pollution keys and leaves Object.prototype clean', () => {
    const item = validItem();
    const text = fileWith([]).replace(
      '"items":[]',
      `"items":[${JSON.stringify(item).replace('{', '{"__proto__":{"polluted":true},')},` +
        `${JSON.stringify({ ...item, id: 'urn:uuid:00000000-0000-4000-8000-0000000000d1' }).replace('"target":{', '"target":{"constructor":{"prototype":{"polluted":true}},')}]`,
    );
    const r = parseJsonLd(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.bundle.annotations).toEqual([]);
    expect(r.value.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/forbidden key/),
      expect.stringMatching(/forbidden key/),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const rootPolluted = parseJsonLd(fileWith([]).replace('{', '{"__proto__":{"polluted":true},'));
    expect(rootPolluted).toMatchObject({ ok: false, error: 'contains a forbidden key' });
  });

  it('reports bad pages and articles separately', () => {
    const text = fileWith([], {
      'bl:pages': [{ url: 'ftp://x', title: 't', firstSeen: '2024-01-01T00:00:00Z', lastSeen: '2024-01-01T00:00:00Z' }],
      'bl:articles': [{ page: 'https://a.cn/', index: -1 }],
    });
    const r = parseJsonLd(text);
    expect(r.ok && r.value.skipped).toEqual([
      { index: 0, kind: 'page', id: 'ftp://x', reason: 'page.url has a disallowed scheme ftp:' },
      { index: 0, kind: 'article', id: null, reason: 'article.index is not a non-negative integer' },
    ]);
  });
});
