import { useEffect, useRef, useState, type ReactNode } from 'react';
import { toShownError } from '../../lib/errors';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; the dialog closes when it resolves and shows the engine's words when it fails. */
  onConfirm(): Promise<unknown>;
  onClose(): void;
  testId: string;
}

/**
 * Asks before an action that changes what a target serves (rollback, undeploy, removing a target).
 * A modal <dialog>: focus starts on Cancel, Escape closes, Enter on the confirm button confirms.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, testId }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const confirm = () => {
    setBusy(true);
    setError(null);
    onConfirm()
      .then(() => ref.current?.close())
      .catch((e: unknown) => setError(toShownError(e).message))
      .finally(() => setBusy(false));
  };

  return (
    <dialog
      ref={ref}
      className="dialog confirm-dialog"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      onClose={onClose}
      onKeyDown={(event) => {
        // The native dialog closes on Escape; keep the key from also closing the Jobs drawer.
        if (event.key === 'Escape') event.nativeEvent.stopPropagation();
      }}
    >
      <div className="dialog-header">
        <h2 id={`${testId}-title`}>{title}</h2>
      </div>
      <div className="confirm-body">{children}</div>
      {error && (
        <p className="form-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button danger" disabled={busy} onClick={confirm} data-testid={`${testId}-confirm`}>
          {busy ? 'Working…' : confirmLabel}
        </button>
        <button type="button" className="button" autoFocus onClick={() => ref.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
