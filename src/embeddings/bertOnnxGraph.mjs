// Plain JavaScript (with types in bertOnnxGraph.d.mts) so that `npm ci`'s postinstall can run it without tsx.
import { TextDecoder } from 'node:util';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

/** ONNX opset of the graph: 17 is the first with LayerNormalization. */
export const BERT_OPSET = 17;

/**
 * Reads a safetensors file (an 8-byte little-endian header length, a JSON header, then the raw
 * tensors) into a map from tensor name to its dtype, shape and bytes (views into `file`).
 */
export function readSafetensors(file) {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength <= 0 || 8 + headerLength > file.byteLength) throw new Error('Not a safetensors file: bad header length.');
  const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + headerLength)));
  const dataStart = 8 + headerLength;
  const tensors = new Map();
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const [start, end] = entry.data_offsets;
    if (dataStart + end > file.byteLength) throw new Error(`Tensor ${name} runs past the end of the file.`);
    tensors.set(name, { dtype: entry.dtype, shape: entry.shape, bytes: file.subarray(dataStart + start, dataStart + end) });
  }
  return tensors;
}

/** The fp16 bits of a row-major [rows, cols] matrix, transposed to [cols, rows]. */
function transposeHalf(bytes, rows, cols) {
  const source = new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const out = new Uint16Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = source[r * cols + c];
  }
  return new Uint8Array(out.buffer);
}

const int = (name, i) => ({ name, type: AttributeType.INT, i });
const ints = (name, values) => ({ name, type: AttributeType.INTS, ints: values });
const float = (name, f) => ({ name, type: AttributeType.FLOAT, f });

/**
 * Encodes a BERT encoder (as in Hugging Face's BertModel, without the pooler) as an ONNX model for
 * transformers.js feature extraction:
 *
 *   input_ids, attention_mask, token_type_ids   int64 [batch_size, sequence_length]
 *   last_hidden_state                           float [batch_size, sequence_length, hidden_size]
 *
 * Embeddings (word + position + token type) -> LayerNorm -> N x [multi-head self-attention with an
 * additive mask, dense + residual + LayerNorm, dense + GELU (erf) + dense + residual + LayerNorm].
 * The weights stay fp16 in the file (half the size); Cast nodes turn them into fp32, so every
 * computation is fp32. `tensors` holds Hugging Face's tensor names (`embeddings.word_embeddings.weight`,
 * `encoder.layer.0.attention.self.query.weight`, ...), fp16, Linear weights as [out, in].
 */
