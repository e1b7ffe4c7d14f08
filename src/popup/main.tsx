import { render } from 'preact';
import browser from 'webextension-polyfill';
import { summaryFor } from '../background/summaries';
import { repo, requestPersistence } from '../db';
import { withContent } from '../shared/inject';
import { sendToTab, type PopupToContent, type PopupToContentResponses } from '../shared/messages';
import type { Result } from '../shared/result';
import { loadSettings, saveSettings } from '../shared/settings';
import { targetTabId } from '../shared/tabs';
import { Popup, type TabLink } from './Popup';
import { uiLanguage } from './ui/i18n';
import './ui/style.css';

function linkTo(tabId: number): TabLink {
  // A page that is not news has only the first-check stub: the full content script is injected on demand.
  const send = <M extends PopupToContent>(msg: M): Promise<Result<PopupToContentResponses[M['type']]>> =>
    withContent(tabId, () => sendToTab(tabId, msg));
  return {
    summary: () => send({ type: 'summary:get' }),
    lastKnown: () => summaryFor(tabId),
    setTypes: (enabled) => send({ type: 'types:set', enabled }),
    reveal: (id) => send({ type: 'annotation:reveal', id }),
    reload: () => send({ type: 'annotations:reload' }),
    analyse: () => send({ type: 'page:analyse' }),
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
