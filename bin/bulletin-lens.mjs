#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's ESM loader (no build step).
import { register } from 'tsx/esm/api';

// A closed pipe (`| head`) ends output quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
