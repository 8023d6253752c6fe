import type { Signature } from '../registry/package-docs';

/**
 * Three smoke-test rows made from a package's signature alone: each number at its training minimum,
 * middle and maximum, each category input taking its known levels in turn. Returned column by column.
 */
export function signatureColumns(signature: Signature): Array<{ name: string; datatype: 'FP32' | 'BYTES'; values: Array<number | string> }> {
  return signature.inputs.map((input) => {
    if (input.datatype === 'BYTES') {
      const levels = input.categories?.length ? input.categories : [''];
      return { name: input.name, datatype: 'BYTES', values: [0, 1, 2].map((i) => levels[i % levels.length]!) };
    }
    const lo = input.range?.min ?? 0;
    const hi = input.range?.max ?? lo;
    return { name: input.name, datatype: 'FP32', values: [lo, (lo + hi) / 2, hi] };
  });
}
