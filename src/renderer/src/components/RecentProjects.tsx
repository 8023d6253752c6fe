import { useEffect } from 'react';
import { useAppStore } from '../store';
import { dateTime } from '../lib/format';
import { FormError } from './FormError';

/** Recently opened projects, newest first; a folder that has gone is shown, disabled, as missing. */
export function RecentProjects() {
  const recent = useAppStore((s) => s.recent);
  const busy = useAppStore((s) => s.projectBusy);
  const current = useAppStore((s) => s.project?.dir);
  const loadRecent = useAppStore((s) => s.loadRecent);
  const openProject = useAppStore((s) => s.openProject);

  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);

  return (
    <div className="stack">
      <h3 className="subheading">Recent</h3>
      <FormError form="recent" id="recent-error" />
      {recent.length === 0 ? (
        <p className="muted">No recent projects yet. Projects you create or open appear here.</p>
      ) : (
        <ul className="recent-list">
          {recent.map((item) => {
            const isCurrent = item.dir === current;
            return (
              <li key={item.dir}>
                <button
                  type="button"
                  className="recent-item"
                  data-testid="recent-project"
                  data-missing={item.exists ? undefined : 'true'}
                  disabled={!item.exists || busy || isCurrent}
                  onClick={() => void openProject(item.dir, 'recent')}
                  title={item.dir}
                >
                  <span className="recent-name">
                    {item.name}
                    {!item.exists && <span className="badge badge-warn">missing</span>}
                    {isCurrent && <span className="badge">open</span>}
                  </span>
                  <span className="recent-dir mono">{item.dir}</span>
                  <span className="recent-when muted">Opened {dateTime(item.openedAt)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
