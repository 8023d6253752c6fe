import { useId, useState, type FormEvent } from 'react';
import { useAppStore } from '../store';
import { FormError } from './FormError';

/** Open an existing project folder by typing its path. */
export function OpenByPathForm() {
  const [dir, setDir] = useState('');
  const busy = useAppStore((s) => s.projectBusy);
  const openProject = useAppStore((s) => s.openProject);
  const id = useId();
  const folder = dir.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (folder) void openProject(folder, 'open');
  };

  return (
    <form className="stack" onSubmit={submit}>
      <label htmlFor={`${id}-dir`}>Open a project folder by path</label>
      <div className="input-row">
        <input
          id={`${id}-dir`}
          data-testid="open-dir-input"
          className="mono"
          value={dir}
          onChange={(e) => setDir(e.target.value)}
          placeholder="Folder that holds project.db"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button" data-testid="open-project" disabled={busy || !folder}>
          Open
        </button>
      </div>
      <FormError form="open" id={`${id}-error`} />
    </form>
  );
}
