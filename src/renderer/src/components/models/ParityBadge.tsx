/** Whether the exported ONNX graph reproduces the trained model: words and a mark, not colour alone. */
export function ParityBadge({ passed }: { passed: boolean }) {
  return (
    <span className={passed ? 'badge badge-pass' : 'badge badge-fail'} data-testid="parity-badge">
      <span aria-hidden="true">{passed ? '✓' : '✗'}&nbsp;</span>
      {passed ? 'Parity passed' : 'Parity failed'}
    </span>
  );
}
