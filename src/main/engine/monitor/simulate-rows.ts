import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '../duckdb';
import { MlcycleError } from '../../../shared/contract/errors';
import { ident, lit } from '../data/sql';

/** A model input as the server's metadata lists it. */
export interface ModelInput {
  name: string;
  datatype: string;
}

/** `feature=expression`: from the shift point on, the feature takes the expression's value (DuckDB SQL over the row's columns). */
export interface Shift {
  feature: string;
  expression: string;
}

export type Cell = number | string | null;

export interface SimRow {
  /** Each model input's value, in the inputs' order. */
  values: Cell[];
  /** Each shift's value, in the shifts' order. */
  shifted: Cell[];
  label: string | null;
}

/** The rows to replay, held in an in-memory DuckDB table in source order. */
export interface SimRows {
  total: number;
  /** Rows [from, to), in source order. */
  page(from: number, to: number): Promise<SimRow[]>;
  close(): void;
}

/** The DuckDB table expression that reads a CSV or Parquet file. */
export function fileRelation(file: string): string {
  if (/\.parquet$/i.test(file)) return `read_parquet(${lit(file)})`;
  if (/\.(csv|tsv|txt)$/i.test(file)) return `read_csv(${lit(file)}, header = true)`;
  throw new MlcycleError('INVALID_ARGUMENT', `${file}: simulate reads .csv or .parquet files (or a dataset of the project).`, { field: 'from' });
}

/** Numbers travel as DOUBLE (the server rounds to float32), categories as text. */
const castTo = (input: ModelInput) => (input.datatype === 'BYTES' ? 'VARCHAR' : 'DOUBLE');

/**
 * Reads the source once into a temporary table: each model input cast as the server reads it, each
 * shift's value beside it, and the label column as text. Refuses, naming what is wrong, a source
 * without a column the model needs, a shift of a feature the model does not take, and a shift
 * expression DuckDB cannot evaluate on the rows.
 */
export async function openSimRows(relation: string, inputs: ModelInput[], shifts: Shift[], labelColumn: string | null, limit: number | null): Promise<SimRows> {
  const names = new Set(inputs.map((i) => i.name));
  for (const s of shifts) {
    if (!names.has(s.feature)) throw new MlcycleError('INVALID_ARGUMENT', `--shift ${s.feature}: the model has no input '${s.feature}'; its inputs are ${[...names].join(', ')}.`, { field: 'shift', feature: s.feature });
  }
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await instance.connect();
  const close = () => {
    con.closeSync();
    instance.closeSync();
  };
  try {
    try {
      await con.run(`CREATE TEMP TABLE src AS SELECT * FROM ${relation}${limit === null ? '' : ` LIMIT ${limit}`}`);
    } catch (error) {
      throw new MlcycleError('INVALID_ARGUMENT', `The rows to send cannot be read: ${(error as Error).message}`, { field: 'from' });
    }
    // The shift expressions are the user's SQL: past this point they can reach the rows and nothing else (no files, no settings).
    await con.run('SET enable_external_access = false');
    await con.run('SET lock_configuration = true');
    const columns = new Set((await con.runAndReadAll('DESCRIBE src')).getRowObjects().map((r) => String(r.column_name)));
    const missing = inputs.filter((i) => !columns.has(i.name)).map((i) => i.name);
    if (missing.length) throw new MlcycleError('INVALID_ARGUMENT', `The source has no column ${missing.join(', ')}, which the model needs (it has ${[...columns].join(', ')}).`, { field: 'from' });
    if (labelColumn !== null && !columns.has(labelColumn)) throw new MlcycleError('INVALID_ARGUMENT', `--labels-out: the source has no column '${labelColumn}' (the model's target) to take labels from.`, { field: 'labelsOut' });
    const inputOf = new Map(inputs.map((i) => [i.name, i]));
    // Each expression alone first, over every row, so an error names the expression it came from.
    for (const s of shifts) await checkExpression(con, s, castTo(inputOf.get(s.feature)!));
    const select = [
      ...inputs.map((i, k) => `TRY_CAST(${ident(i.name)} AS ${castTo(i)}) AS "__in${k}"`),
      ...shifts.map((s, k) => `CAST((${s.expression}) AS ${castTo(inputOf.get(s.feature)!)}) AS "__shift${k}"`),
      labelColumn === null ? 'NULL::VARCHAR AS __label' : `CAST(${ident(labelColumn)} AS VARCHAR) AS __label`,
    ];
    // A plain table keeps the source's order, and its rowid numbers the rows from 0 in that order.
    await con.run(`CREATE TEMP TABLE sim AS SELECT ${select.join(', ')} FROM src`);
    await con.run('DROP TABLE src');
    const total = Number((await con.runAndReadAll('SELECT COUNT(*) FROM sim')).getRows()[0]![0]);
    return {
      total,
      async page(from, to) {
        const rows = (await con.runAndReadAll(`SELECT * FROM sim WHERE rowid >= ${from} AND rowid < ${to} ORDER BY rowid`)).getRows();
        return rows.map((r) => ({
          values: r.slice(0, inputs.length).map(cell),
          shifted: r.slice(inputs.length, inputs.length + shifts.length).map(cell),
          label: r[inputs.length + shifts.length] === null ? null : String(r[inputs.length + shifts.length]),
        }));
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

const cell = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === 'number' ? (Number.isFinite(v) ? v : null) : String(v));

async function checkExpression(con: DuckDBConnection, s: Shift, type: string): Promise<void> {
  try {
    await con.run(`SELECT COUNT(CAST((${s.expression}) AS ${type})) FROM src`);
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    throw new MlcycleError('INVALID_ARGUMENT', `--shift ${s.feature}=${s.expression}: DuckDB cannot evaluate it as ${type === 'DOUBLE' ? 'a number' : 'text'} on the rows: ${why}`, { field: 'shift', feature: s.feature });
  }
}
