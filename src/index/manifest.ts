import { z } from 'zod';

/** What a saved index says about itself: which embedder built it, and from which corpus files. */
export const INDEX_FORMAT_VERSION = 1;

export const manifestArticleSchema = z.object({
  id: z.string(),
  file: z.string(),
  hash: z.string(),
  outlet: z.string(),
  headline: z.string(),
  published: z.string().nullable(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  passages: z.number().int().min(0),
});

export const manifestSchema = z.object({
  format: z.literal(INDEX_FORMAT_VERSION),
  builtAt: z.string(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  passages: z.number().int().min(0),
  /** sha256 of the HNSW file and the passage store, checked before loading so a damaged file is refused cleanly. */
  checksums: z.object({ hnsw: z.string(), passages: z.string() }),
  articles: z.array(manifestArticleSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestArticle = z.infer<typeof manifestArticleSchema>;
