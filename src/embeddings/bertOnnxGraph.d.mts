/** Types for bertOnnxGraph.mjs (plain JavaScript so that the postinstall script runs without tsx). */

/** ONNX opset of the graph: 17 is the first with LayerNormalization. */
export declare const BERT_OPSET: number;

export interface SafeTensor {
  /** safetensors dtype, e.g. `F16`, `F32`, `I64`. */
  dtype: string;
  shape: number[];
  /** The raw little-endian data, a view into the file's bytes. */
  bytes: Uint8Array;
}

/** Reads a safetensors file into tensors by name. */
export declare function readSafetensors(file: Uint8Array): Map<string, SafeTensor>;

/** The fields of a Hugging Face BERT `config.json` that shape the graph. */
export interface BertConfig {
  hidden_size: number;
  num_attention_heads: number;
  num_hidden_layers: number;
  intermediate_size: number;
  vocab_size: number;
  max_position_embeddings: number;
  type_vocab_size?: number;
  layer_norm_eps?: number;
  hidden_act?: string;
}

/**
 * A BERT encoder as an ONNX model: inputs `input_ids`, `attention_mask`, `token_type_ids` (int64
 * [batch_size, sequence_length]), output `last_hidden_state` (float [batch_size, sequence_length,
 * hidden_size]); fp16 weights cast to fp32 in the graph.
 */
export declare function encodeBertModel(tensors: Map<string, SafeTensor>, config: BertConfig): Uint8Array;
