// The main job: serve the sample bulletin page, open it in Chromium with the built extension,
// print what the extension found and save a screenshot. Headless when there is no display.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, tabIdOf } from './browser.mjs';
import { startServer } from './serve-samples.mjs';

const pageName = process.argv[2] ?? 'bulletin.html';
const outDir = resolve('artifacts');
mkdirSync(outDir, { recursive: true });

const server = await startServer();
const headless = !process.env.DISPLAY || process.env.BL_HEADLESS === '1';
const { context, worker } = await launchWithExtension({ headless });
const page = await context.newPage();
const url = `${server.url}/${pageName}`;
await page.goto(url);
const tabId = await tabIdOf(worker, page);

async function summary() {
  return worker.evaluate(async (id) => {
    const got = await chrome.storage.session.get(`summary:${id}`);
    return got[`summary:${id}`] ?? null;
  }, tabId);
}

const deadline = Date.now() + 60_000;
let found = await summary();
while (!(found && found.analysed) && Date.now() < deadline) {
  await page.waitForTimeout(250);
  found = await summary();
}

const shot = resolve(outDir, `${pageName.replace(/\W+/g, '-')}.png`);
if (found?.analysed) {
  // Show the entity card as a reader would see it: click the first highlighted place.
  const point = await page.evaluate(() => {
    const hl = globalThis.CSS?.highlights?.get('bl-place') ?? globalThis.CSS?.highlights?.get('bl-person');
    const range = hl ? [...hl][0] : null;
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const r = range.getClientRects()[0];
    return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  });
  if (point) {
    await page.mouse.click(point.x, point.y);
    await page.waitForTimeout(400);
  }
}
await page.screenshot({ path: shot });

console.log(`Bulletin Lens on ${url}`);
if (!found) {
  console.log('The extension reported nothing for this page.');
} else {
  console.log(`mode: ${found.mode}; analysed: ${found.analysed}; articles: ${found.articles.length}`);
  found.articles.forEach((a, i) => {
    const counts = Object.entries(a.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(`  ${i + 1}. [${a.kind}${a.continued ? ', continued' : ''}] ${a.title || '(untitled)'}`);
    if (a.dateline) console.log(`     ${a.dateline} · reporters: ${a.reporters.join('、') || '—'}`);
    if (counts) console.log(`     ${counts}`);
  });
  const total = Object.entries(found.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(`entities on the page: ${total || 'none'}`);
  if (found.timing) console.log(`analysis ${found.timing.analyseMs.toFixed(1)} ms, painted after ${found.timing.paintMs.toFixed(1)} ms`);
}
console.log(`screenshot: ${shot}`);

if (headless) {
  await context.close();
  await server.close();
} else {
  console.log('Chromium stays open; press Ctrl+C to quit.');
  await new Promise((done) => context.on('close', done));
  await server.close();
}
process.exit(found?.analysed ? 0 : 1);
