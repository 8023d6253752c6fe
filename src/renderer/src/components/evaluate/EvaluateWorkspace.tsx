/** Placeholder: the Evaluate workspace (being built). */
export function EvaluateWorkspace() {
  return (
    <p className="muted" data-testid="evaluate-empty">
      Evaluate workspace.
    </p>
  );
}
