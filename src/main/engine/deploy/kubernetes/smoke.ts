import type { Signature } from '../../registry/package-docs';

/**
 * The smoke test a fresh rollout must pass: a few known rows scored through the Service, in the
 * Open Inference Protocol's request shape, and the answer checked for status, outputs and rows.
 */

export interface SmokeTest {
  /** The package's signature: input names and datatypes, and the outputs to expect. */
  signature: Pick<Signature, 'inputs' | 'outputs'>;
  /** Rows keyed by input name (for example, the first rows of the reference data). */
  rows: Array<Record<string, unknown>>;
}

/** One [N, 1] tensor per input, as `mlcycle serve` takes it; a missing value is NaN or ''. */
export function oipRequest(test: SmokeTest): { inputs: Array<{ name: string; datatype: string; shape: [number, 1]; data: unknown[] }> } {
  return {
    inputs: test.signature.inputs.map((input) => ({
      name: input.name,
      datatype: input.datatype,
      shape: [test.rows.length, 1],
      data: test.rows.map((row) => {
        const v = row[input.name];
        if (input.datatype === 'BYTES') return v === null || v === undefined ? '' : String(v);
        return typeof v === 'number' ? v : v === null || v === undefined || v === '' ? null : Number(v);
      }),
    })),
  };
}

/** null when the answer is right; else what is wrong with it, in words. */
export function smokeProblem(test: SmokeTest, status: number, body: string): string | null {
  if (status !== 200) return `the model answered HTTP ${status}: ${body.slice(0, 300)}`;
  let parsed: { outputs?: Array<{ name?: string; shape?: number[] }> };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return `the model answered 200 but not with JSON: ${body.slice(0, 120)}`;
  }
  const outputs = parsed.outputs ?? [];
  for (const expected of test.signature.outputs) {
    const got = outputs.find((o) => o.name === expected.name);
    if (!got) return `the answer has no '${expected.name}' output (it has ${outputs.map((o) => o.name).join(', ') || 'none'})`;
    if (!Array.isArray(got.shape) || got.shape[0] !== test.rows.length) return `output '${expected.name}' has shape ${JSON.stringify(got.shape)}; ${test.rows.length} rows were sent`;
  }
  return null;
}
