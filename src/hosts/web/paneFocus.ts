/**
 * Keyboard route between the spreadsheet and the task pane. Univer keeps focus in its cell editor
 * and takes Tab for "next cell", so Tab alone never reaches the pane. F6 (Shift+F6 too) moves
 * focus between the sheet and the pane — the key Office uses to reach a task pane — so the whole
 * add-in works without a mouse.
 */
const TABBABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function installPaneFocusShortcut(sheet: HTMLElement, pane: HTMLElement): () => void {
  let lastSheetFocus: HTMLElement | null = null;

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'F6' || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    event.stopPropagation();
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (active && pane.contains(active)) {
      (lastSheetFocus ?? sheet.querySelector<HTMLElement>('[contenteditable="true"]') ?? sheet).focus();
      return;
    }
    if (active && sheet.contains(active)) lastSheetFocus = active;
    // The selected tab first (a tab list is one Tab stop), else the pane's first control.
    const target = pane.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ?? pane.querySelector<HTMLElement>(TABBABLE);
    target?.focus();
  };

  // Capture phase: the spreadsheet's own key handling must not swallow F6.
  window.addEventListener('keydown', onKeyDown, true);
  return () => window.removeEventListener('keydown', onKeyDown, true);
}
