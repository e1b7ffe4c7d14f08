import { render } from 'preact';
import browser from 'webextension-polyfill';
import { summaryFor } from '../background/summaries';
import { repo, requestPersistence } from '../db';
import { sendToTab } from '../shared/messages';
import { loadSettings, saveSettings } from '../shared/settings';
import { targetTabId } from '../shared/tabs';
import { Popup, type TabLink } from './Popup';
import { uiLanguage } from './ui/i18n';
import './ui/style.css';

function linkTo(tabId: number): TabLink {
  return {
    summary: () => sendToTab(tabId, { type: 'summary:get' }),
    lastKnown: () => summaryFor(tabId),
    setTypes: (enabled) => sendToTab(tabId, { type: 'types:set', enabled }),
    reveal: (id) => sendToTab(tabId, { type: 'annotation:reveal', id }),
    reload: () => sendToTab(tabId, { type: 'annotations:reload' }),
    analyse: () => sendToTab(tabId, { type: 'page:analyse' }),
  };
}

document.documentElement.lang = uiLanguage();
document.body.classList.add('popup');
void requestPersistence();
void (async () => {
  const tabId = await targetTabId().catch(() => undefined);
  render(
    <Popup
      deps={{
        repo: repo(),
        tab: tabId === undefined ? null : linkTo(tabId),
        loadSettings,
        saveSettings,
        openNotes: () => void browser.tabs.create({ url: browser.runtime.getURL('src/notes/index.html') }),
        openOptions: () => void browser.runtime.openOptionsPage(),
      }}
    />,
    document.getElementById('app')!,
  );
})();
