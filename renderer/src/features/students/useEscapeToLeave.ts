import { useEffect, useRef } from 'react';

const EDITABLE = 'input, textarea, select, [contenteditable="true"], [role="dialog"], [role="listbox"], [role="menu"]';

/**
 * Escape leaves the page (like closing a panel), unless the key was meant for something else:
 * a field, a dialog, an open list, or a form being edited (`enabled` false), so no typing is lost.
 */
export function useEscapeToLeave(enabled: boolean, leave: () => void): void {
  const leaveRef = useRef(leave);
  leaveRef.current = leave;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(EDITABLE)) return;
      leaveRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
