import type { StoredPassage } from '../index/passageStore.js';
import { retrieve, type Hit, type RetrievalMode } from '../retrieval/retrieve.js';
import type { Embedder } from '../types.js';
import type { EngineState } from './engineState.js';

export interface SearchOptions {
  k: number;
  mode?: RetrievalMode;
  expand?: boolean;
  filter?: (p: StoredPassage) => boolean;
  answersType?: (p: StoredPassage) => boolean;
  extraTerms?: ReadonlyMap<string, number>;
}

export interface SearchOutcome {
  hits: Hit[];
  embedMs: number;
  searchMs: number;
}

/** Embeds the question (unless lexical only) and retrieves from the loaded index, timing both. */
export async function searchState(state: EngineState, embedder: Embedder, question: string, options: SearchOptions): Promise<SearchOutcome> {
  const { mode = 'hybrid', ...rest } = options;
  const t0 = performance.now();
  const vector = mode === 'lexical' ? null : (await embedder.embed([question]))[0]!;
  const t1 = performance.now();
  const hits = retrieve(state.search, question, vector, { mode, ...withoutUndefined(rest) });
  return { hits, embedMs: t1 - t0, searchMs: performance.now() - t1 };
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
