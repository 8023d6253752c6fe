import { useEffect, useRef, useState, type FormEvent } from 'react';
import { EMPTY_IMPORT_FORM, toImportArgs, type ImportForm } from '../../../lib/import-form';
import { problemAt } from '../../../lib/problems';
import { useAppStore } from '../../../store';
import { Field } from '../../form/Field';
import { ProblemSummary } from '../../form/ProblemSummary';
import { ColumnOverrides } from './ColumnOverrides';
import { importId, type EditImport } from './import-ids';
import { ImportProgress } from './ImportProgress';
import { SourceFields } from './SourceFields';


const LABELS: Record<string, string> = { 'source.path': 'File path', 'source.url': 'URL', 'source.table': 'Table', 'source.query': 'Query', 'options.name': 'Dataset name', 'options.target': 'Target column' };
const label = (path: string) => LABELS[path] ?? path.replace(/^(source|options)\./, '');

/**
 * The import dialog: a modal <dialog> (focus stays inside, Escape closes). The inputs live here and
 * survive a failed import and a close, so a fix and a retry are one edit away; the job's progress
 * shows in place, with Cancel.
 */
export function ImportDialog() {
  const open = useAppStore((s) => s.importOpen);
  const problem = useAppStore((s) => s.importProblem);
  const starting = useAppStore((s) => s.importStarting);
  const running = useAppStore((s) => s.importJobId !== null);
  const closeImport = useAppStore((s) => s.closeImport);
  const startImport = useAppStore((s) => s.startImport);
  const refuseImport = useAppStore((s) => s.refuseImport);
  const clearProblem = useAppStore((s) => s.clearImportProblem);
  const outcome = useAppStore((s) => s.importOutcome);
  const [form, setForm] = useState<ImportForm>(EMPTY_IMPORT_FORM);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      document.getElementById(importId(form.kind === 'postgres' || form.kind === 'url' ? 'source.url' : 'source.path'))?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, form.kind]);

  // A finished import starts the next one from a clean form.
  useEffect(() => {
    if (outcome) setForm(EMPTY_IMPORT_FORM);
  }, [outcome]);

  const edit: EditImport = (change, paths) => {
    setForm((f) => ({ ...f, ...change }));
    if (problem && paths.some((p) => problemAt(problem, p) !== undefined)) clearProblem();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = toImportArgs(form);
    if ('fields' in built) refuseImport(built.fields);
    else void startImport(built.args);
  };

  const busy = starting || running;
  return (
    <dialog
      ref={ref}
      className="dialog import-dialog"
      aria-labelledby="import-title"
      data-testid="import-dialog"
      onClose={() => {
        if (useAppStore.getState().importOpen) closeImport();
        document.querySelector<HTMLElement>('[data-testid="data-import-open"]')?.focus();
      }}
      onKeyDown={(event) => {
        // The native dialog closes on Escape; keep the key from also closing the Jobs drawer.
        if (event.key === 'Escape') event.nativeEvent.stopPropagation();
      }}
    >
      <div className="dialog-header">
        <h2 id="import-title">Import data</h2>
        <button type="button" className="icon-button" aria-label="Close (Escape)" onClick={closeImport}>
          ×
        </button>
      </div>
      <form className="import-form" noValidate onSubmit={submit}>
        <ProblemSummary problem={problem} idFor={importId} labels={label} testId="import-error" />
        <fieldset className="import-fields" disabled={busy}>
          <SourceFields form={form} edit={edit} problem={problem} />
          <div className="field-grid">
            <Field id={importId('options.name')} label="Dataset name (optional)" hint="Defaults to the file or table name. An existing name gets a new version." error={problemAt(problem, 'options.name')}>
              {(c) => <input {...c} data-testid="import-name" value={form.name} onChange={(e) => edit({ name: e.target.value }, ['options.name'])} autoComplete="off" />}
            </Field>
            <Field id={importId('options.target')} label="Target column (optional)" hint="What the model will predict; you can choose it later in Schema." error={problemAt(problem, 'options.target')}>
              {(c) => <input {...c} data-testid="import-target" value={form.target} onChange={(e) => edit({ target: e.target.value }, ['options.target'])} autoComplete="off" />}
            </Field>
            <Field id={importId('options.onBadRows')} label="If a row is malformed" className="span-2">
              {(c) => (
                <select {...c} data-testid="import-bad-rows" value={form.onBadRows} onChange={(e) => edit({ onBadRows: e.target.value as ImportForm['onBadRows'] }, [])}>
                  <option value="fail">Stop, and import nothing (say which line is wrong)</option>
                  <option value="skip">Skip it, count it and keep a sample</option>
                </select>
              )}
            </Field>
          </div>
          <ColumnOverrides columns={form.columns} problem={problem} onChange={(columns) => edit({ columns }, ['options.columns', 'options.types', 'options.semantic'])} />
        </fieldset>
        <div className="import-footer">
          <ImportProgress />
          <div className="form-actions">
            <button type="submit" className="button primary" data-testid="import-submit" disabled={busy}>
              {starting ? 'Starting…' : running ? 'Importing…' : 'Import'}
            </button>
            <button type="button" className="button ghost" onClick={closeImport}>
              {running ? 'Close (keeps importing)' : 'Close'}
            </button>
          </div>
        </div>
      </form>
    </dialog>
  );
}
