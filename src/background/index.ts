// Service worker: routes typed messages; the database lives here and in extension pages only.
import { handleFromContent } from '../shared/messages';
import { initAnnotations } from './annotations';
import { initCommands } from './commands';
import { rememberSummary } from './summaries';

handleFromContent({
  ping: (msg) => ({ sent: msg.sent, received: Date.now(), from: 'background' as const }),
  'page:report': async (msg, sender) => {
    await rememberSummary(sender.tab?.id, msg.summary);
    return { stored: sender.tab?.id !== undefined };
  },
  ...initAnnotations(),
});

initCommands();
