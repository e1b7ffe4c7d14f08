// Service worker: routes typed messages; the database lives here and in extension pages only.
import { injectContent } from '../shared/inject';
import { handleFromContent } from '../shared/messages';
import { initAnnotations, recordPageReport } from './annotations';
import { initCommands } from './commands';
import { rememberSummary } from './summaries';

handleFromContent({
  ping: (msg) => ({ sent: msg.sent, received: Date.now(), from: 'background' as const }),
  'content:load': async (_msg, sender) => {
    if (sender.tab?.id === undefined) return { injected: false };
    await injectContent(sender.tab.id, sender.frameId ?? 0);
    return { injected: true };
  },
  'page:report': async (msg, sender) => {
    await rememberSummary(sender.tab?.id, msg.summary);
    // The page and its articles go to the database too, for the notes page and the entity-table export.
    const stored = await recordPageReport(msg.summary);
    return { stored };
  },
  ...initAnnotations(),
});

initCommands();
