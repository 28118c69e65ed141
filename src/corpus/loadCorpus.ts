import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { BotError } from '../errors.js';
import type { Article } from '../types.js';

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'));

const frontMatterSchema = z.object({
  outlet: z.string().trim().min(1),
  headline: z.string().trim().min(1),
  published: isoDate.nullable().default(null),
  url: z.string().url().nullable().default(null),
  author: z.string().trim().min(1).nullable().default(null),
});

export interface CorpusProblem {
  file: string;
  error: BotError;
}

export interface LoadedCorpus {
  articles: Article[];
  /** Files that could not be read; the rest of the corpus is still loaded. */
  problems: CorpusProblem[];
}

const ARTICLE_EXTENSIONS = new Set(['.md', '.txt']);

/** Parses one corpus file. Throws CORPUS_BAD_FRONT_MATTER naming the file when the metadata is unusable. */
export function parseArticle(file: string, raw: string): Article {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by content; pass a fresh options object so errors are not swallowed by its cache.
    parsed = matter(raw, {});
  } catch (cause) {
    throw new BotError(
      'CORPUS_BAD_FRONT_MATTER',
      `${file}: front matter is not valid YAML (${(cause as Error).message.split('\n')[0]})`,
      { file },
      { cause },
    );
  }
  if (Object.keys(parsed.data).length === 0) {
    throw new BotError('CORPUS_BAD_FRONT_MATTER', `${file}: no front matter (outlet, headline, published, url) at the top`, {
      file,
    });
  }
  const meta = frontMatterSchema.safeParse(parsed.data);
  if (!meta.success) {
    const problems = meta.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`).join('; ');
    throw new BotError('CORPUS_BAD_FRONT_MATTER', `${file}: ${problems}`, { file, issues: meta.error.issues });
  }
  const body = parsed.content.replace(/^\s*\n/, '');
  if (body.trim() === '') {
    throw new BotError('CORPUS_BAD_FRONT_MATTER', `${file}: the article has no text after the front matter`, { file });
  }
  return {
    id: path.basename(file, path.extname(file)),
    file,
    ...meta.data,
    body,
    hash: createHash('sha256').update(raw).digest('hex'),
  };
}

/** Reads every article in the corpus folder, in file-name order. Bad files are reported, not fatal. */
export async function loadCorpus(dir: string): Promise<LoadedCorpus> {
  if (!existsSync(dir)) {
    throw new BotError('CORPUS_MISSING', `The corpus folder ${dir} does not exist.`, { dir });
  }
  const names = (await readdir(dir)).filter((n) => ARTICLE_EXTENSIONS.has(path.extname(n)) && !n.startsWith('.')).sort();
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  for (const name of names) {
    const raw = await readFile(path.join(dir, name), 'utf8');
    try {
      articles.push(parseArticle(name, raw));
    } catch (error) {
      if (error instanceof BotError) problems.push({ file: name, error });
      else throw error;
    }
  }
  return { articles, problems };
}
