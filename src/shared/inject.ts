// Pages get only the first-check stub (content/stub.iife.ts); the full content script is injected into
// a tab when its page is news, when the reader acts on it (selection, popup, command), or when it holds
// the reader's annotations.
import browser from 'webextension-polyfill';
import contentScript from '../content/main.ts?script';
import { err, type Result } from './result';

export async function injectContent(tabId: number, frameId = 0): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [contentScript] });
}

const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

/**
 * Sends a message to a tab's content script, injecting the full script first when the page has only
 * the stub, then retrying while the script starts (its handlers register as its modules evaluate).
 */
export async function withContent<T>(tabId: number, send: () => Promise<Result<T>>, waitMs = 3000): Promise<Result<T>> {
  const first = await send();
  if (first.ok || !NO_RECEIVER.test(first.error)) return first;
  try {
    await injectContent(tabId);
  } catch (e) {
    return err(`Bulletin Lens cannot run on this page (${e instanceof Error ? e.message : String(e)})`);
  }
  const until = Date.now() + waitMs;
  for (;;) {
    const r = await send();
    if (r.ok || !NO_RECEIVER.test(r.error) || Date.now() > until) return r;
    await new Promise((done) => setTimeout(done, 50));
  }
}
