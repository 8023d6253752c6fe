import { useRef, useState, type DragEvent } from 'react';
import { kindForFileName, type ImportForm } from '../../../lib/import-form';
import { uploadFile } from '../../../lib/upload';
import { ProgressBar } from '../../ProgressBar';
import type { EditImport } from './import-ids';

type State = { kind: 'idle' } | { kind: 'uploading'; name: string; fraction: number; abort: AbortController } | { kind: 'error'; message: string } | { kind: 'done'; message: string };

/**
 * Choose or drop a file. In the desktop app the file is read where it lies (the preload turns the
 * dropped File into its path); in a browser the page cannot know paths on the host, so the file is
 * uploaded to the MLCycle host first, with a progress bar and Cancel.
 */
export function FilePicker({ form, edit }: { form: ImportForm; edit: EditImport }) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const desktop = typeof window.mlcycle?.pathForFile === 'function';
  // The name this picker filled in last: a newer file replaces it, a name the user typed stays.
  const autoName = useRef('');

  const take = async (file: File | undefined) => {
    if (!file) return;
    const kind = kindForFileName(file.name);
    const typed = form.name !== '' && form.name !== autoName.current;
    const name = typed ? form.name : file.name.replace(/\.[^.]+$/, '');
    if (!typed) autoName.current = name;
    const unknown = kind ? '' : ` MLCycle cannot tell the format of ${file.name} from its name: pick the source kind above.`;
    if (desktop) {
      edit({ path: window.mlcycle!.pathForFile!(file), name, ...(kind ? { kind } : {}) }, ['source.path']);
      setState({ kind: 'done', message: `Chosen: ${file.name}.${unknown}` });
      return;
    }
    const abort = new AbortController();
    setState({ kind: 'uploading', name: file.name, fraction: 0, abort });
    try {
      const uploaded = await uploadFile(file, (fraction) => setState((s) => (s.kind === 'uploading' ? { ...s, fraction } : s)), abort.signal);
      edit({ path: uploaded.path, name, ...(kind ? { kind } : {}) }, ['source.path']);
      setState({ kind: 'done', message: `Uploaded ${file.name} (${uploaded.bytes.toLocaleString('en')} bytes) to the MLCycle host.${unknown}` });
    } catch (error) {
      setState({ kind: 'error', message: (error as Error).message });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={`drop-zone span-2${over ? ' drop-over' : ''}`}
      data-testid="import-drop"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        Drop a file here, or{' '}
        <button type="button" className="button small" data-testid="import-choose-file" onClick={() => input.current?.click()} disabled={state.kind === 'uploading'}>
          Choose a file…
        </button>
        <span className="muted"> {desktop ? 'It is read where it is; nothing is copied.' : 'It is uploaded to the machine running MLCycle, then imported.'}</span>
      </p>
      <input ref={input} type="file" hidden data-testid="import-file-input" accept=".csv,.tsv,.tab,.txt,.parquet,.json,.ndjson,.jsonl,.sqlite,.sqlite3,.db" onChange={(e) => void take(e.target.files?.[0])} />
      {state.kind === 'uploading' && (
        <div className="progress-row" data-testid="upload-progress">
          <ProgressBar fraction={state.fraction} label={`Uploading ${state.name}`} tone="running" />
          <button type="button" className="button small danger" onClick={() => state.abort.abort()}>
            Cancel upload
          </button>
        </div>
      )}
      {state.kind === 'error' && (
        <p className="form-error" role="alert" data-testid="upload-error">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <p className="muted" role="status" data-testid="upload-done">
          {state.message}
        </p>
      )}
    </div>
  );
}
