import type { Lexicon } from '../lexicon/lexicon.js';
import { STOPWORDS, stem, words } from '../text/tokens.js';

/**
 * Query expansion into the corpus's own words: each question word is compared (by static word vectors)
 * with every word the corpus uses, and its closest corpus words are added to the lexical query at a
 * lower weight. "soldiers" finds "troops", "truce" finds "ceasefire", "guns" finds "weapons".
 */
export interface CorpusVocabulary {
  words: string[];
  /** Row-major unit vectors of `words`. */
  vectors: Float32Array;
  dimensions: number;
}

export const EXPANSION_MIN_SIMILARITY = 0.6;
export const EXPANSIONS_PER_WORD = 3;

export function corpusVocabulary(texts: readonly string[], lexicon: Lexicon): CorpusVocabulary {
  const seen = new Set<string>();
  // Each distinct text once (syndicated copies share theirs): the same words.
  for (const text of new Set(texts)) for (const w of words(text)) if (!STOPWORDS.has(w)) seen.add(w);
  return vocabularyOfWords(seen, lexicon);
}

/** corpusVocabulary of the texts whose words (stopwords left out) are `seen`, each once (see buildLexicalIndex). */
export function vocabularyOfWords(seen: Iterable<string>, lexicon: Lexicon): CorpusVocabulary {
  return vocabularyOf([...seen].filter((w) => lexicon.rows.has(w)).sort(), lexicon);
}

/** The vocabulary of these words (sorted, all in the lexicon), with their vectors from the lexicon. */
export function vocabularyOf(words: string[], lexicon: Lexicon): CorpusVocabulary {
  const list = words.filter((w) => lexicon.rows.has(w));
  const dims = lexicon.dimensions;
  const vectors = new Float32Array(list.length * dims);
  list.forEach((w, i) => {
    const row = lexicon.rows.get(w)!;
    vectors.set(lexicon.vectors.subarray(row * dims, (row + 1) * dims), i * dims);
  });
  return { words: list, vectors, dimensions: dims };
}

export interface Expansion {
  /** Corpus word added to the query. */
  term: string;
  /** The question word it stands in for. */
  from: string;
  similarity: number;
}

export function expandQuery(question: string, lexicon: Lexicon, vocabulary: CorpusVocabulary): Expansion[] {
  const dims = vocabulary.dimensions;
  const asked = words(question).filter((w) => !STOPWORDS.has(w));
  const askedStems = new Set(asked.map(stem));
  const out = new Map<string, Expansion>();
  for (const word of new Set(asked)) {
    const row = lexicon.rows.get(word);
    if (row === undefined) continue;
    const q = lexicon.vectors.subarray(row * dims, (row + 1) * dims);
    const best: { i: number; s: number }[] = [];
    for (let i = 0; i < vocabulary.words.length; i++) {
      let s = 0;
      const off = i * dims;
      for (let d = 0; d < dims; d++) s += q[d]! * vocabulary.vectors[off + d]!;
      if (s < EXPANSION_MIN_SIMILARITY) continue;
      best.push({ i, s });
    }
    best.sort((a, b) => b.s - a.s);
    let taken = 0;
    for (const { i, s } of best) {
      const term = vocabulary.words[i]!;
      if (askedStems.has(stem(term))) continue;
      const prior = out.get(term);
      if (!prior || prior.similarity < s) out.set(term, { term, from: word, similarity: s });
      if (++taken >= EXPANSIONS_PER_WORD) break;
    }
  }
  return [...out.values()];
}
