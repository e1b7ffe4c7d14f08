// The one shadow-root UI host, created on first use.
import { ensureHost, type UiHost } from '../dom/ui';

let ui: UiHost | null = null;

export async function getUi(): Promise<UiHost> {
  if (!ui || !ui.host.isConnected) ui = ensureHost(document);
  return ui;
}

export function dropUi(): void {
  ui?.destroy();
  ui = null;
}
