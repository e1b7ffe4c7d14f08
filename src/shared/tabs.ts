import browser from 'webextension-polyfill';

/** The tab the popup speaks for: `?tab=ID` when opened as a page (tests, notes page), else the active tab. */
export async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** A tab's web page address without its hash (how notes are keyed), or null for other schemes. */
export function pageAddress(url: string | undefined): string | null {
  return url && /^https?:/.test(url) ? url.replace(/#.*$/, '') : null;
}
