// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ensureHost, renderLegend, showCard, showNoteEditor } from '../../src/dom/ui';

afterEach(() => document.documentElement.querySelector('bulletin-lens-ui')?.remove());

describe('shadow-root UI', () => {
  it('lives in one host beside <body> and leaves body and head untouched', () => {
    const before = [document.head.outerHTML, document.body.outerHTML];
    const ui = ensureHost(document);
    expect(ensureHost(document).host).toBe(ui.host);
    expect(ui.host.parentNode).toBe(document.documentElement);
    renderLegend(
      ui,
      {
        title: 'Bulletin Lens',
        entries: [{ key: 'person', label: '人名', colour: '#f4a261', count: 3, enabled: true }],
        notes: 1,
        orphaned: 2,
        collapsed: false,
      },
      { toggle: () => {}, collapse: () => {} },
    );
    expect([document.head.outerHTML, document.body.outerHTML]).toEqual(before);
    expect(ui.root.querySelector('[data-testid="bl-legend-notes"]')!.textContent).toBe('笔记 1 · 未能定位 2');
  });

  it('reports legend toggles and renders page text as text, never as markup', () => {
    const ui = ensureHost(document);
    const toggle = vi.fn();
    renderLegend(
      ui,
      {
        title: 't',
        entries: [{ key: 'place', label: '地名', colour: '#2a9d8f', count: 1, enabled: true }],
        notes: 0,
        orphaned: 0,
        collapsed: false,
      },
      { toggle, collapse: () => {} },
    );
    const box = ui.root.querySelector<HTMLInputElement>('[data-testid="bl-toggle-place"]')!;
    box.click();
    expect(toggle).toHaveBeenCalledWith('place', false);

    const evil = '<img src=x onerror="alert(1)">平凉';
    showCard(ui, { x: 10, y: 10 }, { typeLabel: '地名', colour: '#2a9d8f', text: evil, place: '平凉市 · 甘肃省', occurrences: 2 }, { close: () => {} });
    expect(ui.root.querySelector('img')).toBeNull();
    expect(ui.root.querySelector('[data-testid="bl-card-text"]')!.textContent).toBe(evil);
    expect(ui.root.querySelector('[data-testid="bl-card-place"]')!.textContent).toBe('平凉市 · 甘肃省');
  });

  it('collects a note, tags and colour from the editor', () => {
    const ui = ensureHost(document);
    const save = vi.fn();
    showNoteEditor(ui, { x: 0, y: 0 }, '引文', [{ name: 'yellow', css: 'yellow' }, { name: 'blue', css: 'blue' }], { save, cancel: () => {} });
    ui.root.querySelector<HTMLTextAreaElement>('[data-testid="bl-note-text"]')!.value = ' 要核实 ';
    ui.root.querySelector<HTMLInputElement>('[data-testid="bl-note-tags"]')!.value = '调研，产业, 甘肃';
    ui.root.querySelector<HTMLSelectElement>('[data-testid="bl-note-colour"]')!.value = 'blue';
    ui.root.querySelector<HTMLButtonElement>('[data-testid="bl-note-save"]')!.click();
    expect(save).toHaveBeenCalledWith('要核实', ['调研', '产业', '甘肃'], 'blue');
  });
});
