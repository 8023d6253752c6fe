import { useEffect, useRef } from 'react';

/**
 * The HTML brief in a modal, as the reader will see it. The iframe is sandboxed with nothing
 * allowed: the brief is a static page, so it gets no scripts, forms or navigation.
 */
export function BriefPreviewDialog({ html, onClose }: { html: string; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog brief-dialog"
      aria-labelledby="brief-preview-title"
      data-testid="brief-preview-dialog"
      onClose={onClose}
      onKeyDown={(event) => {
        // The native dialog closes on Escape; keep the key from also closing the Jobs drawer.
        if (event.key === 'Escape') event.nativeEvent.stopPropagation();
      }}
    >
      <div className="dialog-header">
        <h2 id="brief-preview-title">Project brief (preview)</h2>
        <button type="button" className="icon-button" aria-label="Close (Escape)" onClick={() => ref.current?.close()}>
          ×
        </button>
      </div>
      <iframe className="brief-frame" title="Project brief" sandbox="" srcDoc={html} />
    </dialog>
  );
}
