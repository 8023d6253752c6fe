import { useRef, type KeyboardEvent } from 'react';
import { STAGES } from '../../../shared/stages';
import { STAGE_STATUS_WORDS } from '../lib/governance-words';
import { useAppStore } from '../store';
import { selectGovernanceDirty } from '../store/selectors';
import { WORKSPACE_VIEWS, type WorkspaceView } from '../store/ui-slice';

/**
 * The Overview, then the lifecycle as a vertical list. Every item is a Tab stop; ArrowUp/ArrowDown
 * (and Home/End) move to the neighbouring item and open it; Alt+0..Alt+7 jump from anywhere (see
 * useWorkspaceKeys). Each stage shows its status from the dashboard.
 */
export function StageNav() {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const stageStates = useAppStore((s) => s.dashboard?.stages);
  const unsaved = useAppStore(selectGovernanceDirty);
  const buttons = useRef(new Map<WorkspaceView, HTMLButtonElement>());

  const go = (id: WorkspaceView) => {
    setView(id);
    buttons.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, id: WorkspaceView) => {
    const index = WORKSPACE_VIEWS.indexOf(id);
    const last = WORKSPACE_VIEWS.length - 1;
    let target: number | null = null;
    if (event.key === 'ArrowDown') target = index === last ? 0 : index + 1;
    else if (event.key === 'ArrowUp') target = index === 0 ? last : index - 1;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = last;
    if (target === null) return;
    event.preventDefault();
    go(WORKSPACE_VIEWS[target]!);
  };

  const item = (id: WorkspaceView, title: string, key: number, hint: string, marker: string, status?: string) => (
    <button
      type="button"
      ref={(el) => {
        if (el) buttons.current.set(id, el);
        else buttons.current.delete(id);
      }}
      className="nav-item"
      data-testid={`nav-${id}`}
      aria-current={id === view ? 'page' : undefined}
      aria-keyshortcuts={`Alt+${key}`}
      title={`${hint} (Alt+${key})`}
      onClick={() => go(id)}
      onKeyDown={(event) => onKeyDown(event, id)}
    >
      <span className="nav-number" aria-hidden="true">
        {marker}
      </span>
      <span className="nav-title">
        {title}
        {status && <span className="visually-hidden">, {status}</span>}
      </span>
      {id === 'objectives' && unsaved && (
        <span className="nav-unsaved" title="Unsaved changes">
          <span aria-hidden="true">●</span>
          <span className="visually-hidden">(unsaved changes)</span>
        </span>
      )}
      <kbd className="nav-key" aria-hidden="true">
        Alt {key}
      </kbd>
    </button>
  );

  return (
    <nav className="stage-nav" aria-label="Project">
      {item('overview', 'Overview', 0, 'The project at a glance: where each stage stands and what to do next', '⌂')}
      <p className="nav-heading">Lifecycle</p>
      <ol>
        {STAGES.map((s, index) => {
          const status = stageStates?.find((state) => state.id === s.id)?.status;
          return (
            <li key={s.id} data-status={status}>
              {item(s.id, s.title, index + 1, s.summary, status === 'done' ? '✓' : String(index + 1), status && STAGE_STATUS_WORDS[status])}
            </li>
          );
        })}
      </ol>
      <p className="nav-help muted">
        ↑ ↓ move · Alt+0…7 jump
        <br />
        Alt+J jobs
      </p>
    </nav>
  );
}
