import type { GraphBuilder } from '../onnx/graph';
import { floatTensor } from '../onnx/tensors';

/** x · W + b, with W given row-major as [inputs, units] (TensorFlow.js's kernel layout). */
export function dense(g: GraphBuilder, x: string, kernel: ArrayLike<number>, bias: ArrayLike<number>, inputs: number, units: number, hint: string): string {
  const product = g.op('MatMul', [x, g.constant(`${hint}/W`, floatTensor(kernel, [inputs, units]))], {}, { hint: `${hint}/xW` });
  return g.op('Add', [product, g.constant(`${hint}/b`, floatTensor(bias, [units]))], {}, { hint });
}
