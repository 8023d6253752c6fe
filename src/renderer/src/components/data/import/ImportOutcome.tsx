import { useEffect } from 'react';
import { useAppStore } from '../../../store';

/** How long the outcome stays: long enough to read, then the table gets the room back. */
const SHOWN_MS = 15_000;

/** What the last import did, above the datasets, until dismissed or read. */
export function ImportOutcome() {
  const outcome = useAppStore((s) => s.importOutcome);
  const dismiss = useAppStore((s) => s.dismissImportOutcome);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(dismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome, dismiss]);
  if (!outcome) return null;
  return (
    <div className="import-outcome" role="status" data-testid="import-outcome">
      <span aria-hidden="true">✓</span>
      <span>{outcome}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
