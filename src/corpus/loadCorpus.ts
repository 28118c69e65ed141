import { createHash } from 'node:crypto';
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type GrayMatter from 'gray-matter';
import { z } from 'zod';
import { maxArticleBytesSetting } from '../config/config.js';
import { BotError } from '../errors.js';
import type { Article } from '../types.js';

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
      .superRefine((v, ctx) => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(v) && !isCalendarDate(v)) {
          ctx.addIssue({ code: 'custom', message: `${v} is not a real date (no such day in that month)` });
        }
      }),
  );

/** Whether YYYY-MM-DD names a real day (2026-02-30 and 2026-13-01 do not). */
/**
 * gray-matter (with its YAML parser) is loaded on the first article read: a process answering from a saved
 * index never reads the corpus, and loading it costs about 0.2 s of start-up.
 */
let grayMatter: typeof GrayMatter | null = null;
function matter(raw: string, options: Record<string, never>): GrayMatter.GrayMatterFile<string> {
  grayMatter ??= createRequire(import.meta.url)('gray-matter') as typeof GrayMatter;
  return grayMatter(raw, options);
}

export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The `published` value as written. YAML reads an unquoted 2026-02-30 as a timestamp and rolls it over to
 * 2 March; the text as written is what is checked.
 */
function writtenPublished(matterText: string): string | null {
  const m = /^published:[ \t]*['"]?(\d{4}-\d{2}-\d{2})\b/m.exec(matterText);
  return m ? m[1]! : null;
}

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

/** Articles are `*.md` files (see the README); any other file is reported and skipped. */
const ARTICLE_EXTENSIONS = new Set(['.md']);

/** Parses one corpus file. Throws CORPUS_BAD_FRONT_MATTER naming the file when the metadata is unusable. */
export function parseArticle(file: string, raw: string): Article {
  let parsed: GrayMatter.GrayMatterFile<string>;
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
  const data: Record<string, unknown> = { ...parsed.data };
  if (data.published instanceof Date) data.published = writtenPublished(parsed.matter) ?? data.published;
  const meta = frontMatterSchema.safeParse(data);
  if (!meta.success) {
    const problems = meta.error.issues.map((i) => `${i.path.join('.') || 'front matter'}: ${i.message}`).join('; ');
    throw new BotError('CORPUS_BAD_FRONT_MATTER', `${file}: ${problems}`, { file, issues: meta.error.issues });
  }
  const body = parsed.content.replace(/^\s*\n/, '');
  if (body.trim() === '') {
    throw new BotError('CORPUS_BAD_FRONT_MATTER', `${file}: the article has no text after the front matter`, { file });
  }
  const notText = notTextReason(body);
  if (notText) throw new BotError('CORPUS_NOT_TEXT', `${file}: the text after the front matter ${notText}`, { file });
  return {
    id: path.basename(file, path.extname(file)),
    file,
    ...meta.data,
    body,
    hash: articleHash(raw),
  };
}

/** What tells an article's file changed: sha256 of its text as read. */
function articleHash(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

function sizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return bytes >= 1_000 ? `${(bytes / 1_000).toFixed(1)} kB` : `${bytes} bytes`;
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Checks CORPUS_DIR before reading it: missing, not a folder or unreadable is a BotError naming the setting. */
async function checkCorpusFolder(dir: string): Promise<void> {
  let info;
  try {
    info = await stat(dir);
  } catch (cause) {
    const code = errnoOf(cause);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new BotError('CORPUS_MISSING', `The corpus folder ${dir} (CORPUS_DIR) does not exist.`, { dir }, { cause });
    }
    if (code === 'ELOOP') {
      throw new BotError('CORPUS_NOT_A_FOLDER', `The corpus folder ${dir} (CORPUS_DIR) is a symbolic link that loops.`, { dir }, { cause });
    }
    throw new BotError('CORPUS_UNREADABLE', `The corpus folder ${dir} (CORPUS_DIR) cannot be read (${code ?? String(cause)}).`, { dir }, { cause });
  }
  if (!info.isDirectory()) {
    throw new BotError(
      'CORPUS_NOT_A_FOLDER',
      `CORPUS_DIR is ${dir}, which is ${info.isFile() ? 'a file' : 'not a folder'}. Set CORPUS_DIR to the folder that holds the *.md articles.`,
      { dir },
    );
  }
}

/** Why a corpus entry cannot be read as a file, or null when it is a regular file. */
async function entryProblem(dir: string, name: string): Promise<BotError | null> {
  const file = path.join(dir, name);
  try {
    const info = await stat(file);
    if (info.isDirectory()) return new BotError('CORPUS_NOT_AN_ARTICLE', `${name}: a folder, not a file`, { file: name });
    if (!info.isFile()) return new BotError('CORPUS_NOT_AN_ARTICLE', `${name}: not a regular file`, { file: name });
    return null;
  } catch (cause) {
    const code = errnoOf(cause);
    if (code === 'ELOOP') {
      return new BotError('CORPUS_NOT_AN_ARTICLE', `${name}: a symbolic link that loops (it leads back to itself)`, { file: name }, { cause });
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      let target: string | undefined;
      try {
        target = await readlink(file);
      } catch {
        // not a link: the file went away while the folder was read
      }
      // The message may be shown publicly (the /reindex report in Discord): the link's target, a server path,
      // stays out of it; the terminal shows it from the error's context (CorpusProblem.detail).
      const what = target !== undefined ? 'a symbolic link whose target does not exist' : 'no longer exists';
      return new BotError('CORPUS_NOT_AN_ARTICLE', `${name}: ${what}`, { file: name, ...(target !== undefined ? { target } : {}) }, { cause });
    }
    return new BotError('CORPUS_UNREADABLE', `${name}: cannot be read (${code === 'EACCES' ? 'permission denied' : (code ?? String(cause))})`, { file: name }, { cause });
  }
}

/** Characters that do not occur in text: controls other than tab, newlines and form feed, and U+FFFD (bytes that are not UTF-8). */
function isNotText(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd;
}
/** From this share of such characters on, a file is binary or in another encoding. */
const NOT_TEXT_SHARE = 0.05;

/** Why `text` is not readable text (NUL bytes, too many control or invalid characters), or null. */
export function notTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'holds NUL bytes: a binary file, not text';
  let odd = 0;
  for (let i = 0; i < text.length; i++) if (isNotText(text.charCodeAt(i))) odd++;
  if (odd > 0 && odd >= NOT_TEXT_SHARE * text.length) {
    const pct = Math.round((100 * odd) / text.length);
    return `${pct}% of its characters are control characters or bytes that are not UTF-8: a binary or garbled file, not UTF-8 text`;
  }
  return null;
}

