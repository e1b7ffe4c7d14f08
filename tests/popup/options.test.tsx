// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage: () => '', getUILanguage: () => 'en' } } }));

import { openRepository } from '../../src/db';
import { parseJsonLd } from '../../src/export';
import { Options } from '../../src/options/Options';
import { defaultSettings, type Settings } from '../../src/shared/settings';
import { freshName, makeAnnotation } from '../db/fixtures';
import { allById, byId, click, mount, submit, type, waitFor } from './dom';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  vi.restoreAllMocks();
});

async function setup() {
  const repo = openRepository(freshName());
  await repo.saveAnnotation(makeAnnotation({ quote: '两个确立' }));
  await repo.saveAnnotation(makeAnnotation({ quote: '三抓三促', url: 'https://b.cn/' }));
  let settings: Settings = defaultSettings();
  const deps = {
    repo,
    loadSettings: async () => settings,
    saveSettings: async (s: Settings) => {
      settings = s;
    },
    persist: async () => 'granted' as const,
  };
  const { root, unmount } = mount(<Options deps={deps} />);
  cleanup = unmount;
  await waitFor(() => byId(root, 'type-toggle-person'));
  return { root, repo, settings: () => settings };
}

describe('options page', () => {
  it('turns types off, changes colours and disables a site', async () => {
    const { root, settings } = await setup();
    await click(byId(root, 'type-toggle-date'));
    await waitFor(() => expect(settings().types.date.enabled).toBe(false));
    await type(byId(root, 'type-colour-person'), '#112233');
    await waitFor(() => expect(settings().types.person.colour).toBe('#112233'));
    await type(byId(root, 'site-host'), 'https://www.Example.com/path');
    await submit(byId(root, 'site-add').closest('form')!);
    await waitFor(() => expect(settings().sites).toEqual({ 'example.com': false }));
    expect(allById(root, 'site-rule').map((r) => r.textContent)).toEqual([expect.stringContaining('example.com')]);
    expect(byId(root, 'persist').textContent).toMatch(/persistent/);
  });

  it('deletes everything only after confirmation, offering an export first', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:x'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { root, repo } = await setup();
    await waitFor(() => expect(byId(root, 'stats').textContent).toMatch(/^2 notes/));
    await click(byId(root, 'delete-all'));
    expect(byId(root, 'delete-dialog').textContent).toMatch(/Delete all 2 notes/);
    await click(byId(root, 'delete-cancel'));
    expect((await repo.stats()).annotations).toBe(2);

    await click(byId(root, 'delete-all'));
    await click(byId(root, 'export-first'));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const parsed = parseJsonLd(await blobs[0].text());
    expect(parsed.ok && parsed.value.bundle.annotations).toHaveLength(2);
    await click(byId(root, 'delete-confirm'));
    await waitFor(async () => expect((await repo.stats()).annotations).toBe(0));
    await waitFor(() => expect(byId(root, 'stats').textContent).toMatch(/^0 notes/));
  });
});