export function encodeBertModel(tensors, config) {
  const hidden = config.hidden_size;
  const heads = config.num_attention_heads;
  const layers = config.num_hidden_layers;
  const eps = config.layer_norm_eps ?? 1e-12;
  if (hidden % heads !== 0) throw new Error(`hidden_size ${hidden} does not split into ${heads} heads.`);
  if ((config.hidden_act ?? 'gelu') !== 'gelu') throw new Error(`Only hidden_act "gelu" is supported, not ${config.hidden_act}.`);
  const headSize = hidden / heads;

  const initializer = [];
  const node = [];
  let counter = 0;
  const fresh = (stem) => `${stem}_${counter++}`;

  const tensor = (name, expectedShape) => {
    const t = tensors.get(name);
    if (!t) throw new Error(`The weights have no tensor ${name}.`);
    if (t.dtype !== 'F16') throw new Error(`Tensor ${name} is ${t.dtype}, expected F16.`);
    if (expectedShape && JSON.stringify(t.shape) !== JSON.stringify(expectedShape)) {
      throw new Error(`Tensor ${name} has shape [${t.shape}], expected [${expectedShape}].`);
    }
    return t;
  };
  const addHalf = (name, dims, rawData) => {
    initializer.push({ name, dataType: DataType.FLOAT16, dims, rawData });
    return name;
  };
  const op = (opType, input, attribute = [], output = fresh(opType.toLowerCase())) => {
    node.push({ name: fresh(`n_${opType}`), opType, input, output: [output], attribute });
    return output;
  };
  const toFloat = (input) => op('Cast', [input], [int('to', DataType.FLOAT)]);
  /** An fp16 vector or table, cast to fp32. */
  const weight = (name, shape) => toFloat(addHalf(name, shape, tensor(name, shape).bytes));
  /** x @ W^T + b for a Linear layer named `prefix` with weight [out, in]. */
  const linear = (x, prefix, inSize, outSize) => {
    const w = tensor(`${prefix}.weight`, [outSize, inSize]);
    const wT = toFloat(addHalf(`${prefix}.weight.T`, [inSize, outSize], transposeHalf(w.bytes, outSize, inSize)));
    return op('Add', [op('MatMul', [x, wT]), weight(`${prefix}.bias`, [outSize])]);
  };
  const layerNorm = (x, prefix) =>
    op('LayerNormalization', [x, weight(`${prefix}.weight`, [hidden]), weight(`${prefix}.bias`, [hidden])], [
      int('axis', -1),
      float('epsilon', eps),
    ]);
  const constant = (name, dataType, dims, values) => {
    const field = dataType === DataType.INT64 ? 'int64Data' : 'floatData';
    initializer.push({ name, dataType, dims, [field]: values });
    return name;
  };

  constant('zero_i64', DataType.INT64, [], [0]);
  constant('one_i64', DataType.INT64, [], [1]);
  constant('one_f', DataType.FLOAT, [], [1]);
  // What a masked position adds to the attention scores: the lowest float32, as Hugging Face's BERT.
  constant('mask_value', DataType.FLOAT, [], [-3.4028234663852886e38]);
  constant('mask_axes', DataType.INT64, [2], [1, 2]);
  constant('split_heads_shape', DataType.INT64, [4], [0, 0, heads, headSize]);
  constant('merge_heads_shape', DataType.INT64, [3], [0, 0, hidden]);
  constant('attention_scale', DataType.FLOAT, [], [1 / Math.sqrt(headSize)]);
  constant('inv_sqrt2', DataType.FLOAT, [], [Math.SQRT1_2]);
  constant('half', DataType.FLOAT, [], [0.5]);

  // Embeddings. Tables are looked up in fp16, then only the rows used are cast.
  const vocab = config.vocab_size;
  const lookup = (table, rows, ids) => {
    addHalf(table, [rows, hidden], tensor(table, [rows, hidden]).bytes);
    return toFloat(op('Gather', [table, ids], [int('axis', 0)]));
  };
  const words = lookup('embeddings.word_embeddings.weight', vocab, 'input_ids');
  const seqLength = op('Gather', [op('Shape', ['input_ids']), 'one_i64'], [int('axis', 0)]);
  const positionIds = op('Range', ['zero_i64', seqLength, 'one_i64']);
  const positions = lookup('embeddings.position_embeddings.weight', config.max_position_embeddings, positionIds);
  const types = lookup('embeddings.token_type_embeddings.weight', config.type_vocab_size ?? 2, 'token_type_ids');
  let x = layerNorm(op('Add', [op('Add', [words, positions]), types]), 'embeddings.LayerNorm');

  // [batch, seq] mask -> [batch, 1, 1, seq] additive: 0 where attended, very negative where padded.
  const maskFloat = op('Cast', ['attention_mask'], [int('to', DataType.FLOAT)]);
  const additiveMask = op('Unsqueeze', [op('Mul', [op('Sub', ['one_f', maskFloat]), 'mask_value']), 'mask_axes']);

  for (let l = 0; l < layers; l++) {
    const p = `encoder.layer.${l}`;
    const heads4d = (t, perm) => op('Transpose', [op('Reshape', [t, 'split_heads_shape'])], [ints('perm', perm)]);
    const q = heads4d(linear(x, `${p}.attention.self.query`, hidden, hidden), [0, 2, 1, 3]); // [b, h, s, d]
    const kT = heads4d(linear(x, `${p}.attention.self.key`, hidden, hidden), [0, 2, 3, 1]); // [b, h, d, s]
    const v = heads4d(linear(x, `${p}.attention.self.value`, hidden, hidden), [0, 2, 1, 3]); // [b, h, s, d]
    const scores = op('Add', [op('Mul', [op('MatMul', [q, kT]), 'attention_scale']), additiveMask]);
    const probs = op('Softmax', [scores], [int('axis', -1)]);
    const context = op('Reshape', [
      op('Transpose', [op('MatMul', [probs, v])], [ints('perm', [0, 2, 1, 3])]),
      'merge_heads_shape',
    ]);
    const attended = layerNorm(op('Add', [linear(context, `${p}.attention.output.dense`, hidden, hidden), x]), `${p}.attention.output.LayerNorm`);

    const inner = linear(attended, `${p}.intermediate.dense`, hidden, config.intermediate_size);
    // GELU, exact form: 0.5 * x * (1 + erf(x / sqrt(2))).
    const erf = op('Erf', [op('Mul', [inner, 'inv_sqrt2'])]);
    const gelu = op('Mul', [op('Mul', [inner, op('Add', [erf, 'one_f'])]), 'half']);
    const out = linear(gelu, `${p}.output.dense`, config.intermediate_size, hidden);
    x = layerNorm(op('Add', [out, attended]), `${p}.output.LayerNorm`);
  }
  // The last node writes the graph output.
  node.push({ name: 'n_output', opType: 'Identity', input: [x], output: ['last_hidden_state'], attribute: [] });

  const batchBySeq = [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }];
  const int64Input = (name) => ({
    name,
    type: { tensorType: { elemType: DataType.INT64, shape: { dim: batchBySeq } } },
  });
  const graph = onnx.GraphProto.create({
    name: 'bert_encoder',
    input: [int64Input('input_ids'), int64Input('attention_mask'), int64Input('token_type_ids')],
    output: [
      {
        name: 'last_hidden_state',
        type: { tensorType: { elemType: DataType.FLOAT, shape: { dim: [...batchBySeq, { dimValue: hidden }] } } },
      },
    ],
    initializer,
    node,
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: BERT_OPSET }],
    producerName: 'declaration-bot',
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
