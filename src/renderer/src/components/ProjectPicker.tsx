import { useEffect } from 'react';
import { useAppStore } from '../store';
import { Brand } from './Brand';
import { PickerPanels } from './PickerPanels';
import { ThemeToggle } from './ThemeToggle';

/** The first screen when no project is open. */
export function ProjectPicker() {
  const system = useAppStore((s) => s.system);

  useEffect(() => {
    document.title = 'MLCycle — choose a project';
  }, []);

  return (
    <div className="picker-page">
      <header className="topbar">
        <Brand />
        <div className="topbar-actions">
          <ThemeToggle />
        </div>
      </header>
      <main className="picker-main" id="main">
        <div className="picker-intro">
          <h1>Start with a project</h1>
          <p className="muted">
            One model, from objective to monitoring. Create a project folder or pick up where you left off.
          </p>
        </div>
        <PickerPanels autoFocus />
        {system && (
          <p className="system-line muted">
            MLCycle {__MLCYCLE_VERSION__} · engine {system.version} · {system.host} · {system.platform} · Node {system.node} · {system.cpus} CPUs ·
            signed in as {system.identity}
          </p>
        )}
      </main>
    </div>
  );
}
