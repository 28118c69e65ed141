import { formatCitation, formatDate } from '../answer/citations.js';
import { outletList } from '../corpus/outlets.js';
import { answerText, describeReason, examplesOf, type TextHints } from '../answer/text.js';
import { statementsOf, type AnswerResult, type StatementLine } from '../answer/types.js';
import type { SourcesInfo } from '../engine/types.js';
import { isBotError } from '../errors.js';
import { userInfo } from 'node:os';
import type { Actor } from '../index/audit.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import { embeddingSummary, REPORT_NAMES_SHOWN, type ReindexReport } from '../index/report.js';

/** What the terminal adds to an answer's text. */
const HINTS: TextHints = { allStatements: () => '(--json lists them all)' };

/** An answer as the terminal shows it: the quoted answer, then the numbered sources. */
export function formatAnswer(result: AnswerResult): string {
  const text = answerText(result, HINTS);
  const lines = [text];
  const examples = examplesOf(result);
  if (examples.length > 0) lines.push('', 'You could ask:', ...examples.map((s) => `  - ${s}`));
  if (result.citations.length > 0) {
    // The sources the text cites (a speaker's statements beyond those shown cite others: --json has them all).
    const marked = new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    const shown = marked.size > 0 ? result.citations.filter((c) => marked.has(c.n)) : result.citations;
    const more = result.citations.length - shown.length;
    lines.push('', 'Sources:', ...shown.map((c) => `  ${formatCitation(c)}`));
    if (more > 0) lines.push(`  …and ${more} more cited by the statements not shown (--json lists them all)`);
  }
  return lines.join('\n');
}

function formatProgress(p: ReindexProgress): string {
  return p.total > 0 && p.stage === 'embedding' ? `  ${p.message} (${Math.round((100 * p.done) / p.total)}%)` : `  ${p.message}`;
}

/** How often the terminal prints a stage's progress: a build of 20,000 passages reports every batch, hundreds of times. */
export const PROGRESS_INTERVAL_MS = 2000;

/**
 * A build's progress for the terminal, one line each: every new stage and every stage's last step, and in between at
 * most one line per `interval` ms, so that a long build prints a few dozen lines instead of one per batch.
 */
export function terminalProgress(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  interval = PROGRESS_INTERVAL_MS,
  now: () => number = () => performance.now(),
): (p: ReindexProgress) => void {
  let stage: string | null = null;
  let last = -Infinity;
  return (p) => {
    const t = now();
    if (p.stage === stage && p.done < p.total && t - last < interval) return;
    stage = p.stage;
    last = t;
    write(formatProgress(p));
  };
}

/** A question as an error echoes it back: at most the first 80 characters, then an ellipsis. */
export function echoQuestion(question: string, max = 80): string {
  return question.length > max ? `${question.slice(0, max)}…` : question;
}

/**
 * What the terminal prints when a command fails: a BotError's message; anything else on one line with its
 * code (EACCES, ENOSPC, ...), the stack only with LOG_LEVEL=debug or trace.
 */
export function failureMessage(error: unknown, level = process.env.LOG_LEVEL): string {
  if (isBotError(error)) return error.message;
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (level === 'debug' || level === 'trace') return error instanceof Error ? (error.stack ?? message) : message;
  return `Failed: ${message.length > 300 ? `${message.slice(0, 300)}…` : message}. (LOG_LEVEL=debug shows the details.)`;
}

/**
 * Runs a terminal command's main: its exit code (if it returns one) becomes the process's; a failure prints
 * `failureMessage` and exits 1.
 */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      console.error(failureMessage(error));
      process.exitCode = 1;
    },
  );
}

/** A corpus file the build skipped, and why. */
export function formatSkipped(p: { file: string; message: string; detail?: string }): string {
  const reason = p.message.startsWith(`${p.file}: `) ? p.message.slice(p.file.length + 2) : p.message;
  return `Skipped ${p.file}: ${reason}${p.detail ? ` (${p.detail})` : ''}`;
}

/** The first few names, then how many more: a report stays a few lines long at a thousand articles. */
export function firstFew(names: readonly string[], shown = REPORT_NAMES_SHOWN): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} …and ${names.length - shown} more` : head;
}

export function formatReport(r: ReindexReport): string {
  const lines = [
    `Articles: ${r.articles} (${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed, ${r.unchanged} unchanged)`,
    `Passages: ${r.passages}, with ${r.sentences} sentences of the longer ones (${embeddingSummary(r)})`,
    `Time: ${(r.ms / 1000).toFixed(1)} s`,
  ];
  const named: [string, string[]][] = [['Added', r.added], ['Changed', r.changed], ['Removed', r.removed]];
  for (const [label, ids] of named) if (ids.length > 0) lines.push(`${label}: ${firstFew(ids)}`);
  if (r.problems.length > 0) lines.push(`Skipped files: ${r.problems.length}`, ...skippedLines(r.problems));
  return lines.join('\n');
}

/** The first few files a build skipped, with the reason, then how many more. */
export function skippedLines(problems: ReindexReport['problems']): string[] {
  const lines = problems.slice(0, REPORT_NAMES_SHOWN).map(formatSkipped);
  if (problems.length > REPORT_NAMES_SHOWN) lines.push(`  …and ${problems.length - REPORT_NAMES_SHOWN} more`);
  return lines;
}

/** The outlets and articles indexed, and when and with what the index was built. */
export function formatSources(s: SourcesInfo): string {
  const lines = [`Index built ${s.builtAt} with ${s.embedder} (${s.dimensions} dimensions): ${s.articles.length} articles, ${s.passages} passages.`];
  const outlets = outletList(s.articles);
  for (const outlet of outlets) {
    lines.push('', outlet);
    for (const a of s.articles.filter((x) => x.outlet === outlet)) {
      lines.push(`  "${a.headline}", ${formatDate(a.published)}, ${a.url ?? 'no link known'} (${a.passages} passages)`);
    }
  }
  return lines.join('\n');
}

/**
 * An answer as `--json` prints it: the structure as the engine returns it (`kind`, `quotes`, `sections`,
 * `comparison`, `reason` as a code with its parameters), plus the flat fields scripts read: `answer` (the text
 * a user sees), `abstained`, `abstainReason` (words), `suggestions` and every `statements` line.
 */
export type AnswerJson = AnswerResult & {
  answer: string;
  abstained: boolean;
  abstainReason: string | null;
  suggestions: string[];
  statements: StatementLine[];
};

export function answerJson(result: AnswerResult): AnswerJson {
  const abstained = result.kind === 'abstain';
  return {
    ...result,
    answer: answerText(result, HINTS),
    abstained,
    abstainReason: abstained ? describeReason(result.reason) : null,
    suggestions: abstained ? result.suggestions : [],
    statements: statementsOf(result),
  };
}

/** Who is at the terminal, for the audit log: the login name (or $USER when there is no passwd entry). */
export function terminalActor(): Actor {
  let name = process.env.USER ?? process.env.USERNAME ?? '';
  try {
    name = userInfo().username || name;
  } catch {
    // no passwd entry (containers): the environment's name, if any
  }
  return { via: 'terminal', name: name || 'unknown user' };
}
