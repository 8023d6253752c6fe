import { useEffect, useRef } from 'react';
import { useAppStore } from '../store';
import { PickerPanels } from './PickerPanels';

/** A modal <dialog> to open or create another project without closing this one first; Escape closes it. */
export function SwitchProjectDialog() {
  const open = useAppStore((s) => s.switcherOpen);
  const setSwitcherOpen = useAppStore((s) => s.setSwitcherOpen);
  const clearPickerError = useAppStore((s) => s.clearPickerError);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      clearPickerError();
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open, clearPickerError]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="switch-title"
      data-testid="switch-dialog"
      onClose={() => setSwitcherOpen(false)}
      onKeyDown={(event) => {
        // The native dialog closes on Escape; keep the key from also closing the Jobs drawer.
        if (event.key === 'Escape') event.nativeEvent.stopPropagation();
      }}
    >
      <div className="dialog-header">
        <h2 id="switch-title">Switch project</h2>
        <button type="button" className="icon-button" aria-label="Close (Escape)" onClick={() => setSwitcherOpen(false)}>
          ×
        </button>
      </div>
      {open && <PickerPanels />}
    </dialog>
  );
}
