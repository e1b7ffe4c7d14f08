// The Firefox build: a real build into a temp folder, its manifest, and Mozilla's linter on it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_FILE, WORKER_FILE } from '../../src/content/worker-boot';

const root = resolve(import.meta.dirname, '../..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);

describe('Firefox build', () => {
  const out = mkdtempSync(join(tmpdir(), 'bl-ff-'));
  let manifest: Record<string, any>;
  beforeAll(() => {
    execFileSync(bin('vite'), ['build', '--mode', 'firefox', '--logLevel', 'error'], {
      cwd: root,
      env: { ...process.env, BL_OUT_DIR: out },
      stdio: 'pipe',
    });
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('uses background.scripts and declares the gecko settings', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.browser_specific_settings.gecko).toMatchObject({
      id: expect.stringContaining('@'),
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    });
  });

  it('ships the engine worker under the fixed name the stub starts it by, loadable by pages', () => {
    expect(existsSync(join(out, WORKER_FILE))).toBe(true);
    const exposed = manifest.web_accessible_resources.flatMap((r: { resources: string[] }) => r.resources);
    expect(exposed).toContain(WORKER_FILE);
    expect(exposed).toContain(MODEL_FILE);
  });

  it('passes web-ext lint with no errors', () => {
    const report = JSON.parse(
      execFileSync(bin('web-ext'), ['lint', '--source-dir', out, '--output', 'json'], { cwd: root, stdio: 'pipe' }).toString(),
    );
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
