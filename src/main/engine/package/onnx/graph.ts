import { attributeProto, ELEMENT_TYPES, onnx, type Attribute, type ElementType, type NodeProto, type TensorProto, type ValueInfoProto } from './tensors';

/** A dimension: a fixed size, or a name for one chosen at run time (the batch). */
export type Dim = number | string;

export const ML_DOMAIN = 'ai.onnx.ml';
/**
 * Operator sets written: ai.onnx 17 (2022) and ai.onnx.ml 3 (TreeEnsembleRegressor with double
 * thresholds and weights), with IR version 8 that goes with them. onnxruntime 1.30 also loads
 * ai.onnx.ml 5 (TreeEnsemble), but these older sets are what a deployment's older runtime or
 * converter is likeliest to know too; nothing here needs a newer one.
 */
export const OPSETS = { '': 17, [ML_DOMAIN]: 3 } as const;
export const IR_VERSION = 8;

function valueInfo(name: string, type: ElementType, shape: Dim[]) {
  return {
    name,
    type: { tensorType: { elemType: ELEMENT_TYPES[type], shape: { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  };
}

/**
 * Builds one ONNX graph. Tensor names are unique: inputs are declared first under the names the
 * caller chooses, and every intermediate gets a fresh name from a hint, so no column name can
 * collide with an internal tensor.
 */
export class GraphBuilder {
  private readonly used = new Set<string>();
  /** Names kept for the graph's outputs: fresh names avoid them, and only a node naming its output exactly takes one. */
  private readonly reserved = new Set<string>();
  private readonly nodes: NodeProto[] = [];
  private readonly initializers: TensorProto[] = [];
  private readonly inputs: ValueInfoProto[] = [];
  private readonly outputs: ValueInfoProto[] = [];

  /** A name no tensor has yet: the hint itself, else the hint with a number. */
  fresh(hint: string): string {
    let name = hint;
    for (let k = 1; this.used.has(name) || this.reserved.has(name); k++) name = `${hint}_${k}`;
    this.used.add(name);
    return name;
  }

  reserve(names: readonly string[]): void {
    for (const name of names) this.reserved.add(name);
  }

  /** Takes an exact name; a second use of one is a bug in the exporter. */
  private claim(name: string): string {
    if (this.used.has(name)) throw new Error(`ONNX graph: the name ${name} is taken`);
    this.used.add(name);
    return name;
  }

  input(name: string, type: ElementType, shape: Dim[]): string {
    this.claim(name);
    this.inputs.push(valueInfo(name, type, shape));
    return name;
  }

  /** Declares the tensor `name` (produced by a node that claimed that exact name) a graph output. */
  output(name: string, type: ElementType, shape: Dim[]): void {
    this.outputs.push(valueInfo(name, type, shape));
  }

  constant(hint: string, value: TensorProto): string {
    const name = this.fresh(hint);
    this.initializers.push({ ...value, name });
    return name;
  }

  /** Adds a node and returns its output names (`outputs` names them exactly, else one fresh output per hint). */
  node(op: string, inputs: string[], attributes: Record<string, Attribute> = {}, options: { domain?: string; outputs?: string[]; hints?: string[] } = {}): string[] {
    const outputs = options.outputs?.map((o) => this.claim(o)) ?? (options.hints ?? [op]).map((h) => this.fresh(h));
    this.nodes.push({
      opType: op,
      domain: options.domain ?? '',
      name: this.fresh(`node_${op}`),
      input: inputs,
      output: outputs,
      attribute: Object.entries(attributes).map(([name, a]) => attributeProto(name, a)),
    });
    return outputs;
  }

  /** One-output node: its output name. */
  op(op: string, inputs: string[], attributes: Record<string, Attribute> = {}, options: { domain?: string; output?: string; hint?: string } = {}): string {
    return this.node(op, inputs, attributes, { domain: options.domain, outputs: options.output ? [options.output] : undefined, hints: [options.hint ?? op] })[0]!;
  }

  /** The serialised ModelProto. */
  model(meta: { graphName: string; doc: string; producerVersion: string; metadata: Record<string, string> }): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      producerName: 'mlcycle',
      producerVersion: meta.producerVersion,
      docString: meta.doc,
      opsetImport: Object.entries(OPSETS).map(([domain, version]) => ({ domain, version })),
      metadataProps: Object.entries(meta.metadata).map(([key, value]) => ({ key, value })),
      graph: { name: meta.graphName, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}
