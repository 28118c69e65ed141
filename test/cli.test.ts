/**
 * The terminal commands as a user runs them: `node --import tsx src/cli/ask.ts ...` and `src/cli/reindex.ts`
 * in a child process, on the real corpus, with the index in a temporary folder. The tests run in order:
 * the first one finds no index, a later one damages it and reindexes.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../src/answer/citations.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import type { AnswerJson as AnswerResult } from '../src/cli/format.js';
import { buildDir, currentPointerPath, readCurrentBuild, VECTORS_FILE } from '../src/index/indexFiles.js';
import { loadIndex } from '../src/index/loadIndex.js';
import type { Article } from '../src/types.js';
import { CORPUS_DIR, REPO_ROOT, TEST_EMBED_CACHE } from './helpers/testEngine.js';

let dir: string;
let indexDir: string;
let articles: Article[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'declaration-cli-'));
  indexDir = path.join(dir, 'index');
  ({ articles } = await loadCorpus(CORPUS_DIR));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI script as `npm run ask -- ...` would, with settings pointing at the temporary index. */
function run(script: 'ask' | 'reindex' | 'insights', args: string[] = [], input = '', env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        CORPUS_DIR,
        INDEX_DIR: indexDir,
        EMBED_CACHE_DIR: TEST_EMBED_CACHE,
        MODEL_DIR: path.join(REPO_ROOT, 'data', 'models'),
        MAX_QUESTION_CHARS: '500',
        LOG_LEVEL: 'silent',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function article(id: string): Article {
  const a = articles.find((x) => x.id === id);
  if (!a) throw new Error(`no article ${id} in the corpus`);
  return a;
}

/** A `Sources:` line as the terminal prints it, made from the corpus file's front matter. */
function sourceLine(n: number, a: Article): string {
  return `  [${n}] ${a.outlet}, "${a.headline}", ${formatDate(a.published)}, ${a.url ?? 'no link known'}`;
}

describe('npm run ask', () => {
  it('with no index: builds it first (progress on stderr), then prints the answer and its sources', async () => {
    expect(existsSync(currentPointerPath(indexDir))).toBe(false);
    const { code, stdout, stderr } = await run('ask', ['What did Kushner say?']);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('No index yet: building it from the corpus');
    expect(stderr).toMatch(/Indexed 100\/100 passages|Index swapped in/);
    expect(stdout).not.toMatch(/No index yet|Indexed|Index swapped/);
    expect(existsSync(currentPointerPath(indexDir))).toBe(true);

    const [answer, sources] = stdout.trimEnd().split('\n\nSources:\n');
    expect(answer).toMatch(/^Jared Kushner \(US President’s son-in-law\): \d+ distinct statements in the coverage\./);
    expect(answer).toContain('big, big milestone');
    expect(sources, 'a "Sources:" list follows the answer').toBeDefined();
    const lines = sources!.split('\n');
    // Numbered 1..k, each naming a corpus article exactly as its front matter does.
    lines.forEach((line, i) => {
      const match = articles.filter((a) => line === sourceLine(i + 1, a));
      expect(match, line).toHaveLength(1);
    });
    const numbers = new Set(lines.map((_, i) => i + 1));
    for (const m of answer!.matchAll(/\[(\d+)\]/g)) expect(numbers.has(Number(m[1])), `[${m[1]}] is listed`).toBe(true);
  });

  it('--json "question": one JSON object with citations and ranked passages, and no build the second time', async () => {
    const question = 'Who provides security guarantees to the peacekeeping force?';
    const { code, stdout, stderr } = await run('ask', ['--json', question]);
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/No index yet|Indexed|Index swapped/);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout) as AnswerResult;
    expect(result).toMatchObject({ question, abstained: false });
    expect(result.answer).toContain('security guarantees');

    expect(result.citations.length).toBeGreaterThan(0);
    result.citations.forEach((c, i) => {
      const a = article(c.articleId);
      expect(c).toEqual({ n: i + 1, articleId: a.id, outlet: a.outlet, headline: a.headline, published: a.published, url: a.url });
    });

    expect(result.passages.length).toBeGreaterThan(1);
    result.passages.forEach((p, i) => {
      expect(p.rank).toBe(i + 1);
      if (i > 0) expect(p.score).toBeLessThanOrEqual(result.passages[i - 1]!.score);
      const a = article(p.article);
      expect({ outlet: p.outlet, url: p.url }).toEqual({ outlet: a.outlet, url: a.url });
      expect(Number.isInteger(p.paragraph)).toBe(true);
      expect(squash(a.body)).toContain(squash(p.text));
    });
    expect(result.passages[0]!.text).toContain('security guarantees to the peacekeeping force');
  });

  it('--json with questions on stdin: one JSON object per non-empty line, an error object for a bad one', async () => {
    const tooLong = 'Why '.repeat(150).trim();
    const input = ['What did Kushner say?', '', tooLong, 'How many countries are in the coalition?', ''].join('\n');
    const { code, stdout, stderr } = await run('ask', ['--json'], input);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const [first, bad, last] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ question: 'What did Kushner say?', abstained: false });
    expect((first as unknown as AnswerResult).statements?.length).toBeGreaterThan(0);
    expect(bad).toEqual({
      // The question is echoed cut to 80 characters (issue 9: a 30 MB line came back whole).
      question: `${tooLong.slice(0, 80)}…`,
      error: { code: 'QUESTION_TOO_LONG', message: `That question is ${tooLong.length} characters long; please keep it under 500.` },
    });
    // The bad line does not stop the ones after it.
    expect(last).toMatchObject({ question: 'How many countries are in the coalition?', abstained: false });
    expect(last!.answer).toContain('35 countries');
  });

  it('--chat: a conversation, follow-ups read against the earlier questions and answers', async () => {
    const input = ['What did Kushner say?', 'what else did he say?', 'and Macron?', 'which outlets reported that?', 'Where will the military hubs be set up?'].join('\n');
    const { code, stdout, stderr } = await run('ask', ['--chat', '--json'], input);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { asked: string; resolved: { question: string; rule: string; compare: boolean }; kind: string });
    expect(lines.map((l) => [l.asked, l.resolved.question, l.resolved.rule, l.kind])).toEqual([
      ['What did Kushner say?', 'What did Kushner say?', 'asked', 'statements'],
      ['what else did he say?', 'what else did Jared Kushner say?', 'pronoun', 'statements'],
      ['and Macron?', 'What did Emmanuel Macron say?', 'other-speaker', 'statements'],
      ['which outlets reported that?', 'What did Emmanuel Macron say?', 'outlets', 'compare'],
      ['Where will the military hubs be set up?', 'Where will the military hubs be set up?', 'asked', 'passages'],
    ]);
    const text = await run('ask', ['--chat'], 'What did Kushner say?\nwhat else did he say?\n');
    expect(text.stdout).toContain('(read as: what else did Jared Kushner say?)');
  });

  it('npm run insights: what the store holds, in the terminal and as JSON', async () => {
    const { SqliteStore } = await import('../src/store/sqlite.js');
    const storePath = path.join(dir, 'bot.sqlite');
    const store = new SqliteStore(storePath, 'i'.repeat(32));
    const at = Date.now();
    await store.recordAnswer({ id: 'a1', guildId: 'g', channelId: 'c', member: store.memberHash('u'), askedAt: at, kind: 'abstain', outcome: 'refused', reason: 'UNKNOWN_NAMES', question: 'What did Boris Johnson say?', outlets: [] });
    await store.recordAnswer({ id: 'a2', guildId: 'g', channelId: 'c', member: store.memberHash('u'), askedAt: at, kind: 'passages', outcome: 'answered', reason: null, question: 'Where?', outlets: ['LBC'] });
    await store.close();
    const env = { STORE_PATH: storePath, STORE_SECRET: 'i'.repeat(32) };
    const text = await run('insights', ['--days', '30'], '', env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Questions: 2 asked, 1 answered (50%), 1 refused (50%)');
    expect(text.stdout).toMatch(/1x {2}What did Boris Johnson say\? {2}\(UNKNOWN_NAMES\)/);
    expect(text.stdout).toMatch(/1 {2}LBC/);
    const json = JSON.parse((await run('insights', ['--json', '--guild', 'other'], '', env)).stdout) as { asked: number; guild: string };
    expect(json).toMatchObject({ asked: 0, guild: 'other' });
    const bad = await run('insights', ['--days', 'soon'], '', env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--days must be a whole number/);
  });

  it('an empty question exits non-zero with a clear message and the usage', async () => {
    const { code, stdout, stderr } = await run('ask', ['']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^Please give a question\./);
    expect(stderr).toContain('Usage:');
    expect(stdout).toBe('');
  });

  it('regression (unknown option printed a stack trace): an unknown option names it and shows the usage', async () => {
    const { code, stdout, stderr } = await run('ask', ['--bogus', 'What did Kushner say?']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--bogus'");
    expect(stderr).toContain('Usage:');
    expect(stderr).not.toMatch(/TypeError|\n\s+at /);
    expect(stdout).toBe('');
  });

  it('--speakers lists who is quoted, with role, statement count and outlets', async () => {
    const { code, stdout, stderr } = await run('ask', ['--speakers']);
    expect(code, stderr).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    const outlets = [...new Set(articles.map((a) => a.outlet))].sort().join(', ');
    expect(lines[0]).toMatch(new RegExp(`^Keir Starmer \\(Prime Minister\\): \\d+ statement\\(s\\) in ${outlets}$`));
    expect(lines).toContainEqual(expect.stringMatching(/^Jared Kushner \(US President’s son-in-law\): \d+ statement\(s\) in /));
    expect(lines).toContainEqual(expect.stringMatching(/^Steve Witkoff \(.+\): \d+ statement\(s\) in A News, The Independent$/));
    expect(stdout).not.toContain('Putin');
  });

  it('--sources lists every outlet and article with its date and link', async () => {
    const { code, stdout, stderr } = await run('ask', ['--sources']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Index built .+ with transformers:Xenova\\/all-MiniLM-L6-v2 \\(384 dimensions\\): ${articles.length} articles, \\d+ passages\\.`));
    for (const a of articles) {
      expect(stdout).toContain(`\n${a.outlet}\n`);
      expect(stdout).toContain(`"${a.headline}"`);
      expect(stdout).toContain(a.url ?? 'no link known');
    }
  });
});

describe('a damaged index', () => {
  let damagedBuild: string;

  it('ask exits 1 with a message pointing to `npm run reindex`', async () => {
    damagedBuild = (await readCurrentBuild(indexDir))!;
    const vectors = path.join(buildDir(indexDir, damagedBuild), VECTORS_FILE);
    const bytes = readFileSync(vectors);
    writeFileSync(vectors, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { code, stdout, stderr } = await run('ask', ['What did Kushner say?']);
    expect(code).toBe(1);
    expect(stderr).toContain('npm run reindex');
    expect(stderr).toContain('damaged');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('npm run reindex rebuilds it and prints Articles / Passages / Time', async () => {
    const { code, stdout, stderr } = await run('reindex');
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('Rebuilding it.');
    expect(stdout).toMatch(new RegExp(`^Articles: ${articles.length} \\(`, 'm'));
    const passages = /^Passages: (\d+), with (\d+) sentences of the longer ones \((\d+) texts embedded now, (\d+) reused, of (\d+) distinct texts\)$/m.exec(stdout);
    expect(passages, stdout).not.toBeNull();
    expect(Number(passages![3]) + Number(passages![4])).toBe(Number(passages![5]));
    expect(Number(passages![5])).toBeLessThanOrEqual(Number(passages![1]) + Number(passages![2]));
    expect(stdout).toMatch(/^Time: \d+\.\d s$/m);

    const rebuilt = await loadIndex(indexDir);
    expect(rebuilt.build).not.toBe(damagedBuild);
    expect(rebuilt.passages).toHaveLength(Number(passages![1]));
  });
});

describe('bad input gets a clear message, the rest still works (issue 9)', () => {
  it('regression: the first build inside `ask` lists the corpus files it skipped, with the reasons, and still answers', async () => {
    const corpus = path.join(dir, 'bad-corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    mkdirSync(path.join(corpus, 'x.md'));
    symlinkSync(path.join(corpus, 'gone.md'), path.join(corpus, 'dangling.md'));
    writeFileSync(path.join(corpus, 'notes.txt'), 'notes');
    const withUrl = articles.find((a) => a.url !== null)!;
    writeFileSync(path.join(corpus, 'zz-copy.md'), readFileSync(path.join(corpus, withUrl.file), 'utf8'));
    const { code, stdout, stderr } = await run('ask', ['--json', 'What did Kushner say?'], '', {
      CORPUS_DIR: corpus,
      INDEX_DIR: path.join(dir, 'bad-corpus-index'),
    });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('No index yet');
    expect(stderr).toContain('Skipped x.md: a folder, not a file');
    expect(stderr).toMatch(/^Skipped dangling\.md: a symbolic link whose target does not exist \(it points at .*gone\.md\)$/m);
    expect(stderr).toContain('Skipped notes.txt: not read, only *.md files are articles');
    expect(stderr).toContain(`Skipped zz-copy.md: same url as ${withUrl.file} (${withUrl.url}), which is indexed`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect((JSON.parse(stdout) as AnswerResult).citations.length).toBeGreaterThan(0);
  });

  it('regression: CORPUS_DIR that is a file: exit 1 with a message naming the setting, no ENOTDIR stack', async () => {
    const file = path.join(dir, 'not-a-folder.md');
    writeFileSync(file, 'x');
    const { code, stdout, stderr } = await run('ask', ['What did Kushner say?'], '', { CORPUS_DIR: file, INDEX_DIR: path.join(dir, 'unused-index') });
    expect(code).toBe(1);
    expect(stderr).toContain(`CORPUS_DIR is ${file}, which is a file.`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('regression: LOG_LEVEL=verbose: exit 1 naming the setting and the levels, no pino stack', async () => {
    const { code, stderr } = await run('ask', ['What did Kushner say?'], '', { LOG_LEVEL: 'verbose' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Invalid configuration: LOG_LEVEL="verbose": must be one of fatal, error, warn, info, debug, trace, silent. See .env.example.');
  });

  it('regression: INDEX_DIR=/proc/self/index ends at once with a message (it spun at 100% CPU)', async () => {
    const { code, stderr } = await run('reindex', [], '', { INDEX_DIR: '/proc/self/index' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^INDEX_DIR is \/proc\/self\/index, (but \/proc\/self is read-only|which cannot be created)/);
  });

  it('regression: an error echoes at most 80 characters of the question, not the whole line', async () => {
    const long = `What did Kushner say ${'again and again '.repeat(5000)}`;
    const { code, stdout } = await run('ask', ['--json'], `${long}\n`);
    expect(code).toBe(0);
    const line = JSON.parse(stdout) as { question: string; error: { code: string; message: string } };
    expect(line.error.code).toBe('QUESTION_TOO_LONG');
    expect(line.question).toBe(`${long.slice(0, 80)}…`);
    expect(stdout.length).toBeLessThan(400);
  });
});
