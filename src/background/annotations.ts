// Annotation handlers for content scripts: the only path from a page to the database.
import type { Runtime } from 'webextension-polyfill';
import type { PageSummary } from '../shared/annotation';
import type { ContentToBackground, ContentToBackgroundResponses } from '../shared/messages';
import { repo, STORAGE_MESSAGE_KEY, toStorageError } from '../db';
import { pageAddress } from '../shared/tabs';
import { t, type MessageKey } from '../popup/ui/i18n';

type Pick<K extends ContentToBackground['type']> = (
  msg: Extract<ContentToBackground, { type: K }>,
  sender: Runtime.MessageSender,
) => Promise<ContentToBackgroundResponses[K]>;

/** Rejects with the reader-facing text (the content script shows `{ ok: false, error }`). */
async function explained<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const se = toStorageError(e);
    throw new Error(se.kind === 'invalid' ? se.message : `${t(STORAGE_MESSAGE_KEY[se.kind] as MessageKey)} (${se.message})`);
  }
}

export function initAnnotations(): {
  'annotations:list': Pick<'annotations:list'>;
  'annotation:save': Pick<'annotation:save'>;
  'annotation:delete': Pick<'annotation:delete'>;
} {
  return {
    'annotations:list': (msg) => explained(() => repo().listForPage(msg.url)),
    'annotation:save': (msg, sender) =>
      explained(async () => {
        const saved = await repo().saveAnnotation(msg.annotation);
        // Notes live under the page's canonical URL; the tab's own address lets a reload find them.
        const address = pageAddress(sender.tab?.url);
        if (address) {
          await repo().rememberAddress(address, saved.target.source).catch(() => undefined);
        }
        return { id: saved.id };
      }),
    'annotation:delete': (msg) => explained(async () => ({ deleted: (await repo().deleteAnnotation(msg.id)) !== null })),
  };
}

/** Upserts the reported page and its articles (call from the 'page:report' handler). */
export function recordPageReport(summary: PageSummary): Promise<boolean> {
  return explained(() => repo().recordPage(summary));
}
