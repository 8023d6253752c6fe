import { useState } from 'react';
import { useAppStore } from '../../store';
import { testTarget } from './useDeploy';

/** "Test connection": reaches the target and checks its token (a local target's server starts for it). */
export function TestButton({ target, small, onBusy }: { target: string; small?: boolean; onBusy?(busy: boolean): void }) {
  const client = useAppStore((s) => s.client);
  const [busy, setBusy] = useState(false);
  const run = () => {
    if (!client) return;
    setBusy(true);
    onBusy?.(true);
    void testTarget(client, target).finally(() => {
      setBusy(false);
      onBusy?.(false);
    });
  };
  return (
    <button type="button" className={`button${small ? ' small' : ''}`} disabled={busy || !client} onClick={run} data-testid="target-test" aria-label={`Test connection to ${target}`}>
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" /> Testing…
        </>
      ) : (
        'Test connection'
      )}
    </button>
  );
}
