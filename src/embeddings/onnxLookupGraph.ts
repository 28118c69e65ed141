import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

/**
 * Encodes an ONNX model that looks words up in an embedding table, shaped like a transformer
 * encoder so that transformers.js can run it for feature extraction:
 *
 *   input_ids      int64 [batch, seq]
 *   attention_mask int64 [batch, seq]
 *   last_hidden_state = Gather(table, input_ids) * Unsqueeze(Cast<float>(attention_mask), 2)
 *                  float [batch, seq, dims]
 *
 * transformers.js then mean-pools the rows under the attention mask and L2-normalises.
 */
export function encodeLookupModel(table: Float32Array, dims: number): Uint8Array {
  if (dims <= 0 || table.length % dims !== 0) {
    throw new Error(`Embedding table of ${table.length} floats does not split into rows of ${dims}.`);
  }
  const rows = table.length / dims;
  const batchBySeq = [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }];
  const int64Input = (name: string) => ({
    name,
    type: { tensorType: { elemType: DataType.INT64, shape: { dim: batchBySeq } } },
  });

  const graph = onnx.GraphProto.create({
    name: 'word_lookup',
    input: [int64Input('input_ids'), int64Input('attention_mask')],
    output: [
      {
        name: 'last_hidden_state',
        type: {
          tensorType: { elemType: DataType.FLOAT, shape: { dim: [...batchBySeq, { dimValue: dims }] } },
        },
      },
    ],
    initializer: [
      {
        name: 'embeddings',
        dataType: DataType.FLOAT,
        dims: [rows, dims],
        rawData: new Uint8Array(table.buffer, table.byteOffset, table.byteLength),
      },
      { name: 'mask_axes', dataType: DataType.INT64, dims: [1], int64Data: [2] },
    ],
    node: [
      { name: 'lookup', opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['word_vectors'], attribute: [
        { name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 },
      ] },
      { name: 'mask_float', opType: 'Cast', input: ['attention_mask'], output: ['mask_f'], attribute: [
        { name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: DataType.FLOAT },
      ] },
      { name: 'mask_expand', opType: 'Unsqueeze', input: ['mask_f', 'mask_axes'], output: ['mask_3d'] },
      { name: 'mask_apply', opType: 'Mul', input: ['word_vectors', 'mask_3d'], output: ['last_hidden_state'] },
    ],
  });

  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'declaration-bot',
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
