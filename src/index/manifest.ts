import { createHash } from 'node:crypto';
import { z } from 'zod';

/** What a saved index says about itself: which embedder built it, and from which corpus files. */
/**
 * 2: the manifest carries a checksum of its own content (`checksums.manifest`).
 * 3: the build folder also holds what is derived from the passages (the news layer, the lexical index), each file
 *    under `checksums.derived`. A format-2 build still loads: what it lacks is derived again at load.
 * 4: the vector file also holds one vector per sentence of each passage of several sentences (`sentences` of them,
 *    after the passages'; the passage store says whose). A format-2 or 3 build still loads and answers from its
 *    passage vectors alone; a reindex writes it again in format 4.
 * 5: the passage store says which passage each vector label belongs to (`labels`, see labels.ts), in place of the
 *    sentences' owners: a reindex reuses the graph of the build before (deletes the vectors of changed and removed
 *    articles, adds the new ones), so labels are no longer passage positions. A format-4 build still loads (its
 *    labels are its fresh order); a reindex writes it again in format 5 (from the embedding cache).
 * 6: one vector per distinct text (a passage's own text or a sentence of one): syndicated copies share it, and a
 *    label lists the [passage, sentence] members that have its text (see labels.ts). Search expands a vector into
 *    its passages in the order format 5 gave equal vectors, so the ranking over passages is format 5's under exact
 *    search (HNSW finds more of the true neighbours in the smaller graph: hundreds of identical vectors made islands
 *    in a format-5 graph that search missed). A format-5
 *    (or older) build still loads and answers (a format-5 label is a list of its one member); a reindex writes
 *    it again in format 6, a new graph built from the embedding cache.
 */
export const INDEX_FORMAT_VERSION = 6;

const DERIVED_FILE = /^[a-z][a-z0-9-]*\.json$/;

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
  format: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  builtAt: z.string(),
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive() }),
  passages: z.number().int().min(0),
  /** Sentences of the passages of several sentences, each with its vector (format 4 and 5: after the passages'; format 6: shared by equal texts); none before 4. */
  sentences: z.number().int().min(0).optional(),
  /**
   * sha256 of the HNSW file and the passage store, checked before loading so a damaged file is refused cleanly,
   * and of the manifest itself (see manifestChecksum), so a flipped byte in an outlet name or a URL is caught too.
   */
  checksums: z.object({
    hnsw: z.string(),
    passages: z.string(),
    manifest: z.string(),
    /** Files derived from the passages (format 3): file name in the build folder -> sha256. */
    derived: z.record(z.string().regex(DERIVED_FILE), z.string()).optional(),
  }),
  articles: z.array(manifestArticleSchema),
});

/** A derived file's name, checked: one plain `name.json` in the build folder, never a path. */
export function derivedFileName(name: string): string {
  if (!DERIVED_FILE.test(name)) throw new RangeError(`Not a derived file name: ${JSON.stringify(name)}`);
  return name;
}

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestArticle = z.infer<typeof manifestArticleSchema>;

/** JSON with every object's keys sorted, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * sha256 of the manifest's canonical JSON without `checksums.manifest` (the field that records it).
 * Takes the manifest as read from disk (before schema parsing strips anything), or as built.
 */
export function manifestChecksum(manifest: unknown): string {
  let content = manifest;
  if (manifest !== null && typeof manifest === 'object' && !Array.isArray(manifest)) {
    const { checksums, ...rest } = manifest as Record<string, unknown>;
    if (checksums !== null && typeof checksums === 'object' && !Array.isArray(checksums)) {
      const { manifest: _self, ...others } = checksums as Record<string, unknown>;
      content = { ...rest, checksums: others };
    }
  }
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
