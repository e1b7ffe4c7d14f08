// Store bench: Dexie over fake-indexeddb in Node (`npx tsx scripts/bench-store.ts`; BENCH_ANNOTATIONS,
// BENCH_PAGES and BENCH_RUNS shrink or repeat it).
// 100,000 annotations over 5,000 pages; each indexed operation is printed as a ratio to a full
// table scan that answers the same question, both measured in this run on this data.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { openRepository, toRow } from '../src/db';
import { fold, matchesAll, queryParts } from '../src/db/fulltext';
import type { Annotation } from '../src/shared/annotation';

const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? 100_000);
const PAGES = Number(process.env.BENCH_PAGES ?? 5_000);
const POPUP_NOTES = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

// Deterministic PRNG so runs compare.
let seed = 42;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
/** Zipf-like: low indexes far more often, as words in real text. */
const zipf = <T>(xs: readonly T[]) => xs[Math.min(xs.length - 1, Math.floor(xs.length ** rnd()) - 1)];

const CHARS = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000)));
const WORDS = Array.from({ length: 8000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => zipf(CHARS)).join(''));
const EN = ['policy', 'meeting', 'committee', 'consultation', 'follow', 'check', 'source', 'reform', 'province', 'people'];
const TAGS = ['人事', '政策', '两会', '待核', 'follow-up', '经济', '民生', '环保'];
const SITES = Array.from({ length: 50 }, (_, i) => `site${i}.example.cn`);

const sentence = (min: number, max: number) => {
  let s = '';
  const n = min + Math.floor(rnd() * (max - min));
  while (s.length < n) s += zipf(WORDS);
  return s.slice(0, n);
};

function makeData(): { annotations: Annotation[]; popupUrl: string } {
  const pages = Array.from({ length: PAGES }, (_, i) => `https://${SITES[i % SITES.length]}/2024/${i}.html`);
  const popupUrl = pages[0];
  const annotations: Annotation[] = [];
  const t0 = Date.parse('2023-01-01T00:00:00Z');
  for (let i = 0; i < ANNOTATIONS; i++) {
    const url = i < POPUP_NOTES ? popupUrl : pages[1 + (i % (PAGES - 1))];
    const quote = sentence(8, 40);
    const note = rnd() < 0.5 ? '' : `${sentence(4, 30)}${rnd() < 0.3 ? ` ${pick(EN)} ${pick(EN)}` : ''}`;
    const created = new Date(t0 + Math.floor(rnd() * 500 * 86400_000)).toISOString();
    annotations.push({
      id: `urn:uuid:${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
      target: {
        source: url,
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: i % 5000, end: (i % 5000) + quote.length },
        ],
        article: { index: i % 3, title: `文章${i % 3}`, dateline: null, reporters: [], date: null },
        title: `页面 ${url}`,
      },
      body: { note, tags: rnd() < 0.3 ? [pick(TAGS)] : [], colour: 'yellow' },
      motivation: note ? 'commenting' : 'highlighting',
      created,
      modified: created,
    });
  }
  return { annotations, popupUrl };
}

async function median(f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await f(); // warm
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main() {
  const t0 = performance.now();
  const { annotations, popupUrl } = makeData();
  const repo = openRepository(`bench-${process.pid}`);
  const db = repo.db;
  // Bulk load through the same row builder the repository uses (one write per batch, not per note).
  for (let i = 0; i < annotations.length; i += 5000) await db.annotations.bulkPut(annotations.slice(i, i + 5000).map(toRow));
  const urls = [...new Set(annotations.map((a) => a.target.source))];
  await db.pages.bulkPut(urls.map((url) => ({ url, title: `页面 ${url}`, site: new URL(url).hostname, firstSeen: '2023-01-01T00:00:00.000Z', lastSeen: '2024-01-01T00:00:00.000Z' })));
  console.log(`loaded ${annotations.length} annotations over ${urls.length} pages in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // Queries taken from the data: a common word, a rarer phrase, an English word, text + site, tag + date.
  const sample = annotations[Math.floor(annotations.length / 2)];
  const quote = (sample.target.selector[0] as { exact: string }).exact;
  const queries: { label: string; q: Parameters<typeof repo.search>[0] }[] = [
    { label: `2-char word "${WORDS[3].slice(0, 2)}"`, q: { text: WORDS[3].slice(0, 2), limit: 100 } },
    { label: `phrase "${quote.slice(3, 9)}"`, q: { text: quote.slice(3, 9), limit: 100 } },
    { label: 'English "consultation"', q: { text: 'consultation', limit: 100 } },
    { label: 'English prefix "consult*"', q: { text: 'consult*', limit: 100 } },
    { label: `one character "${WORDS[40][0]}"`, q: { text: WORDS[40][0], limit: 100 } },
    { label: 'text + site', q: { text: WORDS[10].slice(0, 2), site: SITES[7], limit: 100 } },
    { label: 'tag + date range', q: { tag: '待核', from: '2023-06-01', to: '2023-06-30', limit: 100 } },
  ];

  const scanSearch = async (q: (typeof queries)[number]['q']) => {
    const parts = q.text ? queryParts(q.text) : [];
    const rows = await db.annotations.toArray();
    return rows
      .filter(
        (r) =>
          (!q.site || r.site === q.site) &&
          (!q.tag || r.tags.includes(q.tag)) &&
          (!q.from || r.created >= q.from) &&
          (!q.to || r.created <= `${q.to}T23:59:59.999Z`) &&
          matchesAll(fold(`${r.target.selector.map((s) => (s.type === 'TextQuoteSelector' ? s.exact : '')).join(' ')}\n${r.body.note}`), parts),
      )
      .sort((a, b) => b.created.localeCompare(a.created))
      .slice(0, 100);
  };

  console.log('\nsearch (notes page): indexed search vs full scan with the same filter');
  let worst = 0;
  for (const { label, q } of queries) {
    const idx = await repo.search(q);
    const scan = await scanSearch(q);
    if (idx.items.map((a) => a.id).join() !== scan.map((a) => a.id).join()) throw new Error(`results differ for ${label}`);
    const ti = await median(() => repo.search(q));
    const ts = await median(() => scanSearch(q));
    worst = Math.max(worst, ti / ts);
    console.log(`  ${label.padEnd(28)} hits ${String(idx.total).padStart(6)}  index ${ti.toFixed(1).padStart(8)} ms  scan ${ts.toFixed(1).padStart(8)} ms  ratio ${(ti / ts).toFixed(4)}`);
  }
  console.log(`  worst search ratio ${worst.toFixed(4)} (target ≤ 0.1) ${worst <= 0.1 ? 'OK' : 'MISSED'}`);
  if (worst > 0.1) process.exitCode = 1;

  console.log(`\npopup open on a page with ${POPUP_NOTES} notes: page notes + page note + articles + page row`);
  const openPopup = async () => {
    const list = await repo.listForPage(popupUrl);
    await repo.articlesOf(popupUrl);
    await repo.getPage(popupUrl);
    return list;
  };
  const scanPopup = async () => (await db.annotations.toArray()).filter((r) => r.source === popupUrl);
  if ((await openPopup()).length !== POPUP_NOTES || (await scanPopup()).length !== POPUP_NOTES) throw new Error('popup page count');
  const tp = await median(openPopup);
  const tsp = await median(scanPopup);
  console.log(`  index ${tp.toFixed(1)} ms  scan ${tsp.toFixed(1)} ms  ratio ${(tp / tsp).toFixed(4)}`);
  db.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
