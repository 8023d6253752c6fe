import { useEffect, useRef } from 'react';

/**
 * Ctrl+S / Cmd+S calls `save` while `enabled` (the form is on screen), instead of the browser's
 * "save page". The latest `save` is always the one called, without re-registering the listener.
 */
export function useSaveShortcut(save: () => void, enabled: boolean): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