/** A url as compared for duplicates: parsed and printed back (case of the host, default port, ...). */
function urlKey(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export interface LoadCorpusOptions {
  /** Files larger than this are skipped with the reason (MAX_ARTICLE_BYTES). */
  maxArticleBytes?: number;
  /**
   * Article files' text already read (file name -> text, as corpusFingerprint read and hashed it, by a caller holding
   * the reindex lock since): used instead of reading the file again. Every file is still checked as below.
   */
  read?: ReadonlyMap<string, string>;
  /**
   * The articles of the build in use by file name, as parsed from their files then: a file whose text has the hash
   * recorded there is that article again (parsing is deterministic), so it is not parsed again (its body is, if asked for).
   */
  known?: ReadonlyMap<string, Omit<Article, 'body'>>;
}

/**
 * Reads every article (`*.md`) in the corpus folder, in file-name order. Bad entries are reported with the
 * reason and skipped, the rest loaded: other files, folders, broken or looping links, unreadable, binary or
 * too large files, bad front matter, and a url already used by an earlier file. A CORPUS_DIR that is missing
 * or not a folder is an error.
 */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const maxBytes = options.maxArticleBytes ?? maxArticleBytesSetting();
  await checkCorpusFolder(dir);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (cause) {
    throw new BotError('CORPUS_UNREADABLE', `The corpus folder ${dir} (CORPUS_DIR) cannot be read (${errnoOf(cause) ?? String(cause)}).`, { dir }, { cause });
  }
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  // Each file is checked and read (stat, size, read: waits on the disk) a batch at a time, side by side; then parsed
  // and checked for duplicate urls in file-name order, as one by one.
  const entries: Entry[] = [];
  for (let start = 0; start < names.length; start += READ_AHEAD) {
    entries.push(...(await Promise.all(names.slice(start, start + READ_AHEAD).map((name) => readEntry(dir, name, maxBytes, options.read)))));
  }
  const firstWithUrl = new Map<string, string>();
  names.forEach((name, i) => {
    const entry = entries[i]!;
    if ('skip' in entry) return;
    if ('thrown' in entry) throw entry.thrown;
    if ('problem' in entry) {
      problems.push({ file: name, error: entry.problem });
      return;
    }
    try {
      const article = knownArticle(name, entry.raw, options.known) ?? checkedArticle(name, entry.raw);
      if (article.url) {
        const first = firstWithUrl.get(urlKey(article.url));
        if (first) {
          throw new BotError('CORPUS_DUPLICATE_URL', `${name}: same url as ${first} (${article.url}), which is indexed; one article per url`, {
            file: name,
            first,
            url: article.url,
          });
        }
        firstWithUrl.set(urlKey(article.url), name);
      }
      articles.push(article);
    } catch (error) {
      if (error instanceof BotError) problems.push({ file: name, error });
      else throw error;
    }
  });
  return { articles, problems };
}

