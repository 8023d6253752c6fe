import { useRef, type KeyboardEvent } from 'react';
import { STAGES, type StageId } from '../../../shared/stages';
import { useAppStore } from '../store';

/**
 * The lifecycle as a vertical list. Every stage is a Tab stop; ArrowUp/ArrowDown (and Home/End) move
 * to the neighbouring stage and open it; Alt+1..Alt+7 jump from anywhere (see useWorkspaceKeys).
 */
export function StageNav() {
  const stage = useAppStore((s) => s.stage);
  const setStage = useAppStore((s) => s.setStage);
  const buttons = useRef(new Map<StageId, HTMLButtonElement>());

  const go = (id: StageId) => {
    setStage(id);
    buttons.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    let target: number | null = null;
    if (event.key === 'ArrowDown') target = (index + 1) % STAGES.length;
    else if (event.key === 'ArrowUp') target = (index - 1 + STAGES.length) % STAGES.length;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = STAGES.length - 1;
    if (target === null) return;
    event.preventDefault();
    go(STAGES[target]!.id);
  };

  return (
    <nav className="stage-nav" aria-label="Lifecycle stages">
      <p className="nav-heading">Lifecycle</p>
      <ol>
        {STAGES.map((s, index) => {
          const current = s.id === stage;
          return (
            <li key={s.id}>
              <button
                type="button"
                ref={(el) => {
                  if (el) buttons.current.set(s.id, el);
                  else buttons.current.delete(s.id);
                }}
                className="nav-item"
                data-testid={`nav-${s.id}`}
                aria-current={current ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${index + 1}`}
                title={`${s.summary} (Alt+${index + 1})`}
                onClick={() => go(s.id)}
                onKeyDown={(event) => onKeyDown(event, index)}
              >
                <span className="nav-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="nav-title">{s.title}</span>
                <kbd className="nav-key" aria-hidden="true">
                  Alt {index + 1}
                </kbd>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="nav-help muted">↑ ↓ move between stages · Alt+J jobs</p>
    </nav>
  );
}
