import type { ImportForm } from '../../../lib/import-form';
import { problemAt, type FormProblem } from '../../../lib/problems';
import { Field } from '../../form/Field';
import { importId, type EditImport } from './import-ids';

const DELIMITERS: { value: string; label: string }[] = [
  { value: '', label: 'Detect' },
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab (TSV)' },
  { value: '|', label: 'Pipe |' },
];

/**
 * CSV dialect options, folded away: the engine detects them, and most files need none. Open by
 * itself when one of them was refused, so the message is never hidden.
 */
export function CsvOptions({ form, edit, problem }: { form: ImportForm; edit: EditImport; problem: FormProblem | null }) {
  const err = (path: string) => problemAt(problem, path);
  const refused = ['source.delimiter', 'source.quote', 'source.escape', 'source.skipRows', 'source.nullString'].some((p) => err(p) !== undefined);
  const known = DELIMITERS.some((d) => d.value === form.delimiter);

  return (
    <details className="csv-options span-2" open={refused || undefined}>
      <summary data-testid="import-csv-options">Options: delimiter, quote, header, skipped lines, missing-value text</summary>
      <div className="field-grid">
        <Field id={importId('source.delimiter')} label="Delimiter" error={err('source.delimiter')}>
          {(c) => (
            <div className="input-row">
              <select {...c} data-testid="import-delimiter" value={known ? form.delimiter : 'other'} onChange={(e) => edit({ delimiter: e.target.value === 'other' ? '~' : e.target.value }, ['source.delimiter'])}>
                {DELIMITERS.map((d) => (
                  <option key={d.label} value={d.value}>
                    {d.label}
                  </option>
                ))}
                <option value="other">Other…</option>
              </select>
              {!known && <input aria-label="Other delimiter" value={form.delimiter} maxLength={4} onChange={(e) => edit({ delimiter: e.target.value }, ['source.delimiter'])} />}
            </div>
          )}
        </Field>
        <Field id={importId('source.header')} label="First line">
          {(c) => (
            <select {...c} data-testid="import-header" value={form.header} onChange={(e) => edit({ header: e.target.value as ImportForm['header'] }, [])}>
              <option value="auto">Detect</option>
              <option value="yes">Holds the column names</option>
              <option value="no">Is data (columns get numbered names)</option>
            </select>
          )}
        </Field>
        <Field id={importId('source.quote')} label="Quote character" hint='Detected; usually "' error={err('source.quote')}>
          {(c) => <input {...c} value={form.quote} maxLength={1} onChange={(e) => edit({ quote: e.target.value }, ['source.quote'])} placeholder="detect" />}
        </Field>
        <Field id={importId('source.escape')} label="Escape character" error={err('source.escape')}>
          {(c) => <input {...c} value={form.escape} maxLength={1} onChange={(e) => edit({ escape: e.target.value }, ['source.escape'])} placeholder="detect" />}
        </Field>
        <Field id={importId('source.skipRows')} label="Lines to skip at the top" error={err('source.skipRows')}>
          {(c) => <input {...c} data-testid="import-skip-rows" inputMode="numeric" value={form.skipRows} onChange={(e) => edit({ skipRows: e.target.value }, ['source.skipRows'])} placeholder="0" />}
        </Field>
        <Field id={importId('source.nullString')} label="Text meaning missing" hint="e.g. NA or NULL" error={err('source.nullString')}>
          {(c) => <input {...c} data-testid="import-null" value={form.nullString} onChange={(e) => edit({ nullString: e.target.value }, ['source.nullString'])} placeholder="(empty field)" />}
        </Field>
      </div>
    </details>
  );
}
