/**
 * Bad corpus entries are skipped with a clear reason and the rest is loaded; a CORPUS_DIR that is missing or
 * not a folder is a clear error (issue 9).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCalendarDate, loadCorpus, notTextReason, parseArticle } from '../../src/corpus/loadCorpus.js';
import { isBotError } from '../../src/errors.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'declaration-corpus-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function article(fields: Record<string, string>, body = 'Kushner said the plan was ready.\n'): string {
  const meta = { outlet: 'Test Outlet', headline: 'A headline', published: '2026-01-06', ...fields };
  return `---\n${Object.entries(meta)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n${body}`;
}

function write(name: string, text: string | Buffer): void {
  writeFileSync(path.join(dir, name), text);
}

async function load(options = {}) {
  const { articles, problems } = await loadCorpus(dir, options);
  return { ids: articles.map((a) => a.id), problems: Object.fromEntries(problems.map((p) => [p.file, p.error])) };
}

describe('loadCorpus: bad entries are skipped with a reason, the rest is loaded', () => {
  it('regression: a folder named x.md is skipped, not an EISDIR that stops the whole corpus', async () => {
    write('a.md', article({}));
    mkdirSync(path.join(dir, 'x.md'));
    const { ids, problems } = await load();
    expect(ids).toEqual(['a']);
    expect(problems['x.md']!.code).toBe('CORPUS_NOT_AN_ARTICLE');
    expect(problems['x.md']!.message).toBe('x.md: a folder, not a file');
  });

  it('a plain subfolder (no .md) is ignored without a word', async () => {
    write('a.md', article({}));
    mkdirSync(path.join(dir, 'images'));
    expect(await load()).toEqual({ ids: ['a'], problems: {} });
  });

  it('regression: a dangling and a looping symlink are skipped (no ENOENT/ELOOP stack)', async () => {
    write('a.md', article({}));
    symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'dangling.md'));
    symlinkSync(path.join(dir, 'loop.md'), path.join(dir, 'loop.md'));
    const { ids, problems } = await load();
    expect(ids).toEqual(['a']);
    expect(problems['dangling.md']!.message).toBe('dangling.md: a symbolic link whose target does not exist');
    // The target, a server path, is kept for the terminal only: the message may be shown in Discord.
    expect(problems['dangling.md']!.context.target).toBe(path.join(dir, 'gone.md'));
    expect(problems['loop.md']!.message).toBe('loop.md: a symbolic link that loops (it leads back to itself)');
  });

  it('a symlink to a good article is read', async () => {
    mkdirSync(path.join(dir, 'elsewhere'));
    writeFileSync(path.join(dir, 'elsewhere', 'real.txt'), article({}));
    symlinkSync(path.join(dir, 'elsewhere', 'real.txt'), path.join(dir, 'linked.md'));
    expect((await load()).ids).toEqual(['linked']);
  });

  it('regression: .txt files are not articles (the README says *.md): skipped with a reason', async () => {
    write('a.md', article({}));
    write('b.txt', article({ url: 'https://example.com/b' }));
    const { ids, problems } = await load();
    expect(ids).toEqual(['a']);
    expect(problems['b.txt']!.message).toBe('b.txt: not read, only *.md files are articles (rename it to .md to index it)');
  });

  it('hidden files are ignored', async () => {
    write('a.md', article({}));
    write('.gitkeep', '');
    expect(await load()).toEqual({ ids: ['a'], problems: {} });
  });

  it('regression: an impossible date (2026-02-30) is refused, quoted or not, instead of shown as 2 Mar', async () => {
    write('a.md', article({ published: '2026-02-30' }));
    write('b.md', article({ published: '"2026-02-30"' }));
    write('c.md', article({ published: '2024-02-29' }));
    const { ids, problems } = await load();
    expect(ids).toEqual(['c']);
    expect(problems['a.md']!.message).toBe('a.md: published: 2026-02-30 is not a real date (no such day in that month)');
    expect(problems['b.md']!.code).toBe('CORPUS_BAD_FRONT_MATTER');
  });

  it('regression: a valid front matter with a binary body is skipped, not indexed as garbage passages', async () => {
    write('a.md', article({}));
    const random = Buffer.alloc(4000);
    let x = 12345;
    for (let i = 0; i < random.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      random[i] = x >> 16;
    }
    write('nul.md', Buffer.concat([Buffer.from(article({ url: 'https://example.com/n' }, '')), random]));
    const noNul = Buffer.from(random.map((b) => (b === 0 ? 1 : b)));
    write('garbled.md', Buffer.concat([Buffer.from(article({ url: 'https://example.com/g' }, '')), noNul]));
    const { ids, problems } = await load();
    expect(ids).toEqual(['a']);
    expect(problems['nul.md']!.code).toBe('CORPUS_NOT_TEXT');
    expect(problems['nul.md']!.message).toBe('nul.md: holds NUL bytes: a binary file, not text');
    expect(problems['garbled.md']!.message).toMatch(/^garbled\.md: .*\d+% of its characters are control characters or bytes that are not UTF-8/);
  });

  it('text with a few odd characters (accents, a stray replacement character) is still text', () => {
    expect(notTextReason('Zelenskyy said the café in Kyïv was “open” – and that was that.\n')).toBeNull();
    expect(notTextReason(`${'A normal sentence about the declaration. '.repeat(10)}\ufffd`)).toBeNull();
    expect(notTextReason('a\u0000b')).toMatch(/NUL/);
  });

  it('regression: a file over MAX_ARTICLE_BYTES is skipped with the size and the setting', async () => {
    write('a.md', article({}));
    write('big.md', article({ url: 'https://example.com/big' }, `${'Kushner spoke at length. '.repeat(200)}\n`));
    const { ids, problems } = await load({ maxArticleBytes: 2000 });
    expect(ids).toEqual(['a']);
    expect(problems['big.md']!.code).toBe('CORPUS_TOO_LARGE');
    expect(problems['big.md']!.message).toMatch(/^big\.md: 5\.\d kB, over the limit of 2\.0 kB per article \(MAX_ARTICLE_BYTES=2000\); raise MAX_ARTICLE_BYTES/);
  });

  it('regression: two files with the same url: the first by name is indexed, the other skipped naming it', async () => {
    write('b.md', article({ url: 'https://example.com/story' }));
    write('a.md', article({ url: 'https://EXAMPLE.com/story' }));
    write('c.md', article({ url: 'https://example.com/other' }));
    const { ids, problems } = await load();
    expect(ids).toEqual(['a', 'c']);
    expect(problems['b.md']!.code).toBe('CORPUS_DUPLICATE_URL');
    expect(problems['b.md']!.message).toBe('b.md: same url as a.md (https://example.com/story), which is indexed; one article per url');
  });
});

describe('loadCorpus: CORPUS_DIR itself', () => {
  it('regression: a CORPUS_DIR that is a file is a clear error naming the setting, not ENOTDIR', async () => {
    write('file.md', article({}));
    const error = await loadCorpus(path.join(dir, 'file.md')).catch((e: unknown) => e);
    expect(isBotError(error, 'CORPUS_NOT_A_FOLDER')).toBe(true);
    expect((error as Error).message).toMatch(/^CORPUS_DIR is .*file\.md, which is a file\. Set CORPUS_DIR to the folder/);
  });

  it('a missing CORPUS_DIR (or one under a file) is CORPUS_MISSING', async () => {
    write('file.md', article({}));
    for (const missing of [path.join(dir, 'nope'), path.join(dir, 'file.md', 'sub')]) {
      const error = await loadCorpus(missing).catch((e: unknown) => e);
      expect(isBotError(error, 'CORPUS_MISSING')).toBe(true);
      expect((error as Error).message).toBe(`The corpus folder ${missing} (CORPUS_DIR) does not exist.`);
    }
  });
});

describe('dates', () => {
  it('isCalendarDate knows month lengths and leap years', () => {
    expect(['2026-01-31', '2024-02-29', '2000-02-29'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '2026-13-01'].some(isCalendarDate)).toBe(false);
  });

  it('parseArticle keeps a real unquoted date', () => {
    expect(parseArticle('a.md', article({ published: '2026-01-06' })).published).toBe('2026-01-06');
  });
});

describe('loadCorpus: articles the build in use parsed already (`known`)', () => {
  it('takes an unchanged file (same name, same hash) from the build in use, its body parsed only when read; parses a changed one', async () => {
    write('a.md', article({ headline: 'Alpha' }));
    write('b.md', article({ headline: 'Beta' }));
    const { articles: parsed } = await loadCorpus(dir);
    const [a, b] = parsed as [(typeof parsed)[0], (typeof parsed)[0]];
    // What the build in use recorded; a's headline marked so it shows where the article came from.
    const known = new Map([
      ['a.md', { ...a, body: undefined, headline: 'Alpha (from the build)' }],
      ['b.md', { ...b, body: undefined, hash: 'another hash' }],
    ]);
    const { articles } = await loadCorpus(dir, { known });
    expect(articles.map((x) => x.headline)).toEqual(['Alpha (from the build)', 'Beta']);
    expect(articles[0]!.body).toBe(a.body);
    expect(articles[1]!).toEqual(b);
  });
});
