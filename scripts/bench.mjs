// `npm run bench`: each benchmark in its own process (clean heap, honest peak memory), one after another.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
  ['engine', 'scripts/bench-core.ts'],
  ['NER model', 'scripts/bench-ner.ts'],
  ['note store', 'scripts/bench-store.ts'],
];
const only = process.argv.slice(2);
let failed = 0;
for (const [name, file] of benches) {
  if (only.length && !only.some((o) => name.includes(o) || file.includes(o))) continue;
  if (!existsSync(file)) {
    console.error(`bench: ${file} is missing`);
    failed++;
    continue;
  }
  console.log(`\n=== ${name} (${file}) ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
