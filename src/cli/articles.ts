#!/usr/bin/env node
/**
 * `npm run articles -- add|remove|list|history|rollback|log`: managing the coverage from the terminal. Adding shows
 * the preview and asks before writing (unless --yes); every change rebuilds the index under the reindex lock and is
 * written to the audit log.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { auditEntries, buildHistory, corpusIds, draftContext, fetchArticle, listArticles, publishDraft, removeArticle, type HistoryEntry, type ManageDeps } from '../articles/manage.js';
import { checkWritableDirs, loadConfig, type Config } from '../config/config.js';
import { createEngine, type AnswerEngine } from '../engine/createEngine.js';
import { BotError } from '../errors.js';
import { actorLabel, type AuditEntry } from '../index/audit.js';
import { applyOverrides, extractFromFile, furnitureSummary, makeDraft, type ArticleDraft, type DetailOverrides, type DraftSource } from '../ingest/draft.js';
import type { ExtractedArticle } from '../ingest/extract.js';

const NO_DETAILS = { outlet: null, headline: null, published: null, author: null, url: null };
import { describeSyndication } from '../ingest/syndication.js';
import { createLogger } from '../log.js';
import { formatReport, runCli, terminalActor, terminalProgress } from './format.js';

const USAGE = `Usage:
  npm run articles -- add <url|file> [--outlet NAME] [--headline TEXT] [--published YYYY-MM-DD] [--author NAME] [--url LINK] [--yes] [--json]
                                          preview an article from a link or an .html/.md/.txt file, then add it and reindex
  npm run articles -- remove <article id> [--yes]   remove an article and reindex
  npm run articles -- list [--json]                 every article (id, outlet, headline, published, url) and the files skipped
  npm run articles -- history [--json]              the index builds kept: when, who, what changed
  npm run articles -- rollback <build> [--yes]      swap a kept build back in
  npm run articles -- log [--json]                  the audit log's last entries`;

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      outlet: { type: 'string' },
      headline: { type: 'string' },
      published: { type: 'string' },
      author: { type: 'string' },
      url: { type: 'string' },
      yes: { type: 'boolean', short: 'y', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const closed = new Promise<string>((resolve) => rl.once('close', () => resolve('')));
    const answer = await Promise.race([rl.question(`${question} [y/N] `), closed]);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export function formatPreview(draft: ArticleDraft): string {
  const d = draft.details;
  const from = (field: keyof typeof d) => (draft.from[field] ? ` (from ${draft.from[field]})` : '');
  const lines = [
    `Outlet:    ${d.outlet ?? '(missing: give --outlet)'}${from('outlet')}`,
    `Headline:  ${d.headline ?? '(missing: give --headline)'}${from('headline')}`,
    `Published: ${d.published ?? '(unknown)'}${from('published')}`,
    `Author:    ${d.author ?? '(unknown)'}${from('author')}`,
    `Link:      ${d.url ?? '(none)'}`,
    `File:      corpus/${draft.id}.md`,
    `Passages:  ${draft.passages.length}`,
  ];
  const skipped = furnitureSummary(draft);
  if (skipped) lines.push(`Skipped:   ${skipped}`);
  if (draft.syndication) lines.push(`Warning:   ${describeSyndication(draft.syndication)} (${draft.syndication.id}); it may be a syndicated copy.`);
  lines.push('', 'First passages, as they will be quoted:');
  for (const [i, p] of draft.passages.slice(0, 3).entries()) lines.push(`  ${i + 1}. ${p.length > 300 ? `${p.slice(0, 300)}…` : p}`);
  return lines.join('\n');
}

function draftJson(draft: ArticleDraft) {
  return { id: draft.id, ...draft.details, from: draft.from, passages: draft.passages, skipped: draft.furniture, cleanerDropped: draft.cleanerDropped, syndication: draft.syndication, missing: draft.missing };
}

function formatHistory(entries: HistoryEntry[]): string {
  if (entries.length === 0) return 'No index builds are kept yet.';
  return entries
    .map((e) => {
      const who = e.by ? `${e.action ?? 'build'} by ${actorLabel(e.by)}` : 'who: not in the audit log';
      const changes = e.changes
        ? [...e.changes.added.map((id) => `    + ${e.labels[id]} (${id})`), ...e.changes.changed.map((id) => `    ~ ${e.labels[id]} (${id})`), ...e.changes.removed.map((id) => `    - ${e.labels[id]} (${id})`)]
        : ['    (the oldest build kept)'];
      if (e.changes && changes.length === 0) changes.push('    no article changed');
      return [`${e.current ? '* ' : '  '}${e.build}  ${e.builtAt}  ${e.articles} articles, ${e.passages} passages  ${who}`, ...changes].join('\n');
    })
    .join('\n');
}

function formatAudit(entries: AuditEntry[]): string {
  if (entries.length === 0) return 'The audit log is empty.';
  return entries
    .map((e) => {
      const what = e.article ? ` ${e.article.id}${e.article.outlet ? ` (${e.article.outlet})` : ''}` : e.action === 'rollback' && e.build ? ` to ${e.build}` : '';
      const result = e.ok ? (e.build ? ` -> build ${e.build}` : '') : ` FAILED: ${e.error?.message ?? ''}`;
      return `${e.at}  ${actorLabel(e.actor)}  ${e.action}${what}${result}`;
    })
    .join('\n');
}

async function openEngine(config: Config): Promise<AnswerEngine> {
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  await checkWritableDirs(config);
  return createEngine(config, { log, onProgress: terminalProgress() });
}

async function add(target: string, values: ReturnType<typeof parse>['values'], config: Config): Promise<number> {
  const overrides: DetailOverrides = {};
  for (const key of ['outlet', 'headline', 'published', 'author', 'url'] as const) if (values[key] !== undefined) overrides[key] = values[key];
  applyOverrides(NO_DETAILS, {}, overrides); // a bad --published or --url is refused before anything else
  // Fetch or read first: a refused link or a bad file is reported without loading the model and the index.
  let read: { extracted: ExtractedArticle; source: DraftSource };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    read = await fetchArticle(target, config);
  } else {
    let size;
    try {
      size = (await stat(target)).size;
    } catch {
      throw new BotError('ARTICLE_BAD_FILE', `${target} is neither a link (https://…) nor a file that exists.`, { file: target });
    }
    if (size > config.FETCH_MAX_BYTES) throw new BotError('FETCH_TOO_LARGE', `${path.basename(target)} is larger than FETCH_MAX_BYTES (${config.FETCH_MAX_BYTES} bytes).`, {});
    read = { extracted: extractFromFile(target, await readFile(target, 'utf8')), source: { kind: 'file', name: path.basename(target) } };
  }
  let draft = makeDraft(read.extracted, read.source, overrides, { existingIds: await corpusIds(config.CORPUS_DIR), indexed: [] });
  let deps: ManageDeps | null = null;
  if (draft.missing.length === 0) {
    // The index is needed for the syndicated-copy warning and the reindex.
    deps = { config, engine: await openEngine(config) };
    draft = makeDraft(read.extracted, read.source, overrides, await draftContext(deps));
  }
  if (values.json) console.log(JSON.stringify({ preview: draftJson(draft) }));
  else console.log(formatPreview(draft));
  if (draft.missing.length > 0) {
    console.error(`\nNot added: the article has no ${draft.missing.join(' and no ')}. Give ${draft.missing.map((m) => `--${m}`).join(' and ')}.`);
    return 1;
  }
  if (!values.yes && !(await confirm('\nAdd this article and reindex?'))) {
    console.error('Cancelled; nothing was written.');
    return 1;
  }
  const result = await publishDraft(draft, terminalActor(), deps!, terminalProgress());
  if (values.json) console.log(JSON.stringify({ added: result.id, file: result.file, build: result.build, report: result.report }));
  else console.log(`\nAdded ${result.file} (build ${result.build}).\n${formatReport(result.report)}`);
  return 0;
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, arg] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case 'add':
      if (!arg) break;
      return add(arg, values, config);
    case 'remove': {
      if (!arg) break;
      const list = await listArticles(config);
      const article = list.articles.find((a) => a.id === arg);
      if (!article && !list.skipped.some((s) => s.file === `${arg}.md`)) {
        throw new BotError('ARTICLE_UNKNOWN', `No article in the corpus has the id "${arg.slice(0, 80)}"; \`npm run articles -- list\` shows every id.`, { id: arg });
      }
      const label = article ? `${article.outlet}: "${article.headline}" (${arg}.md)` : `${arg}.md`;
      if (!values.yes && !(await confirm(`Remove ${label} and reindex?`))) {
        console.error('Cancelled; nothing was changed.');
        return 1;
      }
      const engine = await openEngine(config);
      const result = await removeArticle(arg, terminalActor(), { config, engine }, terminalProgress());
      console.log(`Removed ${result.file} (build ${result.build}).\n${formatReport(result.report)}`);
      return 0;
    }
    case 'list': {
      const list = await listArticles(config);
      if (values.json) {
        console.log(JSON.stringify(list, null, 2));
        return 0;
      }
      for (const a of list.articles) {
        console.log(`${a.id}\n  ${a.outlet}, "${a.headline}", ${a.published ?? 'undated'}, ${a.url ?? 'no link'}\n  ${a.passages !== null ? `${a.passages} passages` : a.status}`);
      }
      for (const s of list.skipped) console.log(`Skipped ${s.file}: ${s.reason}`);
      return 0;
    }
    case 'history': {
      const history = await buildHistory(config);
      console.log(values.json ? JSON.stringify(history, null, 2) : formatHistory(history));
      return 0;
    }
    case 'log': {
      const entries = await auditEntries(config, 50);
      console.log(values.json ? JSON.stringify(entries, null, 2) : formatAudit(entries));
      return 0;
    }
    case 'rollback': {
      if (!arg) break;
      if (!values.yes && !(await confirm(`Swap build ${arg} back in?`))) {
        console.error('Cancelled; nothing was changed.');
        return 1;
      }
      const engine = await openEngine(config);
      const r = await engine.rollback(arg, terminalActor());
      console.log(`Rolled back to build ${r.build} (built ${r.builtAt}, ${r.articles} articles); it was ${r.previous ?? 'none'}.`);
      if (r.differs.length > 0) console.log(`Corpus files that differ from it (the next reindex takes them in):\n${r.differs.map((d) => `  ${d}`).join('\n')}`);
      else console.log('The corpus matches this build.');
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
  console.error(`"${command}" needs an argument.\n\n${USAGE}`);
  return 2;
}

runCli(main);
