import { useEffect } from 'react';
import { useAppStore } from '../store';
import { WORKSPACE_VIEWS } from '../store/ui-slice';

/** The view for Alt+0 (Overview) .. Alt+7 (by physical key, so it works where Alt+digit types a symbol). */
function viewIndexFor(event: KeyboardEvent): number | null {
  const match = /^(?:Digit|Numpad)([0-9])$/.exec(event.code);
  if (!match) return null;
  const index = Number(match[1]);
  return index < WORKSPACE_VIEWS.length ? index : null;
}

/**
 * Workspace-wide keys: Alt+0 opens the Overview, Alt+1..Alt+7 jump to a stage, Alt+J shows or hides
 * the Jobs panel, Escape closes the Jobs drawer (the switch dialog handles its own Escape as a
 * native modal <dialog>).
 */
export function useWorkspaceKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const store = useAppStore.getState();
      if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        const index = viewIndexFor(event);
        if (index !== null) {
          event.preventDefault();
          store.setView(WORKSPACE_VIEWS[index]!);
          return;
        }
        if (event.code === 'KeyJ') {
          event.preventDefault();
          store.setJobsOpen(!store.jobsOpen);
          return;
        }
      }
      if (event.key === 'Escape' && !event.defaultPrevented && !store.switcherOpen && store.jobsOpen) {
        const panel = document.getElementById('jobs-panel');
        const focusWasInside = panel?.contains(document.activeElement) ?? false;
        store.setJobsOpen(false);
        if (focusWasInside) document.getElementById('jobs-toggle')?.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
