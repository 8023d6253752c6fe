import { useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store';
import type { DataTab } from '../../store/data-slice';

export const DATA_TABS: { id: DataTab; label: string }[] = [
  { id: 'table', label: 'Table' },
  { id: 'profile', label: 'Profile' },
  { id: 'schema', label: 'Schema' },
];

/** Table, Profile, Schema as ARIA tabs: one Tab stop, arrow keys move and open. */
export function DataTabs() {
  const tab = useAppStore((s) => s.dataTab);
  const setTab = useAppStore((s) => s.setDataTab);
  const refs = useRef(new Map<DataTab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = DATA_TABS.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = DATA_TABS[target]!.id;
    setTab(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label="Dataset views">
      {DATA_TABS.map((t, index) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={`data-tab-${t.id}`}
          data-testid={`data-tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls={`data-panel-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          className="tab"
          onClick={() => setTab(t.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
