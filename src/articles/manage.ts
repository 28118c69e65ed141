/**
 * Managing the coverage: previewing an article from a link or a file, publishing it (the corpus file written and the
 * index rebuilt, under the reindex lock, both undone if anything fails), removing one, listing the corpus, the
 * history of index builds and rolling back. The terminal (`npm run articles`) and Discord (`/articles`) call these.
 */
import { existsSync } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import type { Engine } from '../engine/types.js';
import { BotError } from '../errors.js';
import { actorLabel, auditLogPath, JsonLinesAuditLog, type Actor, type AuditEntry } from '../index/audit.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import { keptBuilds, type ArticleChanges } from '../index/history.js';
import { readCurrentBuildIfValid } from '../index/indexFiles.js';
import { readManifestIfAny } from '../index/loadIndex.js';
import type { ReindexReport } from '../index/report.js';
import { corpusFileText, extractFromFile, makeDraft, redraft, type ArticleDraft, type DetailOverrides, type DraftContext, type DraftSource } from '../ingest/draft.js';
import { extractFromHtml, type ExtractedArticle } from '../ingest/extract.js';
import { fetchPolicy, safeFetch, type FetchPolicy } from '../ingest/safeFetch.js';

export interface ManageDeps {
  config: Config;
  engine: Engine;
  /** The fetch policy (default: from the settings). */
  policy?: FetchPolicy;
}

export async function corpusIds(corpusDir: string): Promise<Set<string>> {
  try {
    return new Set((await readdir(corpusDir)).filter((n) => !n.startsWith('.')).map((n) => n.replace(/\.[^.]*$/, '')));
  } catch {
    return new Set();
  }
}

export async function draftContext(deps: ManageDeps): Promise<DraftContext> {
  return { existingIds: await corpusIds(deps.config.CORPUS_DIR), indexed: deps.engine.indexedTexts() };
}

/** Fetches a page safely and extracts the article in it. */
export async function fetchArticle(url: string, config: Config, policy: FetchPolicy = fetchPolicy(config)): Promise<{ extracted: ExtractedArticle; source: DraftSource }> {
  const page = await safeFetch(url, policy);
  return { extracted: extractFromHtml(page.body, page.url), source: { kind: 'url', url: page.requestedUrl, finalUrl: page.url } };
}

/** Fetches a page safely and drafts the article in it. Nothing is written. */
export async function previewUrl(url: string, deps: ManageDeps, overrides: DetailOverrides = {}): Promise<ArticleDraft> {
  const { extracted, source } = await fetchArticle(url, deps.config, deps.policy);
  return makeDraft(extracted, source, overrides, await draftContext(deps));
}

/** Drafts the article in a file's content (.html, .md, .txt). Nothing is written. */
export async function previewFile(name: string, content: string, deps: ManageDeps, overrides: DetailOverrides = {}): Promise<ArticleDraft> {
  return makeDraft(extractFromFile(name, content), { kind: 'file', name: path.basename(name) }, overrides, await draftContext(deps));
}

/** The draft with the moderator's corrections. */
export async function editDraft(draft: ArticleDraft, overrides: DetailOverrides, deps: ManageDeps): Promise<ArticleDraft> {
  return redraft(draft, overrides, await draftContext(deps));
}

export interface PublishReport {
  id: string;
  file: string;
  build: string;
  report: ReindexReport;
}

