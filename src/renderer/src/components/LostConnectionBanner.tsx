import { useAppStore } from '../store';

/** Shown above a loaded app when the engine goes away: nothing on screen is live any more. */
export function LostConnectionBanner() {
  const error = useAppStore((s) => s.connectionError);
  const reload = useAppStore((s) => s.reload);
  return (
    <div className="banner banner-error" role="alert">
      <span>{error}</span>
      <button type="button" className="button small" onClick={reload}>
        Reload
      </button>
    </div>
  );
}
