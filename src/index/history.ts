/** The index builds kept on disk, what each holds, and what changed from one to the next. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDir, listBuildNames, MANIFEST_FILE, readCurrentBuildIfValid } from './indexFiles.js';
import { manifestSchema, type Manifest } from './manifest.js';

export interface ArticleChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface KeptBuild {
  name: string;
  builtAt: string;
  current: boolean;
  articles: Manifest['articles'];
  passages: number;
  embedder: string;
  /** Against the build kept before it (null for the oldest kept). */
  changes: ArticleChanges | null;
}

/** What differs between two sets of articles (by id, and by the file's hash for a change). */
export function articleChanges(before: readonly { id: string; hash: string }[], after: readonly { id: string; hash: string }[]): ArticleChanges {
  const old = new Map(before.map((a) => [a.id, a.hash]));
  const now = new Map(after.map((a) => [a.id, a.hash]));
  return {
    added: after.filter((a) => !old.has(a.id)).map((a) => a.id),
    changed: after.filter((a) => old.has(a.id) && old.get(a.id) !== a.hash).map((a) => a.id),
    removed: before.filter((a) => !now.has(a.id)).map((a) => a.id),
  };
}

export async function readBuildManifest(indexDir: string, name: string): Promise<Manifest | null> {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(path.join(buildDir(indexDir, name), MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Every complete build kept, newest first, with what changed against the one kept before it. */
export async function keptBuilds(indexDir: string): Promise<KeptBuild[]> {
  const current = await readCurrentBuildIfValid(indexDir);
  const out: KeptBuild[] = [];
  let before: Manifest | null = null;
  for (const name of await listBuildNames(indexDir)) {
    const manifest = await readBuildManifest(indexDir, name);
    if (!manifest) continue;
    out.push({
      name,
      builtAt: manifest.builtAt,
      current: name === current,
      articles: manifest.articles,
      passages: manifest.passages,
      embedder: manifest.embedder.id,
      changes: before ? articleChanges(before.articles, manifest.articles) : null,
    });
    before = manifest;
  }
  return out.reverse();
}