function urlKey(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/**
 * Writes the draft's corpus file and rebuilds the index, under the reindex lock. A failed rebuild, or one that did
 * not take the new file in, removes the file again: the corpus and the index stay as they were.
 */
export async function publishDraft(draft: ArticleDraft, actor: Actor, deps: ManageDeps, onProgress?: (p: ReindexProgress) => void): Promise<PublishReport> {
  const { config, engine } = deps;
  const text = corpusFileText(draft, actorLabel(actor));
  const fileName = `${draft.id}.md`;
  const file = path.join(config.CORPUS_DIR, fileName);
  if (draft.details.url) {
    const { articles } = await loadCorpus(config.CORPUS_DIR, { maxArticleBytes: config.MAX_ARTICLE_BYTES });
    const same = articles.find((a) => a.url !== null && urlKey(a.url) === urlKey(draft.details.url!));
    if (same) {
      throw new BotError('ARTICLE_DUPLICATE', `${same.outlet}'s article "${same.headline}" (${same.id}) already has this link; remove it first to replace it.`, { id: same.id });
    }
  }
  if (existsSync(file)) throw new BotError('ARTICLE_DUPLICATE', `The corpus already has a file named ${fileName}; preview the article again.`, { file: fileName });
  const source = draft.source.kind === 'url' ? draft.source.finalUrl : `file ${draft.source.name}`;
  const report = await engine.reindex(onProgress, {
    actor,
    action: 'add',
    article: { id: draft.id, outlet: draft.details.outlet ?? undefined, headline: draft.details.headline ?? undefined, url: draft.details.url, source },
    change: {
      apply: () => writeFile(file, text, { flag: 'wx' }),
      revert: () => rm(file, { force: true }),
      verify: (r) => {
        const problem = r.problems.find((p) => p.file === fileName);
        if (problem) throw new BotError('ARTICLE_NOT_INDEXED', `The article was not added: ${problem.message}`, { file: fileName });
        if (!r.added.includes(draft.id)) throw new BotError('ARTICLE_NOT_INDEXED', 'The article was not added: the rebuilt index does not hold it.', { file: fileName });
      },
    },
  });
  return { id: draft.id, file: fileName, build: engine.build, report };
}

const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/** Removes an article's corpus file and rebuilds the index; a failed rebuild puts the file back. */
export async function removeArticle(id: string, actor: Actor, deps: ManageDeps, onProgress?: (p: ReindexProgress) => void): Promise<PublishReport> {
  const { config, engine } = deps;
  const fileName = `${id}.md`;
  const file = path.join(config.CORPUS_DIR, fileName);
  if (!ARTICLE_ID.test(id) || !existsSync(file)) {
    throw new BotError('ARTICLE_UNKNOWN', `No article in the corpus has the id "${id.slice(0, 80)}"; the list shows every article's id.`, { id });
  }
  const known = engine.sources().articles.find((a) => a.id === id);
  // Moved aside (a dot file, which the corpus reader skips) until the new index is in, then deleted.
  const aside = path.join(config.CORPUS_DIR, `.${fileName}.removing`);
  const report = await engine.reindex(onProgress, {
    actor,
    action: 'remove',
    article: { id, outlet: known?.outlet, headline: known?.headline, url: known?.url ?? null },
    change: {
      apply: () => rename(file, aside),
      revert: () => rename(aside, file),
    },
  });
  await rm(aside, { force: true });
  return { id, file: fileName, build: engine.build, report };
}

export interface ListedArticle {
  id: string;
  file: string;
  outlet: string;
  headline: string;
  published: string | null;
  url: string | null;
  author: string | null;
  /** Passages in the index, or null when the file is not indexed as it is now. */
  passages: number | null;
  status: 'indexed' | 'not indexed yet' | 'changed since the last build';
}

export interface ArticleList {
  articles: ListedArticle[];
  skipped: { file: string; reason: string }[];
  build: string | null;
}

/** The corpus as it is on disk, with what the current index holds of each article, and the files skipped. */
export async function listArticles(config: Config): Promise<ArticleList> {
  const { articles, problems } = await loadCorpus(config.CORPUS_DIR, { maxArticleBytes: config.MAX_ARTICLE_BYTES });
  const manifest = await readManifestIfAny(config.INDEX_DIR);
  const indexed = new Map((manifest?.articles ?? []).map((a) => [a.id, a]));
  return {
    articles: articles.map((a) => {
      const m = indexed.get(a.id);
      const status = !m ? 'not indexed yet' : m.hash === a.hash ? 'indexed' : 'changed since the last build';
      return { id: a.id, file: a.file, outlet: a.outlet, headline: a.headline, published: a.published, url: a.url, author: a.author, passages: m && m.hash === a.hash ? m.passages : null, status };
    }),
    skipped: problems.map((p) => ({ file: p.file, reason: p.error.message })),
    build: await readCurrentBuildIfValid(config.INDEX_DIR),
  };
}

export interface HistoryEntry {
  build: string;
  builtAt: string;
  current: boolean;
  articles: number;
  passages: number;
  /** Against the build kept before it (null for the oldest kept). */
  changes: ArticleChanges | null;
  /** "Outlet: headline" for the articles named in `changes`. */
  labels: Record<string, string>;
  /** Who made it and how, from the audit log (null when the log has no record of it). */
  by: Actor | null;
  action: AuditEntry['action'] | null;
}

/** The kept builds, newest first, each with who made it (from the audit log) and what changed. */
export async function buildHistory(config: Config): Promise<HistoryEntry[]> {
  const builds = await keptBuilds(config.INDEX_DIR);
  const entries = await new JsonLinesAuditLog(auditLogPath(config.INDEX_DIR)).recent();
  const made = new Map<string, AuditEntry>();
  for (const e of entries) if (e.ok && e.build && e.action !== 'rollback' && !made.has(e.build)) made.set(e.build, e);
  const labels: Record<string, string> = {};
  for (const b of [...builds].reverse()) for (const a of b.articles) labels[a.id] = `${a.outlet}: ${a.headline}`;
  return builds.map((b) => {
    const entry = made.get(b.name);
    const named = b.changes ? [...b.changes.added, ...b.changes.changed, ...b.changes.removed] : [];
    return {
      build: b.name,
      builtAt: b.builtAt,
      current: b.current,
      articles: b.articles.length,
      passages: b.passages,
      changes: b.changes,
      labels: Object.fromEntries(named.map((id) => [id, labels[id] ?? id])),
      by: entry?.actor ?? null,
      action: entry?.action ?? null,
    };
  });
}

/** The audit log's last entries, oldest first. */
export function auditEntries(config: Config, limit = 20): Promise<AuditEntry[]> {
  return new JsonLinesAuditLog(auditLogPath(config.INDEX_DIR)).recent(limit);
}
