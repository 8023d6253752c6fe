import { useEffect } from 'react';
import { useAppStore } from '../store';
import { ConnectionScreen } from './ConnectionScreen';
import { LostConnectionBanner } from './LostConnectionBanner';
import { Notices } from './Notices';
import { ProjectPicker } from './ProjectPicker';
import { Workspace } from './Workspace';

/** The root: connects once, then shows the picker (no project) or the workspace (a project is open). */
export function App() {
  const appState = useAppStore((s) => s.appState);
  const hasSystem = useAppStore((s) => s.system !== null);
  const hasProject = useAppStore((s) => s.project !== null);
  const connect = useAppStore((s) => s.connect);

  useEffect(() => {
    void connect();
  }, [connect]);

  // A failure before the first view loaded replaces the app; a later one keeps it visible under a banner.
  const firstLoad = appState === 'connecting' || (appState === 'error' && !hasSystem);

  return (
    <div className="app" data-app-state={appState}>
      {appState === 'error' && hasSystem && <LostConnectionBanner />}
      {firstLoad ? <ConnectionScreen /> : hasProject ? <Workspace /> : <ProjectPicker />}
      <Notices />
    </div>
  );
}
