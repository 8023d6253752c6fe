import { timeOfDay } from '../../lib/format';
import { pullWords } from '../../lib/monitor-words';
import { useAppStore } from '../../store';
import { useMonitorStore, type PullShown } from './monitor-store';
import { pullNow } from './useMonitor';

/** Pulls one target now; says so while it runs (a pull can take seconds: the page stays usable). */
export function PullButton({ target, all, small, disabled }: { target: string; all: readonly string[]; small?: boolean; disabled?: boolean }) {
  const client = useAppStore((s) => s.client);
  const pulling = useMonitorStore((s) => s.pulling[target] === true);
  return (
    <button
      type="button"
      className={`button${small ? ' small' : ' primary'}`}
      disabled={!client || pulling || disabled}
      onClick={() => client && void pullNow(client, target, all)}
      data-testid="monitor-pull"
      aria-label={small ? `Pull ${target} now` : undefined}
      title={disabled ? 'Nothing is live on this target' : undefined}
    >
      {pulling ? 'Pulling…' : 'Pull now'}
    </button>
  );
}

/** The last pull of each target from this window, in words; failures as alerts. */
export function PullOutcomes({ pulls, targets }: { pulls: Record<string, PullShown>; targets: readonly string[] }) {
  const shown = targets.filter((t) => pulls[t]);
  if (shown.length === 0) return null;
  return (
    <ul className="monitor-pulls" aria-live="polite" data-testid="monitor-pull-outcomes">
      {shown.map((t) => {
        const p = pulls[t]!;
        const failed = 'error' in p || !p.outcome.ok;
        return (
          <li key={t} className={failed ? 'is-failed' : 'is-ok'} role={failed ? 'alert' : 'status'} data-testid="monitor-pull-outcome" data-target={t} data-ok={String(!failed)}>
            <span className="muted">{timeOfDay(p.at)}</span> {'error' in p ? `Could not pull ${t}: ${p.error}` : pullWords(p.outcome)}
          </li>
        );
      })}
    </ul>
  );
}
