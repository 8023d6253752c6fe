import { useId, useState, type FormEvent } from 'react';
import { useAppStore } from '../store';
import { FormError } from './FormError';

/** "Open sample project": the Palmer penguins project, made in a folder the user names. */
export function SampleProjectForm() {
  const [dir, setDir] = useState('');
  const busy = useAppStore((s) => s.projectBusy);
  const createSample = useAppStore((s) => s.createSampleProject);
  const id = useId();
  const folder = dir.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (folder) void createSample(folder);
  };

  return (
    <form className="stack" onSubmit={submit}>
      <p className="muted">
        344 Palmer penguins of three species (CC0 data), with a written objective — tell the species from beak, flipper and body measurements — ready to take from data to a
        monitored deployment. The overview's next step leads the way.
      </p>
      <label htmlFor={`${id}-dir`}>Folder for the sample project</label>
      <div className="input-row">
        <input
          id={`${id}-dir`}
          data-testid="sample-dir-input"
          className="mono"
          value={dir}
          onChange={(e) => setDir(e.target.value)}
          placeholder="A new or empty folder, e.g. /home/you/penguins"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-error`}
        />
        <button type="submit" className="button primary" data-testid="open-sample-project" disabled={busy || !folder}>
          Open sample project
        </button>
      </div>
      <FormError form="sample" id={`${id}-error`} />
    </form>
  );
}
