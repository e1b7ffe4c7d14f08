// Last page summary per tab, kept in session storage so a restarted worker still has it.
import browser from 'webextension-polyfill';
import type { PageSummary } from '../shared/annotation';

const key = (tabId: number) => `summary:${tabId}`;

export async function rememberSummary(tabId: number | undefined, summary: PageSummary): Promise<void> {
  if (tabId === undefined) return;
  await browser.storage.session.set({ [key(tabId)]: summary });
}

export async function summaryFor(tabId: number): Promise<PageSummary | undefined> {
  const got = await browser.storage.session.get(key(tabId));
  return got[key(tabId)] as PageSummary | undefined;
}
