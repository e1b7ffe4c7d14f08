// `npm run bench:browser`: the content script in Chromium, measured side by side in one run.
//  1. main-thread time of the content script on a non-news page (its own booked time, and the
//     CDP ScriptDuration of the page with the extension minus without it);
//  2. DOMContentLoaded → highlights painted on a large bulletin page (≥ 1 MB text, ≥ 100 articles);
//  3. the longest main-thread task during that load (PerformanceObserver 'longtask' in the page);
//  4. the same term set highlighted on the same page by mark.js, as a baseline.
// Options: BL_DIST=dir (built extension, default dist), BENCH_ARTICLES=n (default 320), BENCH_RUNS=n (default 5),
// BENCH_MARK_ARRAY=1 (also time mark.js's array form once; minutes on the large page).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, chromePath, launchWithExtension, tabIdOf } from './browser.mjs';
import { startServer } from './serve-samples.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'artifacts/bench-pages');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 320);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_ONLY=non-news: part 1 only (the pages that are not news), e.g. with BENCH_RUNS=15.
const ONLY_NON_NEWS = process.env.BENCH_ONLY === 'non-news';

// ---- pages -------------------------------------------------------------------------------

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A large e-paper page built from the sample bulletin's sentences with varied datelines. */
function bigBulletin(n) {
  const sample = readFileSync(join(root, 'samples/bulletin.html'), 'utf8');
  const strip = (h) => h.replace(/<[^>]+>/g, '').trim();
  const titles = [...sample.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => strip(m[1]));
  const paras = [...sample.matchAll(/<p>(.*?)<\/p>/g)]
    .map((m) => strip(m[1]))
    .filter((p) => p.length > 30)
    .map((p) => p.replace(/^本报.{1,12}讯（[^）]*）\d+月\d+日，/, ''))
    // Continuation marks and photo captions open reports of their own; mid-report they would split it.
    .filter((p) => !/^（接|^近日/.test(p));
  const places = ['兰州', '天水', '平凉', '庆阳', '定西', '陇南', '武威', '张掖', '酒泉', '白银', '金昌', '临夏', '甘南', '嘉峪关'];
  const sur = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
  const given = '晓明华建国平红霞丽军伟芳敏静磊洋勇艳杰娟涛超秀兰霞刚桂英玉梅志强文斌海燕俊峰鹏飞宏达雪松清和远征可欣婉清思远';
  const r = rng(7);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const name = () => pick(sur) + pick(given) + (r() < 0.6 ? pick(given) : '');
  const arts = [];
  for (let i = 0; i < n; i++) {
    const place = pick(places);
    const body = [`本报${place}讯（通讯员${name()}）${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日，${pick(paras)}`];
    while (body.join('').length < 1150) body.push(pick(paras));
    arts.push(
      `<article id="r${i}"><h2>${esc(`${place}${pick(titles).replace(/^.{2,4}[市县区]/, '')}`)}</h2>\n` +
        body.map((p) => `<p>${esc(p)}</p>`).join('\n') +
        '\n</article>',
    );
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政协之窗 · 合订本（基准页）</title>
<style>body{font-family:serif;margin:0;background:#f3efe6}.page{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;padding:12px}
article{background:#fff;padding:8px 12px;font-size:14px;line-height:1.7}article h2{font-size:18px}</style></head>
<body><header><h1>政协之窗</h1></header><main class="page">\n${arts.join('\n')}\n</main></body></html>`;
  return html;
}

/** An ordinary non-news page: a Chinese web app's settings screen with menus and forms. */
function nonNews() {
  const items = Array.from({ length: 60 }, (_, i) => `<li><a href="#s${i}">设置项 ${i + 1}</a></li>`).join('');
  const rows = Array.from(
    { length: 80 },
    (_, i) => `<tr><td>设备 ${i + 1}</td><td>上次同步：${(i % 12) + 1} 小时前</td><td><button>移除</button></td></tr>`,
  ).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>账户与设备 - 云笔记</title></head>
<body><nav><ul>${items}</ul></nav><main><h1>账户与设备</h1>
<form><label>昵称 <input value="小李"></label><label>签名 <textarea>每天记一点</textarea></label><button>保存</button></form>
<table>${rows}</table><p>修改后的设置会同步到所有设备。</p></main></body></html>`;
}

/** A page that is not news but has paragraphs: the first check reads some of its text. */
function nonNewsProse() {
  const steps = [
    '把面粉和温水按二比一的比例混合，揉成光滑的面团，盖上保鲜膜醒发二十分钟。',
    '醒好的面团分成小剂子，擀成中间厚边缘薄的圆皮，包入调好的馅料，捏紧收口。',
    '锅中加水烧开，下入饺子后用勺背轻推，防止粘底；水再次沸腾时加半碗凉水。',
    '重复加凉水两次，饺子浮起、皮略透明即可捞出，蘸醋或辣椒油食用。',
  ];
  const paras = Array.from({ length: 24 }, (_, i) => `<p>第${i + 1}步：${steps[i % steps.length]}</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>家常饺子的做法 - 美食教程</title></head>
<body><nav><a href="/">首页</a> <a href="/c/1">面食</a> <a href="/c/2">汤羹</a></nav><main><h1>家常饺子的做法</h1>
${paras}
</main><footer>© 美食教程</footer></body></html>`;
}

// ---- measuring ---------------------------------------------------------------------------

const LONGTASKS = () => {
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* not supported */
  }
};

async function summaryOf(ext, page) {
  const tabId = await tabIdOf(ext.worker, page);
  const res = await ext.popup.evaluate(
    (id) => chrome.tabs.sendMessage(id, { channel: 'p2c', msg: { type: 'summary:get' } }),
    tabId,
  );
  if (!res?.ok) throw new Error(`summary:get failed: ${res?.error}`);
  return res.value;
}

/** What the first-check stub left in the tab's extension world (null when it did not run). */
async function stubOf(ext, page) {
  const tabId = await tabIdOf(ext.worker, page);
  return ext.worker.evaluate(async (id) => {
    const [r] = await chrome.scripting.executeScript({
      target: { tabId: id },
      func: () => {
        const s = globalThis.__bulletinLensStub;
        return s ? { requested: s.requested, full: s.full === true } : null;
      },
    });
    return r.result;
  }, tabId);
}

/** Renderer main-thread script time (CDP ScriptDuration) of one page load, until 300 ms after load. */
async function loadScriptMs(ctx, url) {
  const p = await ctx.newPage();
  const cdp = await startMetrics(p);
  await p.goto(url);
  await waitFor(() => p.evaluate(() => document.readyState === 'complete' || null));
  await p.waitForTimeout(300);
  const { script } = await scriptDuration(cdp);
  await p.close();
  return script;
}

/** An extension whose content script only reads one property of the document: what any content script costs. */
function minimalExtension() {
  const dir = join(outDir, 'minimal-extension');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'minimal content script',
      version: '1',
      background: { service_worker: 'sw.js' },
      content_scripts: [{ matches: ['http://*/*'], js: ['c.js'], run_at: 'document_end' }],
    }),
  );
  writeFileSync(join(dir, 'sw.js'), '');
  writeFileSync(join(dir, 'c.js'), 'void document.readyState;\n');
  return dir;
}

