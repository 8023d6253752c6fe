import { useState } from 'react';
import { downloadText } from '../../lib/download';
import { toShownError } from '../../lib/errors';
import type { WindowArgs } from '../../lib/monitor-window';
import { useAppStore } from '../../store';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string; bytes: number } | { kind: 'error'; message: string };

/**
 * Export report: the engine writes a self-contained HTML page (plots and statistics, never served
 * rows) on the chosen windows, and it is saved as a download for people who do not open the app.
 */
export function ReportButton({ target, args }: { target: string; args: WindowArgs | null }) {
  const client = useAppStore((s) => s.client);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async () => {
    if (!client || !args) return;
    setState({ kind: 'busy' });
    try {
      const { html, bytes } = await client.call('monitor.report', { target, ...args });
      const file = `monitor-${target}-${new Date().toISOString().slice(0, 10)}.html`;
      downloadText(file, 'text/html', html);
      setState({ kind: 'done', file, bytes });
    } catch (e) {
      setState({ kind: 'error', message: toShownError(e).message });
    }
  };

  return (
    <>
      <button type="button" className="button" disabled={!client || !args || state.kind === 'busy'} onClick={() => void run()} data-testid="monitor-report">
        {state.kind === 'busy' ? 'Writing the report…' : 'Export report'}
      </button>
      {state.kind === 'done' && (
        <span className="muted small-text monitor-report-status" role="status" data-testid="monitor-report-done">
          Saved {state.file} ({Math.max(1, Math.round(state.bytes / 1024))} KB)
        </span>
      )}
      {state.kind === 'error' && (
        <span className="form-error monitor-report-status" role="alert" data-testid="monitor-report-error">
          No report: {state.message}
        </span>
      )}
    </>
  );
}
