import { useEffect } from 'react';
import { timeOfDay } from '../lib/format';
import { useAppStore } from '../store';

const NO_LINES: never[] = [];

/** A job's log lines: the stored ones on opening, then live ones as the engine pushes them. */
export function JobLog({ jobId, id }: { jobId: string; id: string }) {
  const lines = useAppStore((s) => s.logs[jobId] ?? NO_LINES);
  const loadLog = useAppStore((s) => s.loadLog);

  useEffect(() => {
    void loadLog(jobId);
  }, [jobId, loadLog]);

  return (
    <div className="job-log" id={id} data-testid="job-log">
      {lines.length === 0 ? (
        <p className="muted">No log lines yet.</p>
      ) : (
        <ol>
          {lines.map((line) => (
            <li key={line.seq} className={`log-${line.level}`}>
              <time dateTime={line.at}>{timeOfDay(line.at)}</time>
              <span className="log-level">{line.level}</span>
              <span className="log-message">{line.message}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
