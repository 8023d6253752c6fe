/** Placeholder: the Train workspace (being built). */
export function TrainWorkspace() {
  return <p className="muted">Train workspace.</p>;
}
