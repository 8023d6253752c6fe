import { useRef, useState, type ReactNode } from 'react';
import { uploadFile } from '../../lib/upload';
import { ProgressBar } from '../ProgressBar';

type Upload = { kind: 'idle' } | { kind: 'uploading'; name: string; fraction: number; abort: AbortController } | { kind: 'error'; message: string };

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(path: string): void;
  hint: ReactNode;
  accept: string;
  placeholder: string;
  testId: string;
}

/**
 * A file the engine reads, as the import form takes one: type its path on the machine running
 * MLCycle, or choose it — in the desktop app its path is used where it lies, in a browser it is
 * uploaded to the host first (with progress and Cancel), since a page cannot see the host's paths.
 */
export function HostFileField({ id, label, value, onChange, hint, accept, placeholder, testId }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload>({ kind: 'idle' });
  const desktop = typeof window.mlcycle?.pathForFile === 'function';

  const take = async (file: File | undefined) => {
    if (!file) return;
    if (desktop) return onChange(window.mlcycle!.pathForFile!(file));
    const abort = new AbortController();
    setUpload({ kind: 'uploading', name: file.name, fraction: 0, abort });
    try {
      const uploaded = await uploadFile(file, (fraction) => setUpload((u) => (u.kind === 'uploading' ? { ...u, fraction } : u)), abort.signal);
      onChange(uploaded.path);
      setUpload({ kind: 'idle' });
    } catch (error) {
      setUpload({ kind: 'error', message: (error as Error).message });
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input id={id} value={value} onChange={(e) => onChange(e.target.value)} placeholder={placeholder} autoComplete="off" spellCheck={false} data-testid={testId} aria-describedby={`${id}-hint`} />
        <button type="button" className="button" onClick={() => input.current?.click()} disabled={upload.kind === 'uploading'}>
          Choose…
        </button>
      </div>
      <input ref={input} type="file" hidden accept={accept} onChange={(e) => void take(e.target.files?.[0])} />
      <p className="hint" id={`${id}-hint`}>
        {hint} {desktop ? '' : 'A chosen file is uploaded to the machine running MLCycle.'}
      </p>
      {upload.kind === 'uploading' && (
        <div className="progress-row">
          <ProgressBar fraction={upload.fraction} label={`Uploading ${upload.name}`} tone="running" />
          <button type="button" className="button small danger" onClick={() => upload.abort.abort()}>
            Cancel upload
          </button>
        </div>
      )}
      {upload.kind === 'error' && (
        <p className="form-error" role="alert">
          {upload.message}
        </p>
      )}
    </div>
  );
}
