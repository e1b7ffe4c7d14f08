// Service worker: routes typed messages; the database lives here and in extension pages only.
import { handleFromContent } from '../shared/messages';
import { initAnnotations, recordPageReport } from './annotations';
import { initCommands } from './commands';
import { rememberSummary } from './summaries';

handleFromContent({
  ping: (msg) => ({ sent: msg.sent, received: Date.now(), from: 'background' as const }),
  'page:report': async (msg, sender) => {
    await rememberSummary(sender.tab?.id, msg.summary);
    // The page and its articles go to the database too, for the notes page and the entity-table export.
    const stored = await recordPageReport(msg.summary);
    return { stored };
  },
  ...initAnnotations(),
});

initCommands();
