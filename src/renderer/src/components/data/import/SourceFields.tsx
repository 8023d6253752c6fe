import { SOURCE_KINDS, type ImportForm, type SourceKind } from '../../../lib/import-form';
import { problemAt, type FormProblem } from '../../../lib/problems';
import { Field } from '../../form/Field';
import { CsvOptions } from './CsvOptions';
import { FilePicker } from './FilePicker';
import { importId, type EditImport } from './import-ids';

interface Props {
  form: ImportForm;
  edit: EditImport;
  problem: FormProblem | null;
}

const PATH_HINTS: Partial<Record<SourceKind, string>> = {
  csv: 'Or type a path on the machine running MLCycle, e.g. /data/customers.csv.',
  parquet: 'A .parquet file.',
  json: 'A JSON array of objects, or one object per line (NDJSON).',
  sqlite: 'A SQLite database file.',
};

/** Where the data comes from: the kind of source and the fields that kind needs. */
export function SourceFields({ form, edit, problem }: Props) {
  const err = (path: string) => problemAt(problem, path);
  const text = (path: string, key: keyof ImportForm, testId?: string, placeholder?: string) => (c: object) => (
    <input {...c} data-testid={testId} value={form[key] as string} placeholder={placeholder} onChange={(e) => edit({ [key]: e.target.value }, [path])} autoComplete="off" spellCheck={false} />
  );
  const hasPath = form.kind !== 'postgres' && form.kind !== 'url';

  return (
    <div className="field-grid">
      <Field id={importId('source.kind')} label="Source" className="span-2">
        {(c) => (
          <select {...c} data-testid="import-kind" value={form.kind} onChange={(e) => edit({ kind: e.target.value as SourceKind }, ['source'])}>
            {SOURCE_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {hasPath && <FilePicker form={form} edit={edit} />}
      {hasPath && (
        <Field id={importId('source.path')} label="File path" hint={PATH_HINTS[form.kind]} error={err('source.path')} className="span-2">
          {text('source.path', 'path', 'import-path', '/path/to/file')}
        </Field>
      )}
      {form.kind === 'json' && (
        <Field id={importId('source.format')} label="Layout">
          {(c) => (
            <select {...c} value={form.jsonFormat} onChange={(e) => edit({ jsonFormat: e.target.value as ImportForm['jsonFormat'] }, [])}>
              <option value="auto">Detect</option>
              <option value="array">One array of objects</option>
              <option value="newline_delimited">One object per line</option>
            </select>
          )}
        </Field>
      )}
      {form.kind === 'sqlite' && (
        <Field id={importId('source.table')} label="Table" error={err('source.table')}>
          {text('source.table', 'table', 'import-table')}
        </Field>
      )}
      {(form.kind === 'postgres' || form.kind === 'url') && (
        <Field
          id={importId('source.url')}
          label={form.kind === 'postgres' ? 'Connection URL' : 'URL'}
          hint={form.kind === 'postgres' ? 'postgresql://user:password@host:5432/database — the password is never stored.' : 'An http(s) address of a CSV, Parquet or JSON file.'}
          error={err('source.url')}
          className="span-2"
        >
          {text('source.url', 'url', 'import-url', form.kind === 'postgres' ? 'postgresql://' : 'https://')}
        </Field>
      )}
      {form.kind === 'url' && (
        <Field id={importId('source.format')} label="Format">
          {(c) => (
            <select {...c} value={form.urlFormat} onChange={(e) => edit({ urlFormat: e.target.value as ImportForm['urlFormat'] }, [])}>
              <option value="auto">Detect from the address</option>
              <option value="csv">CSV</option>
              <option value="parquet">Parquet</option>
              <option value="json">JSON</option>
            </select>
          )}
        </Field>
      )}
      {form.kind === 'postgres' && <PostgresFields form={form} edit={edit} problem={problem} />}
      {form.kind === 'csv' && <CsvOptions form={form} edit={edit} problem={problem} />}
    </div>
  );
}

/** A PostgreSQL table, or a query whose result is imported. */
function PostgresFields({ form, edit, problem }: Props) {
  return (
    <>
      <fieldset className="choice-row span-2">
        <legend>Import</legend>
        {(['table', 'query'] as const).map((mode) => (
          <label key={mode} className="checkbox-row">
            <input type="radio" name="pg-mode" checked={form.pgMode === mode} onChange={() => edit({ pgMode: mode }, ['source.table', 'source.query'])} />
            {mode === 'table' ? 'A table' : 'The result of a query'}
          </label>
        ))}
      </fieldset>
      {form.pgMode === 'table' ? (
        <Field id={importId('source.table')} label="Table" hint="schema.table, or just table" error={problemAt(problem, 'source.table')}>
          {(c) => <input {...c} data-testid="import-table" value={form.table} onChange={(e) => edit({ table: e.target.value }, ['source.table'])} autoComplete="off" />}
        </Field>
      ) : (
        <Field id={importId('source.query')} label="Query" error={problemAt(problem, 'source.query')} className="span-2">
          {(c) => <textarea {...c} data-testid="import-query" rows={4} className="mono" value={form.query} onChange={(e) => edit({ query: e.target.value }, ['source.query'])} spellCheck={false} />}
        </Field>
      )}
    </>
  );
}
