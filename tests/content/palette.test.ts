// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

describe('highlight palette', () => {
  it('the manifest CSS file holds exactly the default palette the code would adopt', async () => {
    const { paletteCss } = await import('../../src/content/styles');
    const { DEFAULT_COLOURS } = await import('../../src/shared/settings');
    const file = readFileSync('src/content/highlights.css', 'utf8').replace(/\/\*[\s\S]*?\*\/\n?/, '').trim();
    expect(file).toBe(paletteCss((t) => DEFAULT_COLOURS[t]).trim());
    expect(file).toContain('::highlight(bl-policy-term)');
    expect(file).toContain('::highlight(bl-note-yellow)');
  });
});
