// Keyboard commands and the context-menu entry forward to the content script of the tab.
import browser from 'webextension-polyfill';
import { sendFromBackground } from '../shared/messages';

export function initCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'bl-highlight', title: 'Bulletin Lens: highlight', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'bl-highlight' && tab?.id !== undefined) {
      void sendFromBackground(tab.id, { type: 'selection:highlight' });
    }
  });
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === 'highlight-selection') void sendFromBackground(tab.id, { type: 'selection:highlight' });
    if (command === 'note-selection') void sendFromBackground(tab.id, { type: 'selection:highlight', withNote: true });
  });
}
