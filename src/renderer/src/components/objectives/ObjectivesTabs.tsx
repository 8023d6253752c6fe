import { useAppStore } from '../../store';
import { selectObjectiveDirty, selectPolicyDirty } from '../../store/selectors';
import type { ObjectivesTab } from '../../store/ui-slice';
import { TabList } from '../TabList';

export const OBJECTIVES_TABS: { id: ObjectivesTab; label: string }[] = [
  { id: 'objective', label: 'Objective' },
  { id: 'people', label: 'People' },
  { id: 'policies', label: 'Policies' },
  { id: 'decisions', label: 'Decision log' },
];

const UNSAVED = (
  <span className="nav-unsaved" title="Unsaved changes">
    <span aria-hidden="true">●</span>
    <span className="visually-hidden">(unsaved changes)</span>
  </span>
);

/** The sections of Objectives, with counts and unsaved-change marks. */
export function ObjectivesTabs() {
  const tab = useAppStore((s) => s.objectivesTab);
  const setTab = useAppStore((s) => s.setObjectivesTab);
  const objectiveDirty = useAppStore(selectObjectiveDirty);
  const policyDirty = useAppStore(selectPolicyDirty);
  const peopleCount = useAppStore((s) => s.people.length);
  const decisionCount = useAppStore((s) => s.timeline.filter((entry) => entry.kind === 'decision').length);

  const counts: Partial<Record<ObjectivesTab, number>> = { people: peopleCount, decisions: decisionCount };
  const unsaved: Partial<Record<ObjectivesTab, boolean>> = { objective: objectiveDirty, policies: policyDirty };
  const tabs = OBJECTIVES_TABS.map((t) => ({
    ...t,
    extra: (
      <>
        {counts[t.id] !== undefined && <span className="tab-count">{counts[t.id]}</span>}
        {unsaved[t.id] && UNSAVED}
      </>
    ),
  }));
  return <TabList name="objectives" label="Objectives sections" tabs={tabs} current={tab} onSelect={setTab} />;
}
