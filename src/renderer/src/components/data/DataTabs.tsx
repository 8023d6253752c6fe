import { useAppStore } from '../../store';
import type { DataTab } from '../../store/data-slice';
import { TabList } from '../TabList';

export const DATA_TABS: { id: DataTab; label: string }[] = [
  { id: 'table', label: 'Table' },
  { id: 'profile', label: 'Profile' },
  { id: 'schema', label: 'Schema' },
  { id: 'groupings', label: 'Groupings' },
  { id: 'clean', label: 'Clean' },
  { id: 'label', label: 'Label' },
  { id: 'split', label: 'Split' },
];

/** Table, Profile, Schema, then the work on a version: Groupings, Clean, Label, Split. */
export function DataTabs() {
  const tab = useAppStore((s) => s.dataTab);
  const setTab = useAppStore((s) => s.setDataTab);
  return <TabList name="data" label="Dataset views" tabs={DATA_TABS} current={tab} onSelect={setTab} />;
}
