// Keyboard commands and the context-menu entries forward to the content script of the tab.
import browser from 'webextension-polyfill';
import { sendFromBackground } from '../shared/messages';

const MENU = [
  { id: 'bl-highlight', title: 'Bulletin Lens: highlight', withNote: false },
  { id: 'bl-note', title: 'Bulletin Lens: highlight with note…', withNote: true },
] as const;

export function initCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    for (const m of MENU) browser.contextMenus.create({ id: m.id, title: m.title, contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const m = MENU.find((x) => x.id === info.menuItemId);
    if (m && tab?.id !== undefined) void sendFromBackground(tab.id, { type: 'selection:highlight', withNote: m.withNote });
  });
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === 'highlight-selection') void sendFromBackground(tab.id, { type: 'selection:highlight' });
    if (command === 'note-selection') void sendFromBackground(tab.id, { type: 'selection:highlight', withNote: true });
  });
}
