import { useId, useState, type FormEvent } from 'react';
import { useAppStore } from '../store';
import { baseName, examplePath, isAbsolutePath, joinPath } from '../lib/paths';
import { FormError } from './FormError';

/** Create a project: a folder path (there is no native folder dialog in a browser) and an optional name. */
export function CreateProjectForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const [dir, setDir] = useState('');
  const [name, setName] = useState('');
  const busy = useAppStore((s) => s.projectBusy);
  const platform = useAppStore((s) => s.system?.platform);
  const hasError = useAppStore((s) => s.pickerError?.form === 'create');
  const createProject = useAppStore((s) => s.createProject);
  const id = useId();
  const windows = platform?.startsWith('win32') ?? false;
  const folder = dir.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (folder) void createProject(folder, name);
  };

  return (
    <form className="stack" onSubmit={submit} aria-describedby={hasError ? `${id}-error` : undefined}>
      <div className="field">
        <label htmlFor={`${id}-dir`}>Project folder</label>
        <input
          id={`${id}-dir`}
          data-testid="project-dir-input"
          className="mono"
          value={dir}
          onChange={(e) => setDir(e.target.value)}
          placeholder={examplePath(platform)}
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          required
          aria-describedby={`${id}-where`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>
          Name <span className="muted">(optional)</span>
        </label>
        <input
          id={`${id}-name`}
          data-testid="project-name-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={baseName(folder) || 'Defaults to the folder name'}
          maxLength={200}
          autoComplete="off"
        />
      </div>
      <p className="hint" id={`${id}-where`}>
        {folder ? (
          <>
            Creates <code>{joinPath(folder, 'project.db', windows)}</code> and an <code>artifacts</code> folder
            {isAbsolutePath(folder) ? '.' : ', relative to the folder the engine was started in.'} The folder may
            exist but must not already hold a project.
          </>
        ) : (
          'Type the full path of a new or empty folder on the machine running the engine.'
        )}
      </p>
      <FormError form="create" id={`${id}-error`} />
      <div>
        <button type="submit" className="button primary" data-testid="create-project" disabled={busy || !folder}>
          {busy ? 'Working…' : 'Create project'}
        </button>
      </div>
    </form>
  );
}
