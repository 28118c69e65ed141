/**
 * A draft article: what was extracted from a page or a file, the moderator's corrections on top, and everything the
 * preview shows (the passages as they will be quoted, the furniture skipped, a syndicated-copy warning). It becomes
 * one corpus file, checked by the corpus reader before it is written.
 */
import matter from 'gray-matter';
import { isCalendarDate, parseArticle } from '../corpus/loadCorpus.js';
import { BotError } from '../errors.js';
import { buildPassages } from '../passages/buildPassages.js';
import { cleanParagraphs } from '../passages/clean.js';
import { stripDiacritics } from '../text/fold.js';
import type { Article } from '../types.js';
import { extractFromHtml, extractFromMarkdown, extractFromText, isoDay, type ArticleDetails, type DetailField, type DetailSource, type ExtractedArticle, type FurnitureCount } from './extract.js';
import { findSyndicatedCopy, type IndexedText, type SyndicationMatch } from './syndication.js';

export type DraftSource = { kind: 'url'; url: string; finalUrl: string } | { kind: 'file'; name: string };

export interface ArticleDraft {
  /** The corpus file's name without `.md`. */
  id: string;
  details: ArticleDetails;
  from: Partial<Record<DetailField, DetailSource>>;
  /** The article's paragraphs as the corpus file will hold them. */
  paragraphs: string[];
  /** The passages as they will be indexed and quoted. */
  passages: string[];
  furniture: FurnitureCount[];
  /** Lines the passage cleaner leaves out (bylines, headings, the headline, repeated captions). */
  cleanerDropped: number;
  source: DraftSource;
  syndication: SyndicationMatch | null;
  /** Details the corpus needs that are still missing or invalid, in words ("outlet", "headline"). */
  missing: string[];
}

/** What a moderator may correct (the modal's fields and the terminal's flags). Empty strings clear a detail. */
export type DetailOverrides = Partial<Record<'outlet' | 'headline' | 'published' | 'author' | 'url', string | null>>;

export interface DraftContext {
  /** Ids already in the corpus: the new file's name is made unique against them. */
  existingIds: ReadonlySet<string>;
  /** The indexed articles' texts, for the syndicated-copy warning. */
  indexed: readonly IndexedText[];
}

const FILE_KINDS = ['.html', '.htm', '.md', '.markdown', '.txt'] as const;

/** Which reader a file name calls for, or null when the file is not an article format. */
export function fileKind(name: string): 'html' | 'md' | 'txt' | null {
  const ext = /\.[a-z]+$/i.exec(name)?.[0]?.toLowerCase() ?? '';
  if (!(FILE_KINDS as readonly string[]).includes(ext)) return null;
  return ext.startsWith('.htm') ? 'html' : ext === '.txt' ? 'txt' : 'md';
}

/** Reads an uploaded or local file: HTML through the extractor, Markdown (front matter honoured) or plain text. */
export function extractFromFile(name: string, content: string): ExtractedArticle {
  const kind = fileKind(name);
  if (kind === null) {
    throw new BotError('ARTICLE_BAD_FILE', `${name} is not an article file: give an .html, .md or .txt file.`, { file: name });
  }
  if (content.includes('\u0000')) throw new BotError('ARTICLE_BAD_FILE', `${name} is a binary file, not text.`, { file: name });
  if (kind === 'html') return extractFromHtml(content);
  if (kind === 'txt') return extractFromText(content);
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(content, {});
  } catch {
    throw new BotError('ARTICLE_BAD_FILE', `${name}: its front matter is not valid YAML.`, { file: name });
  }
  const extracted = extractFromMarkdown(parsed.content);
  const data = parsed.data as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const front: Partial<ArticleDetails> = {
    outlet: str(data.outlet),
    headline: str(data.headline) ?? str(data.title),
    published: data.published instanceof Date ? data.published.toISOString().slice(0, 10) : isoDay(data.published ?? data.date),
    author: str(data.author),
    url: str(data.url),
  };
  for (const [field, value] of Object.entries(front) as [DetailField, string | null][]) {
    if (value !== null) {
      extracted.details[field] = value;
      extracted.from[field] = 'front matter';
    }
  }
  return extracted;
}

/** A file name part: ASCII lower case words joined by hyphens. */
export function slug(text: string, maxWords = 8): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

function draftId(details: ArticleDetails, existing: ReadonlySet<string>): string {
  const parts = [details.published ?? 'undated', slug(details.outlet ?? 'unknown-outlet', 3), slug(details.headline ?? 'untitled', 6)].filter(Boolean);
  const base = parts.join('-').slice(0, 100).replace(/-+$/, '');
  let id = base;
  for (let n = 2; existing.has(id); n++) id = `${base}-${n}`;
  return id;
}

function missingDetails(details: ArticleDetails): string[] {
  const missing: string[] = [];
  if (!details.outlet) missing.push('outlet');
  if (!details.headline) missing.push('headline');
  return missing;
}

