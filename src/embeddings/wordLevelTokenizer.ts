/**
 * A word-level tokenizer in the Hugging Face `tokenizer.json` format: NFKC + lowercase, then the
 * BERT pre-tokenizer (split on whitespace, each punctuation character its own token), then a
 * plain vocabulary lookup with `[UNK]` for unknown words. `[PAD]` is id 0, `[UNK]` id 1.
 */
export const PAD_TOKEN = '[PAD]';
export const UNK_TOKEN = '[UNK]';
export const SPECIAL_TOKENS = [PAD_TOKEN, UNK_TOKEN] as const;

/** Longest input, in tokens; longer texts are truncated by transformers.js. */
export const MODEL_MAX_LENGTH = 8192;

// The character classes of the BERT pre-tokenizer, as transformers.js (@huggingface/tokenizers) applies it.
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const TOKEN_PATTERN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');

/** Splits text the way the generated tokenizer does, so a vocabulary can be chosen for a corpus. */
export function wordTokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN_PATTERN) ?? [];
}

/**
 * `tokenizer.json` for the given words: word `i` gets id `SPECIAL_TOKENS.length + i`, so the words
 * must be unique and must not be special tokens (the embedding table is laid out in the same order).
 */
export function tokenizerJson(words: readonly string[]): object {
  const ids = new Map<string, number>();
  for (const token of [...SPECIAL_TOKENS, ...words]) {
    if (ids.has(token)) throw new Error(`Vocabulary lists "${token}" twice or as a special token.`);
    ids.set(token, ids.size);
  }
  // fromEntries defines own properties, so words like `constructor` or `__proto__` are safe.
  const vocab = Object.fromEntries(ids);
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'Sequence', normalizers: [{ type: 'NFKC' }, { type: 'Lowercase' }] },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordLevel', vocab, unk_token: UNK_TOKEN },
  };
}

/** `tokenizer_config.json`: transformers.js takes the unknown and padding tokens from here. */
export function tokenizerConfigJson(): object {
  return {
    tokenizer_class: 'PreTrainedTokenizer',
    unk_token: UNK_TOKEN,
    pad_token: PAD_TOKEN,
    do_lower_case: true,
    model_max_length: MODEL_MAX_LENGTH,
    clean_up_tokenization_spaces: true,
  };
}
