import browser from 'webextension-polyfill';

/** The tab the popup speaks for: `?tab=ID` when opened as a page (tests, notes page), else the active tab. */
export async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
