// Floating button on text selection. The reader module loads on the first real selection.
import { UI_TAG } from '../dom/tags';

/** The reader has selected some text (not only white space). */
export function hasSelectedText(): boolean {
  const sel = document.getSelection();
  return !!sel && !sel.isCollapsed && sel.toString().trim().length > 0;
}

export function initSelection(signal: AbortSignal, onUse: () => void): void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const check = (ev: Event) => {
    if ((ev.target as Element | null)?.closest?.(UI_TAG)) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (!hasSelectedText() && !used) return;
      used = true;
      onUse();
      void import('./reader').then((r) => r.offerSelection());
    }, 120);
  };
  let used = false;
  document.addEventListener('mouseup', check, { signal, passive: true });
  document.addEventListener('keyup', check, { signal, passive: true });
}
