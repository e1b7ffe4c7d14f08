// Annotation handlers for content scripts: the only path from a page to the database.
import type { PageSummary } from '../shared/annotation';
import type { ContentToBackground, ContentToBackgroundResponses } from '../shared/messages';
import { repo } from '../db';

type Pick<K extends ContentToBackground['type']> = (
  msg: Extract<ContentToBackground, { type: K }>,
) => Promise<ContentToBackgroundResponses[K]>;

/** Errors reject, so the content script gets `{ ok: false, error }` with the storage message. */
export function initAnnotations(): {
  'annotations:list': Pick<'annotations:list'>;
  'annotation:save': Pick<'annotation:save'>;
  'annotation:delete': Pick<'annotation:delete'>;
} {
  return {
    'annotations:list': async (msg) => repo().listForPage(msg.url),
    'annotation:save': async (msg) => {
      const saved = await repo().saveAnnotation(msg.annotation);
      return { id: saved.id };
    },
    'annotation:delete': async (msg) => ({ deleted: (await repo().deleteAnnotation(msg.id)) !== null }),
  };
}

/** Upserts the reported page and its articles (call from the 'page:report' handler). */
export async function recordPageReport(summary: PageSummary): Promise<boolean> {
  return repo().recordPage(summary);
}
