import { useRef, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store';
import { selectObjectiveDirty, selectPolicyDirty } from '../../store/selectors';
import type { ObjectivesTab } from '../../store/ui-slice';

export const OBJECTIVES_TABS: { id: ObjectivesTab; label: string }[] = [
  { id: 'objective', label: 'Objective' },
  { id: 'people', label: 'People' },
  { id: 'policies', label: 'Policies' },
  { id: 'decisions', label: 'Decision log' },
];

/** The sections of Objectives as tabs (ARIA tabs: one Tab stop, arrow keys move and open). */
export function ObjectivesTabs() {
  const tab = useAppStore((s) => s.objectivesTab);
  const setTab = useAppStore((s) => s.setObjectivesTab);
  const objectiveDirty = useAppStore(selectObjectiveDirty);
  const policyDirty = useAppStore(selectPolicyDirty);
  const peopleCount = useAppStore((s) => s.people.length);
  const decisionCount = useAppStore((s) => s.timeline.filter((entry) => entry.kind === 'decision').length);
  const refs = useRef(new Map<ObjectivesTab, HTMLButtonElement>());

  const counts: Partial<Record<ObjectivesTab, number>> = { people: peopleCount, decisions: decisionCount };
  const unsaved: Partial<Record<ObjectivesTab, boolean>> = { objective: objectiveDirty, policies: policyDirty };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = OBJECTIVES_TABS.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = OBJECTIVES_TABS[target]!.id;
    setTab(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label="Objectives sections">
      {OBJECTIVES_TABS.map((t, index) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={`objectives-tab-${t.id}`}
          data-testid={`objectives-tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls={`objectives-panel-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          className="tab"
          onClick={() => setTab(t.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {t.label}
          {counts[t.id] !== undefined && <span className="tab-count">{counts[t.id]}</span>}
          {unsaved[t.id] && (
            <span className="nav-unsaved" title="Unsaved changes">
              <span aria-hidden="true">●</span>
              <span className="visually-hidden">(unsaved changes)</span>
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
