import type { ImportOptionsInput, ImportSourceInput, SemanticType } from '../../../shared/data/models';

/** The import dialog's inputs as typed; `toImportArgs` turns them into `data.import` arguments. */

export type SourceKind = ImportSourceInput['kind'];

export const SOURCE_KINDS: { id: SourceKind; label: string }[] = [
  { id: 'csv', label: 'CSV / TSV (delimited text)' },
  { id: 'parquet', label: 'Parquet' },
  { id: 'json', label: 'JSON / NDJSON' },
  { id: 'sqlite', label: 'SQLite table' },
  { id: 'postgres', label: 'PostgreSQL table or query' },
  { id: 'url', label: 'URL (http or https)' },
];

/** The import source a file name suggests, or null when the extension says nothing we read. */
export function kindForFileName(name: string): SourceKind | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  if (['csv', 'tsv', 'tab', 'txt'].includes(ext)) return 'csv';
  if (ext === 'parquet') return 'parquet';
  if (['json', 'ndjson', 'jsonl'].includes(ext)) return 'json';
  if (['sqlite', 'sqlite3', 'db'].includes(ext)) return 'sqlite';
  return null;
}

export interface ColumnOverride {
  name: string;
  /** DuckDB storage type ('' = as detected). */
  type: string;
  semantic: SemanticType | '';
}

export interface ImportForm {
  kind: SourceKind;
  path: string;
  /** SQLite or PostgreSQL table. */
  table: string;
  pgMode: 'table' | 'query';
  query: string;
  /** The PostgreSQL connection URL, or the http(s) address. */
  url: string;
  jsonFormat: 'auto' | 'array' | 'newline_delimited';
  urlFormat: 'auto' | 'csv' | 'parquet' | 'json';
  /** '' = detect. */
  delimiter: string;
  quote: string;
  escape: string;
  header: 'auto' | 'yes' | 'no';
  skipRows: string;
  nullString: string;
  name: string;
  target: string;
  onBadRows: 'fail' | 'skip';
  columns: ColumnOverride[];
}

export const EMPTY_IMPORT_FORM: ImportForm = {
  kind: 'csv',
  path: '',
  table: '',
  pgMode: 'table',
  query: '',
  url: '',
  jsonFormat: 'auto',
  urlFormat: 'auto',
  delimiter: '',
  quote: '',
  escape: '',
  header: 'auto',
  skipRows: '',
  nullString: '',
  name: '',
  target: '',
  onBadRows: 'fail',
  columns: [],
};

export interface ImportArgs {
  source: ImportSourceInput;
  options: ImportOptionsInput;
}

/** Optional text: left out when empty, so the engine's detection applies. */
const opt = (text: string) => (text.trim() === '' ? undefined : text.trim());

function csvSource(form: ImportForm, fields: Record<string, string>): ImportSourceInput {
  const skip = form.skipRows.trim();
  if (skip !== '' && !/^\d+$/.test(skip)) fields['source.skipRows'] = 'a whole number of lines, 0 or more';
  return {
    kind: 'csv',
    path: form.path,
    // A delimiter may be a tab or a space: never trim it.
    ...(form.delimiter !== '' && { delimiter: form.delimiter }),
    ...(form.quote !== '' && { quote: form.quote }),
    ...(form.escape !== '' && { escape: form.escape }),
    ...(form.header !== 'auto' && { header: form.header === 'yes' }),
    ...(skip !== '' && /^\d+$/.test(skip) && { skipRows: Number(skip) }),
    ...(form.nullString !== '' && { nullString: form.nullString }),
  };
}

function source(form: ImportForm, fields: Record<string, string>): ImportSourceInput {
  switch (form.kind) {
    case 'csv':
      return csvSource(form, fields);
    case 'parquet':
      return { kind: 'parquet', path: form.path };
    case 'json':
      return { kind: 'json', path: form.path, format: form.jsonFormat };
    case 'sqlite':
      return { kind: 'sqlite', path: form.path, table: form.table };
    case 'postgres':
      return form.pgMode === 'table' ? { kind: 'postgres', url: form.url.trim(), table: form.table } : { kind: 'postgres', url: form.url.trim(), query: form.query };
    case 'url':
      return { kind: 'url', url: form.url.trim(), format: form.urlFormat };
  }
}

/** The call's arguments, or the fields that cannot be sent as typed (by their path in the arguments). */
export function toImportArgs(form: ImportForm): { args: ImportArgs } | { fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const built = source(form, fields);
  const types: Record<string, string> = {};
  const semantic: Record<string, SemanticType> = {};
  form.columns.forEach((column, index) => {
    const name = column.name.trim();
    if (!name && (column.type || column.semantic)) fields[`options.columns[${index}]`] = 'name the column';
    if (!name) return;
    if (column.type.trim()) types[name] = column.type.trim();
    if (column.semantic) semantic[name] = column.semantic;
  });
  if (Object.keys(fields).length > 0) return { fields };
  const options: ImportOptionsInput = { onBadRows: form.onBadRows, types, semantic };
  if (opt(form.name)) options.name = opt(form.name);
  if (opt(form.target)) options.target = opt(form.target);
  return { args: { source: built, options } };
}
