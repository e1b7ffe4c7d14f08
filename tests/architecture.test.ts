// Module boundaries of DEVELOPERS.md, enforced: src/core is DOM-free and browser-free;
// content scripts never reach the database.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      /* try next */
    }
  }
  return null;
}

describe('src/core stays pure', () => {
  const coreFiles = filesUnder(join(root, 'src/core'));

  it('type-checks with no DOM, no WebWorker and no Node types', () => {
    const program = ts.createProgram(coreFiles, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts'],
      types: [],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      resolveJsonModule: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && d.file.fileName.startsWith(join(root, 'src/core')))
      .map((d) => {
        const pos = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${relative(root, d.file!.fileName)}:${pos.line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  });

  it('imports nothing outside src/core but pure packages', () => {
    const forbidden = /^(webextension-polyfill|dexie|preact|node:|fs$|path$|@mozilla\/readability|jsdom|happy-dom)/;
    const bad: string[] = [];
    for (const f of coreFiles) {
      for (const spec of importsOf(f)) {
        const local = resolveLocal(f, spec);
        if (local && !local.startsWith(join(root, 'src/core'))) bad.push(`${relative(root, f)} → ${spec}`);
        if (!spec.startsWith('.') && forbidden.test(spec)) bad.push(`${relative(root, f)} → ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('content scripts never open the database', () => {
  it('no import path from src/content reaches src/db or dexie', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    const stack = filesUnder(join(root, 'src/content'));
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      for (const spec of importsOf(f)) {
        if (spec === 'dexie') bad.push(`${relative(root, f)} → dexie`);
        const local = resolveLocal(f, spec);
        if (!local) continue;
        if (local.startsWith(join(root, 'src/db'))) bad.push(`${relative(root, f)} → ${spec}`);
        stack.push(local);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
    expect(bad).toEqual([]);
  });
});
