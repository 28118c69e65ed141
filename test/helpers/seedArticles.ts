import path from 'node:path';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/types.js';

const CORPUS = path.resolve(import.meta.dirname, '..', '..', 'corpus');

/** The seed articles, and a look-up by part of an article id ("lbc", "daily-mail") that fails loudly. */
export async function seedArticles(): Promise<{ articles: Article[]; article: (idPart: string) => Article }> {
  const { articles } = await loadCorpus(CORPUS);
  const article = (idPart: string): Article => {
    const found = articles.find((a) => a.id.includes(idPart));
    if (!found) throw new Error(`no article ${idPart}`);
    return found;
  };
  return { articles, article };
}
