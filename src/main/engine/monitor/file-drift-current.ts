import type { DuckDBConnection } from '@duckdb/node-api';
import { MlcycleError } from '../../../shared/contract/errors';
import { ident } from '../data/sql';
import { finiteColumns, kindOfType, type Source } from './file-drift-source';

export interface ComparedColumn {
  name: string;
  /** As the reference has it. */
  kind: 'numeric' | 'categorical';
}

const toNumber = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));

/**
 * Fails, naming the column, the file and a value, when a column the reference holds numbers in
 * holds something else in the current file. Text that reads as numbers ("3.5" in a JSON string) is
 * fine; a CSV column of numbers with a stray word in it is the usual culprit.
 */
async function checkNumbers(con: DuckDBConnection, current: Source, columns: ComparedColumn[]): Promise<void> {
  const suspect = columns.filter((c) => c.kind === 'numeric' && kindOfType(current.types.get(c.name)!) !== 'numeric');
  if (!suspect.length) return;
  const sql = `SELECT ${suspect.map((c) => `FIRST(${ident(c.name)}::VARCHAR) FILTER (WHERE ${ident(c.name)} IS NOT NULL AND TRY_CAST(${ident(c.name)} AS DOUBLE) IS NULL)`).join(', ')} FROM ${current.relation}`;
  const examples = (await con.runAndReadAll(sql)).getRows()[0]!;
  const bad = suspect.findIndex((_, k) => examples[k] !== null);
  if (bad < 0) return;
  const column = suspect[bad]!.name;
  throw new MlcycleError('INVALID_ARGUMENT', `Column '${column}' holds numbers in the reference but ${current.types.get(column)} values that are not numbers in the current file ${current.file} (for example '${String(examples[bad])}').`, { column, file: current.file });
}

/**
 * The current file's values of each compared column, as featureDrift takes them: the numbers of a
 * numeric column (missing and non-finite values left out, as featureDrift would), the text of each
 * value of a categorical one. Numbers come from DuckDB's vectors; categories as counts, expanded
 * (order does not matter to a test).
 */
export async function currentValues(con: DuckDBConnection, current: Source, columns: ComparedColumn[]): Promise<Map<string, Array<number | string | null>>> {
  await checkNumbers(con, current, columns);
  const out = new Map<string, Array<number | string | null>>();
  const numeric = columns.filter((c) => c.kind === 'numeric');
  if (numeric.length) {
    const asNumber = (c: ComparedColumn) => (kindOfType(current.types.get(c.name)!) === 'numeric' ? `${ident(c.name)}::DOUBLE` : `TRY_CAST(${ident(c.name)} AS DOUBLE)`);
    const values = await finiteColumns(con, `SELECT ${numeric.map((c) => `COALESCE(${asNumber(c)}, 'NaN'::DOUBLE)`).join(', ')} FROM ${current.relation}`, current.rows);
    numeric.forEach((c, k) => out.set(c.name, values[k]!));
  }
  const categorical = columns.filter((c) => c.kind === 'categorical');
  if (categorical.length) {
    const sql = `${categorical.map((c, i) => `SELECT ${i} AS i, ${ident(c.name)}::VARCHAR AS v, COUNT(*) AS n FROM ${current.relation} WHERE ${ident(c.name)} IS NOT NULL GROUP BY ALL`).join(' UNION ALL ')} ORDER BY i, v`;
    const counted = (await con.runAndReadAll(sql)).getRows().map(([i, v, n]) => ({ i: toNumber(i), v: v as string, n: toNumber(n) }));
    const expanded = categorical.map((_, k) => new Array<string>(counted.filter((c) => c.i === k).reduce((s, c) => s + c.n, 0)));
    const filled = new Array<number>(categorical.length).fill(0);
    for (const { i, v, n } of counted) {
      expanded[i]!.fill(v, filled[i], filled[i]! + n);
      filled[i]! += n;
    }
    categorical.forEach((c, k) => out.set(c.name, expanded[k]!));
  }
  return out;
}