/** Applies a moderator's corrections; a bad date or link is refused with a message saying what to write. */
export function applyOverrides(details: ArticleDetails, from: ArticleDraft['from'], overrides: DetailOverrides): { details: ArticleDetails; from: ArticleDraft['from'] } {
  const next = { ...details };
  const nextFrom = { ...from };
  for (const [field, raw] of Object.entries(overrides) as [DetailField, string | null | undefined][]) {
    if (raw === undefined) continue;
    const value = raw === null ? null : raw.replace(/\s+/g, ' ').trim() || null;
    if (field === 'published' && value !== null && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value))) {
      throw new BotError('EXTRACT_MISSING_DETAILS', `The date "${value.slice(0, 40)}" is not a real date written YYYY-MM-DD (for example 2026-01-06).`, { field });
    }
    if (field === 'url' && value !== null && !/^https?:\/\/\S+$/.test(value)) {
      throw new BotError('EXTRACT_MISSING_DETAILS', `The link "${value.slice(0, 80)}" is not an http or https address.`, { field });
    }
    if (value !== null && value.length > 300) {
      throw new BotError('EXTRACT_MISSING_DETAILS', `The ${field} is longer than 300 characters.`, { field });
    }
    next[field] = value;
    if (value !== null) nextFrom[field] = 'moderator';
    else delete nextFrom[field];
  }
  return { details: next, from: nextFrom };
}

/** The draft for an extracted article, with the preview's passages and warnings worked out. */
export function makeDraft(extracted: ExtractedArticle, source: DraftSource, overrides: DetailOverrides, context: DraftContext): ArticleDraft {
  if (extracted.paragraphs.join(' ').trim().length < 80) {
    const where = source.kind === 'url' ? `the page at ${source.finalUrl}` : source.name;
    throw new BotError('EXTRACT_NO_ARTICLE', `No article text was found in ${where} (fewer than 80 characters of text). Is it the article's own page?`, { source });
  }
  const { details, from } = applyOverrides(extracted.details, extracted.from, overrides);
  if (details.url === null && source.kind === 'url') {
    details.url = source.finalUrl;
    from.url = 'link';
  }
  const id = draftId(details, context.existingIds);
  const body = extracted.paragraphs.join('\n\n');
  const article: Article = { id, file: `${id}.md`, outlet: details.outlet ?? '', headline: details.headline ?? '', published: details.published, url: details.url, author: details.author, body, hash: '' };
  const passages = buildPassages(article).map((p) => p.text);
  const kept = cleanParagraphs(article).length;
  return {
    id,
    details,
    from,
    paragraphs: extracted.paragraphs,
    passages,
    furniture: extracted.furniture,
    cleanerDropped: Math.max(0, extracted.paragraphs.length - kept),
    source,
    syndication: findSyndicatedCopy(passages, context.indexed),
    missing: missingDetails(details),
  };
}

/** The draft with corrected details: id, passages and warnings worked out again. */
export function redraft(draft: ArticleDraft, overrides: DetailOverrides, context: DraftContext): ArticleDraft {
  const { details, from } = applyOverrides(draft.details, draft.from, overrides);
  return makeDraft({ details, from, paragraphs: draft.paragraphs, furniture: draft.furniture }, draft.source, {}, context);
}

function yamlString(value: string | null): string {
  // JSON strings are valid YAML double-quoted scalars.
  return value === null ? 'null' : JSON.stringify(value);
}

/** The corpus file for a draft, checked by the corpus reader (so it is indexed as previewed). */
export function corpusFileText(draft: ArticleDraft, addedBy: string, now = new Date()): string {
  if (draft.missing.length > 0) {
    throw new BotError('EXTRACT_MISSING_DETAILS', `The article has no ${draft.missing.join(' and no ')}; add ${draft.missing.length > 1 ? 'them' : 'it'} before publishing.`, {
      missing: draft.missing,
    });
  }
  const d = draft.details;
  const source = draft.source.kind === 'url' ? `fetched from ${draft.source.finalUrl}` : `uploaded file ${draft.source.name}`;
  const text = [
    '---',
    `outlet: ${yamlString(d.outlet)}`,
    `headline: ${yamlString(d.headline)}`,
    `published: ${yamlString(d.published)}`,
    `url: ${yamlString(d.url)}`,
    `author: ${yamlString(d.author)}`,
    `added: ${yamlString(`${now.toISOString().slice(0, 10)} by ${addedBy}, ${source}`)}`,
    '---',
    draft.paragraphs.join('\n\n'),
    '',
  ].join('\n');
  parseArticle(`${draft.id}.md`, text); // throws a CORPUS_* error naming the problem if the file would not load
  return text;
}

/** "navigation (2), adverts (3), cookie banner (1); 2 lines left out by the passage cleaner", or null when nothing was skipped. */
export function furnitureSummary(draft: Pick<ArticleDraft, 'furniture' | 'cleanerDropped'>): string | null {
  const parts = draft.furniture.filter((f) => f.kind !== 'scripts and styles').map((f) => `${f.kind} (${f.count})`);
  const scripts = draft.furniture.find((f) => f.kind === 'scripts and styles');
  if (scripts) parts.push(`${scripts.count} script${scripts.count === 1 ? '' : 's'} and styles`);
  const text = parts.join(', ');
  const cleaner = draft.cleanerDropped > 0 ? `${draft.cleanerDropped} line${draft.cleanerDropped === 1 ? '' : 's'} (headline, byline, headings or repeats) left out by the passage cleaner` : '';
  const all = [text, cleaner].filter(Boolean).join('; ');
  return all === '' ? null : all;
}
