import onnxProto from 'onnx-proto';

// onnx-proto is CommonJS whose exports Node cannot name statically: take the namespace off the default.
export const { onnx } = onnxProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type ValueInfoProto = onnxProto.onnx.IValueInfoProto;

export const DataType = onnx.TensorProto.DataType;
export type ElementType = 'float' | 'double' | 'int64' | 'string' | 'uint8';

export const ELEMENT_TYPES: Record<ElementType, number> = {
  float: DataType.FLOAT,
  double: DataType.DOUBLE,
  int64: DataType.INT64,
  string: DataType.STRING,
  uint8: DataType.UINT8,
};

const utf8 = new TextEncoder();

/** Numbers as little-endian raw bytes (the layout ONNX's raw_data asks for; every platform Node runs on here is little-endian). */
function raw(values: Float32Array | Float64Array | BigInt64Array | Uint8Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

export const floatTensor = (values: ArrayLike<number>, dims: number[] = [values.length]): TensorProto => ({ dataType: DataType.FLOAT, dims, rawData: raw(Float32Array.from(values)) });
export const doubleTensor = (values: ArrayLike<number>, dims: number[] = [values.length]): TensorProto => ({ dataType: DataType.DOUBLE, dims, rawData: raw(Float64Array.from(values)) });
export const int64Tensor = (values: ArrayLike<number>, dims: number[] = [values.length]): TensorProto => ({ dataType: DataType.INT64, dims, rawData: raw(BigInt64Array.from(Array.from(values, (v) => BigInt(v)))) });
export const uint8Tensor = (values: ArrayLike<number>, dims: number[] = [values.length]): TensorProto => ({ dataType: DataType.UINT8, dims, rawData: raw(Uint8Array.from(values)) });
export const stringTensor = (values: string[], dims: number[] = [values.length]): TensorProto => ({ dataType: DataType.STRING, dims, stringData: values.map((v) => utf8.encode(v)) });

/** Attribute values, tagged with their ONNX type (a JS number cannot say whether it is an int or a float). */
export type Attribute =
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'string'; value: string }
  | { type: 'ints'; value: ArrayLike<number> }
  | { type: 'floats'; value: ArrayLike<number> }
  | { type: 'strings'; value: string[] }
  | { type: 'tensor'; value: TensorProto };

export const int = (value: number): Attribute => ({ type: 'int', value });
export const float = (value: number): Attribute => ({ type: 'float', value });
export const str = (value: string): Attribute => ({ type: 'string', value });
export const ints = (value: ArrayLike<number>): Attribute => ({ type: 'ints', value });
export const floats = (value: ArrayLike<number>): Attribute => ({ type: 'floats', value });
export const strs = (value: string[]): Attribute => ({ type: 'strings', value });
export const tensor = (value: TensorProto): Attribute => ({ type: 'tensor', value });

export function attributeProto(name: string, a: Attribute): AttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  switch (a.type) {
    case 'int':
      return { name, type: T.INT, i: a.value };
    case 'float':
      return { name, type: T.FLOAT, f: a.value };
    case 'string':
      return { name, type: T.STRING, s: utf8.encode(a.value) };
    case 'ints':
      return { name, type: T.INTS, ints: Array.from(a.value) };
    case 'floats':
      return { name, type: T.FLOATS, floats: Array.from(a.value) };
    case 'strings':
      return { name, type: T.STRINGS, strings: a.value.map((v) => utf8.encode(v)) };
    case 'tensor':
      return { name, type: T.TENSOR, t: a.value };
  }
}
