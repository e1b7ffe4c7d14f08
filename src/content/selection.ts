// Floating button on text selection. The reader module loads on the first real selection.
import { UI_TAG } from '../dom/tags';

export function initSelection(signal: AbortSignal, onUse: () => void): void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const check = (ev: Event) => {
    if ((ev.target as Element | null)?.closest?.(UI_TAG)) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      const sel = document.getSelection();
      const has = !!sel && !sel.isCollapsed && sel.toString().trim().length > 0;
      if (!has && !used) return;
      used = true;
      onUse();
      void import('./reader').then((r) => r.offerSelection());
    }, 120);
  };
  let used = false;
  document.addEventListener('mouseup', check, { signal, passive: true });
  document.addEventListener('keyup', check, { signal, passive: true });
}
