// Keyboard commands and the context-menu entries forward to the content script of the tab.
import browser from 'webextension-polyfill';
import { injectContent, withContent } from '../shared/inject';
import { sendFromBackground, type BackgroundToContent } from '../shared/messages';
import { repo } from '../db';
import { pageAddress } from '../shared/tabs';

const MENU = [
  { id: 'bl-highlight', title: 'Bulletin Lens: highlight', withNote: false },
  { id: 'bl-note', title: 'Bulletin Lens: highlight with note…', withNote: true },
] as const;

/** Sends to the tab's content script, injecting it first on a page that has only the stub. */
function toTab(tabId: number, msg: BackgroundToContent): void {
  void withContent(tabId, () => sendFromBackground(tabId, msg));
}

export function initCommands(): void {
  // A page that is not news gets only the stub; one holding the reader's annotations needs the full
  // script to anchor them again.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    const url = pageAddress(tab.url);
    if (change.status !== 'complete' || !url) return;
    void repo()
      .hasAnnotations(url)
      .then((has) => (has ? injectContent(tabId) : undefined))
      .catch(() => undefined);
  });
  browser.runtime.onInstalled.addListener(() => {
    for (const m of MENU) browser.contextMenus.create({ id: m.id, title: m.title, contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const m = MENU.find((x) => x.id === info.menuItemId);
    if (m && tab?.id !== undefined) toTab(tab.id, { type: 'selection:highlight', withNote: m.withNote });
  });
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === 'highlight-selection') toTab(tab.id, { type: 'selection:highlight' });
    if (command === 'note-selection') toTab(tab.id, { type: 'selection:highlight', withNote: true });
  });
}