async function waitFor(fn, timeout = 120_000) {
  const t0 = Date.now();
  for (;;) {
    // The content script may not be listening yet.
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the renderer's metrics before navigation (they count from Performance.enable on). */
async function startMetrics(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

async function scriptDuration(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const get = (n) => metrics.find((m) => m.name === n)?.value ?? 0;
  return { script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000 };
}

/** The page's own first frame after DOMContentLoaded (its first full layout and paint), without us. */
const FRAME_AFTER_DCL = () => {
  document.addEventListener('DOMContentLoaded', () => {
    const t0 = performance.now();
    requestAnimationFrame(() => setTimeout(() => (window.__frameAfterDcl = performance.now() - t0), 0));
  });
};

const slices = (o = {}) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${v.total.toFixed(1)}ms/${v.n} (max ${v.max.toFixed(1)})`)
    .join(', ');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => (typeof x === 'number' ? x.toFixed(2) : String(x));

async function main() {
  mkdirSync(outDir, { recursive: true });
  const big = bigBulletin(ARTICLES);
  writeFileSync(join(outDir, 'big-bulletin.html'), big);
  writeFileSync(join(outDir, 'non-news.html'), nonNews());
  writeFileSync(join(outDir, 'non-news-prose.html'), nonNewsProse());
  const textBytes = Buffer.byteLength(big.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ''), 'utf8');

  const server = await startServer();
  const ext = await launchWithExtension({ dist: process.env.BL_DIST });
  const minimal = await launchWithExtension({ dist: minimalExtension() });
  ext.popup = await ext.context.newPage();
  await ext.popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
  const plain = await chromium.launch({ executablePath: chromePath(), headless: true, args: CHROME_ARGS });
  const plainCtx = await plain.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });

  const results = { nonNews: [], big: [], mark: [], markArray: null };
  try {
    for (let run = 0; run < RUNS; run++) {
      // 1. pages that are not news: renderer script time with the extension, with a one-line content
      //    script (the floor any extension's content script pays), and without any extension.
      for (const kind of ['non-news', 'non-news-prose']) {
        const url = `${server.url}/bench/${kind}.html`;
        const withExt = await loadScriptMs(ext.context, url);
        const p = await ext.context.newPage();
        await p.goto(url);
        await waitFor(() => p.evaluate(() => document.readyState === 'complete' || null));
        await p.waitForTimeout(200);
        const stub = await stubOf(ext, p);
        await p.close();
        const floor = await loadScriptMs(minimal.context, url);
        const without = await loadScriptMs(plainCtx, url);
        results.nonNews.push({ kind, stub, ours: withExt - without, floor: floor - without });
      }

      if (ONLY_NON_NEWS) continue;
      // 2–3. the big bulletin with the extension.
      const b = await ext.context.newPage();
      await b.addInitScript(LONGTASKS);
      await b.addInitScript(FRAME_AFTER_DCL);
      await b.goto(`${server.url}/bench/big-bulletin.html`);
      const sb = await waitFor(async () => {
        const x = await summaryOf(ext, b);
        return x.analysed && x.timing ? x : null;
      });
      // The full script is ready ('ready') once injected and its modules loaded.
      const started = sb.contentCost.timeline?.ready ?? sb.contentCost.timeline?.script ?? 0;
      const page = await b.evaluate((startedAfterDcl) => {
        const hs = CSS.highlights;
        const terms = new Set();
        let ranges = 0;
        for (const [, h] of hs) {
          ranges += h.size;
          for (const r of h) terms.add(r.toString());
        }
        const lt = window.__longtasks ?? [];
        const nav = performance.getEntriesByType('navigation')[0];
        const dcl = nav?.domContentLoadedEventEnd ?? 0;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        const started = (nav?.domContentLoadedEventStart ?? 0) + startedAfterDcl;
        return {
          terms: [...terms],
          ranges,
          ownFirstPaint: fcp - (nav?.domContentLoadedEventStart ?? 0),
          ownFrame: window.__frameAfterDcl ?? NaN,
          ownLoad: (nav?.loadEventStart ?? NaN) - (nav?.domContentLoadedEventStart ?? 0),
          longest: lt.reduce((m, t) => Math.max(m, t.duration), 0),
          longestAfterDcl: lt.filter((t) => t.start >= dcl).reduce((m, t) => Math.max(m, t.duration), 0),
          // Tasks while our script runs (the page's own first layout comes before it starts).
          longestOurs: lt.filter((t) => t.start >= started).reduce((m, t) => Math.max(m, t.duration), 0),
          longtasks: lt.map((t) => `${Math.round(t.start - dcl)}:${Math.round(t.duration)}`).join(' '),
        };
      }, started);
      // Scroll to the end: the last report must get its highlights promptly (lazy painting of large pages).
      const scrolled = await b.evaluate(async () => {
        const last = [...document.querySelectorAll('article')].pop();
        const painted = () => {
          for (const [, h] of CSS.highlights) for (const r of h) if (last.contains(r.startContainer)) return true;
          return false;
        };
        const before = painted();
        const t0 = performance.now();
        last.scrollIntoView();
        while (!painted() && performance.now() - t0 < 5000) await new Promise((r) => requestAnimationFrame(r));
        return { before, after: painted(), ms: performance.now() - t0 };
      });
      await b.close();
      // mark.js gets every term the engine found on the page (painted or not yet).
      page.terms = [...new Set(sb.articles.flatMap((a) => (a.entities ?? []).map((e) => e.text)))];
      results.big.push({
        scrolled,
        lazyPending: sb.contentCost.lazyPending ?? 0,
        articles: sb.articles.length,
        paintMs: sb.timing.paintMs,
        firstPaintMs: sb.contentCost.firstPaintMs,
        timeline: sb.contentCost.timeline,
        ownFirstPaint: page.ownFirstPaint,
        ownFrame: page.ownFrame,
        ownLoad: page.ownLoad,
        slices: sb.contentCost.slices,
        booked: sb.contentCost.mainThreadMs,
        longestSlice: sb.contentCost.longestSliceMs,
        longestSliceLabel: sb.contentCost.longestSlice,
        engine: sb.contentCost.engine,
        ranges: page.ranges,
        terms: page.terms.length,
        longestTask: page.longest,
        longestAfterDcl: page.longestAfterDcl,
        longestOurs: page.longestOurs,
        longtasks: page.longtasks,
      });

      // 4. mark.js on the same page, same terms, no extension.
      const m = await plainCtx.newPage();
      await m.addInitScript(LONGTASKS);
      await m.addInitScript(FRAME_AFTER_DCL);
      await m.goto(`${server.url}/bench/big-bulletin.html`);
      const ownFrame = await waitFor(() => m.evaluate(() => window.__frameAfterDcl ?? null));
      await m.addScriptTag({ path: join(root, 'node_modules/mark.js/dist/mark.min.js') });
      const pageLong = await m.evaluate(() => (window.__longtasks ?? []).reduce((x, t) => Math.max(x, t.duration), 0));
      // mark(array) walks the page once per term (minutes for ~600 terms on 1 MB), so mark.js gets its
      // fastest form for a term set: one alternation RegExp, longest terms first.
      const mk = await m.evaluate(async (terms) => {
        const alt = [...terms]
          .sort((a, b) => b.length - a.length)
          .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|');
        const t0 = performance.now();
        await new Promise((done) =>
          new window.Mark(document.querySelectorAll('article')).markRegExp(new RegExp(alt, 'g'), { done }),
        );
        const marked = performance.now() - t0;
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return { marked, painted: performance.now() - t0, marks: document.querySelectorAll('mark').length };
      }, page.terms);
      await m.close();
      // The same, started at DOMContentLoaded like our content script, timed from DCL to painted: this
      // includes the page's own first layout for both sides.
      const d = await plainCtx.newPage();
      await d.addInitScript(
        ({ lib, terms }) => {
          document.addEventListener('DOMContentLoaded', () => {
            const t0 = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? performance.now();
            (0, eval)(lib);
            const alt = [...terms]
              .sort((a, b) => b.length - a.length)
              .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
              .join('|');
            new window.Mark(document.querySelectorAll('article')).markRegExp(new RegExp(alt, 'g'), {
              done: () => requestAnimationFrame(() => setTimeout(() => (window.__markFromDcl = performance.now() - t0), 0)),
            });
          });
        },
        { lib: readFileSync(join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'), terms: page.terms },
      );
      await d.goto(`${server.url}/bench/big-bulletin.html`);
      const fromDcl = await waitFor(() => d.evaluate(() => window.__markFromDcl ?? null));
      await d.close();
      results.mark.push({ ...mk, pageLongest: pageLong, fromDcl, ownFrame });
      if (process.env.BENCH_MARK_ARRAY === '1' && run === 0) {
        // mark.js's documented array form, once: slow (one pass per term), so opt-in.
        const a = await plainCtx.newPage();
        await a.goto(`${server.url}/bench/big-bulletin.html`);
        await a.addScriptTag({ path: join(root, 'node_modules/mark.js/dist/mark.min.js') });
        results.markArray = await a.evaluate(async (terms) => {
          const t0 = performance.now();
          await new Promise((done) =>
            new window.Mark(document.querySelectorAll('article')).mark(terms, { separateWordSearch: false, done }),
          );
          return performance.now() - t0;
        }, page.terms);
        await a.close();
      }
    }
  } finally {
    await ext.context.close();
    await minimal.context.close();
    await plain.close();
    await server.close();
  }

  const nn = results.nonNews;
  const bg = results.big;
  const mk = results.mark;
  console.log(`\nBulletin Lens content script — ${RUNS} runs, medians (Chromium ${chromePath()})`);
  if (!ONLY_NON_NEWS) console.log(`big bulletin page: ${bg[0].articles} articles found of ${ARTICLES}, ${(textBytes / 1e6).toFixed(2)} MB text (UTF-8), engine in ${bg[0].engine}`);
  console.log('');
  for (const kind of ['non-news', 'non-news-prose']) {
    const xs = nn.filter((x) => x.kind === kind);
    const label = kind === 'non-news' ? 'app screen (menus, forms, a table)' : 'prose page (a how-to with paragraphs)';
    console.log(`page that is not news: ${label}`);
    console.log(`  renderer script time added by the extension (CDP ScriptDuration, with − without)  ${fmt(median(xs.map((x) => x.ours)))} ms (runs: ${xs.map((x) => fmt(x.ours)).join(', ')})`);
    console.log(`  the same for a one-line content script (floor of any content script)              ${fmt(median(xs.map((x) => x.floor)))} ms`);
    console.log(`  full content script loaded: ${xs.map((x) => (x.stub?.full ? 'yes' : 'no')).join(', ')}; requested: ${xs.map((x) => x.stub?.requested ?? 'nothing').join(', ')}`);
  }
  if (ONLY_NON_NEWS) return;
  console.log('large bulletin page');
  console.log(`  the page's own first contentful paint / load event  ${fmt(median(bg.map((x) => x.ownFirstPaint)))} / ${fmt(median(bg.map((x) => x.ownLoad)))} ms after DCL`);
  console.log(`  DOMContentLoaded → the page's own first frame        ${fmt(median(bg.map((x) => x.ownFrame)))} ms (the same loads)`);
  console.log(`  DOMContentLoaded → reports in view painted         ${fmt(median(bg.map((x) => x.firstPaintMs)))} ms`);
  const readyAt = (x) => x.timeline?.ready ?? x.timeline?.script ?? 0;
  console.log(`  full script ready (injected) → in view painted     ${fmt(median(bg.map((x) => x.firstPaintMs - readyAt(x))))} ms (runs: ${bg.map((x) => fmt(x.firstPaintMs - readyAt(x))).join(', ')})`);
  console.log(`  DOMContentLoaded → every report analysed           ${fmt(median(bg.map((x) => x.paintMs)))} ms (large pages: painted when near the viewport)`);
  console.log(`  content script main-thread time (own slices)      ${fmt(median(bg.map((x) => x.booked)))} ms`);
  console.log(`  longest slice of the content script                ${fmt(median(bg.map((x) => x.longestSlice)))} ms (${bg.map((x) => x.longestSliceLabel).join(', ')})`);
  console.log(`  longest task on the page (longtask observer)       ${fmt(median(bg.map((x) => x.longestTask)))} ms`);
  console.log(`  longest task starting after DOMContentLoaded       ${fmt(median(bg.map((x) => x.longestAfterDcl)))} ms`);
  console.log(`  longest task after the content script started        ${fmt(median(bg.map((x) => x.longestOurs)))} ms`);
  console.log(`  long tasks (ms after DCL:duration), last run       ${bg[bg.length - 1].longtasks || 'none'}`);
  console.log(`  slices, last run: ${slices(bg[bg.length - 1].slices)}`);
  console.log(`  start-up milestones (ms after DCL), last run: ${Object.entries(bg[bg.length - 1].timeline ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  // The critical path of every run, as steps after the full script was ready.
  const steps = ['analysis-chunk', 'worker-thread', 'worker-boot', 'worker-loaded', 'worker-evaluated', 'worker-warm', 'engine', 'visible-painted'];
  for (const x of bg) {
    const t = x.timeline ?? {};
    const r0 = t.ready ?? t.script ?? 0;
    console.log(`    run: ready at ${fmt(r0)}; then ${steps.map((k) => `${k} +${t[k] === undefined ? '?' : Math.round(t[k] - r0)}`).join(', ')}`);
  }
  const sc = bg[bg.length - 1].scrolled;
  console.log(`  reports analysed but left unpainted until near view ${median(bg.map((x) => x.lazyPending))}`);
  console.log(`  scroll to the last report → its highlights painted   ${fmt(median(bg.map((x) => x.scrolled.ms)))} ms (painted before scrolling: ${sc.before}, after: ${sc.after})`);
  console.log(`  ranges painted at load / distinct terms on the page${median(bg.map((x) => x.ranges))} / ${median(bg.map((x) => x.terms))}`);
  console.log('mark.js 8.11 baseline, same page and terms, no extension');
  console.log(`  longest task of the page's own load (no extension) ${fmt(median(mk.map((x) => x.pageLongest)))} ms`);
  console.log(`  markRegExp() until done                                  ${fmt(median(mk.map((x) => x.marked)))} ms (${median(mk.map((x) => x.marks))} <mark> elements)`);
  console.log(`  markRegExp() until painted                               ${fmt(median(mk.map((x) => x.painted)))} ms (runs: ${mk.map((x) => fmt(x.painted)).join(', ')})`);
  console.log(`  started at DOMContentLoaded: DCL → painted                ${fmt(median(mk.map((x) => x.fromDcl)))} ms`);
  console.log(`  the page's own first frame after DCL (no highlighter)    ${fmt(median(mk.map((x) => x.ownFrame)))} ms`);
  const ours = median(bg.map((x) => x.paintMs));
  const oursInView = median(bg.map((x) => x.firstPaintMs));
  const theirsFromDcl = median(mk.map((x) => x.fromDcl));
  const oursMain = median(bg.map((x) => x.booked));
  const theirs = median(mk.map((x) => x.painted));
  if (results.markArray !== null) console.log(`  mark(terms[]) until done (one run)                 ${fmt(results.markArray)} ms`);
  console.log('ratios (target ≤ 0.10; no task over 50 ms)');
  const ownFrame = median(bg.map((x) => x.ownFrame));
  const oursFromReady = median(bg.map((x) => x.firstPaintMs - readyAt(x)));
  console.log(`  DCL→in view painted / mark.js DCL→painted          ${fmt(oursInView / theirsFromDcl)}`);
  console.log(`    floor: the page's own first frame (same loads) / mark.js DCL→painted ${fmt(ownFrame / theirsFromDcl)} (nothing is painted before it)`);
  console.log(`  script ready→in view painted / mark.js painted (after load) ${fmt(oursFromReady / theirs)} (both without the page's own layout)`);
  console.log(`  DCL→every report analysed / mark.js DCL→painted    ${fmt(ours / theirsFromDcl)}`);
  console.log(`  our main-thread time / mark.js painted             ${fmt(oursMain / theirs)}`);
  const longest = median(bg.map((x) => x.longestOurs));
  console.log(`  longest task while the content script works ${longest > 50 ? 'OVER' : 'within'} 50 ms (the page's own first layout excluded)`);
  writeFileSync(join(outDir, 'results.json'), JSON.stringify({ textBytes, articles: ARTICLES, ...results }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
