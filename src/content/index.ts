// Content script entry: wiring only.
import { ENTITY_TYPES, type EntityType } from '../core/types';
import type { PageSummary } from '../shared/annotation';
import { handleFromBackground, handleFromPopup, sendToBackground } from '../shared/messages';

let summary: PageSummary = {
  url: location.href,
  title: document.title,
  mode: 'pending',
  analysed: false,
  articles: [],
  counts: {},
  orphaned: [],
};
let enabled: EntityType[] = [...ENTITY_TYPES];

handleFromPopup({
  'summary:get': () => summary,
  'types:set': (msg) => {
    enabled = msg.enabled;
    return { enabled };
  },
  'annotation:reveal': () => ({ found: false }),
  'annotations:reload': () => ({ anchored: 0, orphaned: 0 }),
});
handleFromBackground({
  'selection:highlight': () => ({ created: false }),
});

void (async () => {
  const sent = performance.now();
  const pong = await sendToBackground({ type: 'ping', sent: Date.now() });
  summary = { ...summary, mode: 'page', backgroundRoundTripMs: pong.ok ? performance.now() - sent : null };
  await sendToBackground({ type: 'page:report', summary });
})();