/** A corpus file's article: its text checked, then parsed (parseArticle). */
function checkedArticle(name: string, raw: string): Article {
  const notText = notTextReason(raw);
  if (notText) throw new BotError('CORPUS_NOT_TEXT', `${name}: ${notText}`, { file: name });
  return parseArticle(name, raw);
}

/** The article the build in use parsed from this very text (same file, same hash), its body parsed only if asked for; else undefined. */
function knownArticle(name: string, raw: string, known: LoadCorpusOptions['known']): Article | undefined {
  const before = known?.get(name);
  if (before === undefined || before.id !== path.basename(name, path.extname(name)) || before.hash !== articleHash(raw)) return undefined;
  let body: string | undefined;
  return {
    ...before,
    get body(): string {
      return (body ??= checkedArticle(name, raw).body);
    },
  };
}

/** A corpus entry as checked and read: not an article and not a mistake (a plain subfolder), a problem, its text, or an unexpected error. */
type Entry = { skip: true } | { problem: BotError } | { raw: string } | { thrown: unknown };

async function readEntry(dir: string, name: string, maxBytes: number, read: ReadonlyMap<string, string> | undefined): Promise<Entry> {
  const file = path.join(dir, name);
  if (!ARTICLE_EXTENSIONS.has(path.extname(name))) {
    // A plain subfolder (images/, drafts/) is not an article and not a mistake; any other file is reported.
    const problem = await entryProblem(dir, name);
    if (problem?.code === 'CORPUS_NOT_AN_ARTICLE' && problem.message.endsWith('a folder, not a file')) return { skip: true };
    return { problem: new BotError('CORPUS_NOT_AN_ARTICLE', `${name}: not read, only *.md files are articles (rename it to .md to index it)`, { file: name }) };
  }
  const problem = await entryProblem(dir, name);
  if (problem) return { problem };
  try {
    const size = (await stat(file)).size;
    if (size > maxBytes) {
      return {
        problem: new BotError(
          'CORPUS_TOO_LARGE',
          `${name}: ${sizeText(size)}, over the limit of ${sizeText(maxBytes)} per article (MAX_ARTICLE_BYTES=${maxBytes}); raise MAX_ARTICLE_BYTES to index it`,
          { file: name, size, maxBytes },
        ),
      };
    }
    try {
      return { raw: read?.get(name) ?? (await readFile(file, 'utf8')) };
    } catch (cause) {
      const code = errnoOf(cause);
      return { problem: new BotError('CORPUS_UNREADABLE', `${name}: cannot be read (${code === 'EACCES' ? 'permission denied' : (code ?? String(cause))})`, { file: name }, { cause }) };
    }
  } catch (error) {
    return { thrown: error };
  }
}

/** How many corpus files `corpusFingerprint` and `loadCorpus` read at once. */
const READ_AHEAD = 32;

/**
 * Every article file of the corpus folder with the hash `loadCorpus` gives it, in file-name order, when the folder
 * holds nothing `loadCorpus` would skip and report (another kind of file, an unreadable one, one over the size
 * limit); else null. Reads and hashes the files, parses nothing: a reindex compares this with the build's
 * manifest to tell that nothing changed without loading the corpus (and, when something did, hands the texts to
 * loadCorpus instead of reading them twice).
 */
export async function corpusFingerprint(dir: string): Promise<{ file: string; hash: string; text: string }[] | null> {
  const maxBytes = maxArticleBytesSetting();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return null;
  }
  const articles: string[] = [];
  for (const name of names) {
    if (ARTICLE_EXTENSIONS.has(path.extname(name))) {
      articles.push(name);
      continue;
    }
    // A plain subfolder is ignored by loadCorpus too; any other file is reported there.
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (!info?.isDirectory()) return null;
  }
  const out: { file: string; hash: string; text: string }[] = [];
  for (let start = 0; start < articles.length; start += READ_AHEAD) {
    const batch = await Promise.all(
      articles.slice(start, start + READ_AHEAD).map(async (file) => {
        const bytes = await readFile(path.join(dir, file)).catch(() => null);
        if (bytes === null || bytes.length > maxBytes) return null;
        const text = bytes.toString('utf8');
        return { file, hash: articleHash(text), text };
      }),
    );
    for (const entry of batch) {
      if (entry === null) return null;
      out.push(entry);
    }
  }
  return out;
}
