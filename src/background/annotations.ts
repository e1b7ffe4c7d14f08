// Annotation handlers for content scripts: the only path from a page to the database.
import type { ContentToBackground, ContentToBackgroundResponses } from '../shared/messages';
import { db } from '../db';

type Pick<K extends ContentToBackground['type']> = (
  msg: Extract<ContentToBackground, { type: K }>,
) => Promise<ContentToBackgroundResponses[K]>;

export function initAnnotations(): {
  'annotations:list': Pick<'annotations:list'>;
  'annotation:save': Pick<'annotation:save'>;
  'annotation:delete': Pick<'annotation:delete'>;
} {
  return {
    'annotations:list': async (msg) => db.annotations.where('source').equals(msg.url).toArray(),
    'annotation:save': async (msg) => {
      await db.annotations.put(msg.annotation);
      return { id: msg.annotation.id };
    },
    'annotation:delete': async (msg) => {
      const had = await db.annotations.get(msg.id);
      await db.annotations.delete(msg.id);
      return { deleted: had !== undefined };
    },
  };
}
