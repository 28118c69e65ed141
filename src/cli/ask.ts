#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { checkWritableDirs, loadConfig } from '../config/config.js';
import { turnOf } from '../answer/turn.js';
import { createEngine, type AnswerEngine } from '../engine/createEngine.js';
import type { Turn } from '../plan/followUp.js';
import { isBotError } from '../errors.js';
import { createLogger } from '../log.js';
import { answerJson, echoQuestion, failureMessage, formatAnswer, formatSources, terminalProgress, skippedLines, runCli } from './format.js';

const USAGE = `Usage:
  npm run ask -- "What did Kushner say?"        print the answer and its sources
  npm run ask -- --json "question"              print one JSON object
  npm run ask -- --json < questions.txt         one question per line in, one JSON object per line out
  npm run ask -- --chat                         a conversation: one question a line, follow-ups ("and Macron?") read against the earlier ones
  npm run ask -- --outlet LBC "question"        only that outlet's articles
  npm run ask -- --compare "topic"              each outlet's passage on the topic side by side
  npm run ask -- --speakers                     who is quoted in the coverage
  npm run ask -- --sources                      the outlets and articles indexed, and when`;

function errorJson(question: string, error: unknown): string {
  const code = isBotError(error) ? error.code : 'INTERNAL';
  const message = error instanceof Error ? error.message : String(error);
  return JSON.stringify({ question: echoQuestion(question), error: { code, message } });
}

async function answerLines(engine: AnswerEngine, options: { outlet?: string; compare?: boolean }): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      process.stdout.write(`${JSON.stringify(answerJson(await engine.ask(line, options)))}\n`);
    } catch (error) {
      process.stdout.write(`${errorJson(line, error)}\n`);
    }
  }
}

/**
 * `--chat`: questions line by line with the session as context, by the same rules as the bot's follow-up
 * threads (src/plan/followUp.ts). A follow-up read against the conversation says how it was read.
 */
async function chat(engine: AnswerEngine, options: { outlet?: string; compare?: boolean }, json: boolean): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const turns: Turn[] = [];
  if (process.stdin.isTTY) process.stderr.write('Ask away; follow-ups ("what else did he say?", "and Macron?") use the conversation. Ctrl-D ends.\n');
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      const resolved = engine.resolve(line.trim(), turns);
      const outlet = resolved.outlet ?? options.outlet;
      const result = await engine.ask(resolved.question, { ...(outlet ? { outlet } : {}), ...(resolved.compare || options.compare ? { compare: true } : {}) });
      turns.push(turnOf(result, { question: resolved.question, ...(outlet ? { outlet } : {}) }));
      if (json) {
        process.stdout.write(`${JSON.stringify({ asked: line.trim(), resolved: { question: resolved.question, rule: resolved.rule, outlet: outlet ?? null, compare: resolved.compare ?? false }, ...answerJson(result) })}\n`);
      } else {
        const readAs = resolved.rule === 'asked' ? '' : `(read as: ${resolved.question}${resolved.compare ? ', each outlet' : ''}${resolved.outlet ? `, ${resolved.outlet} only` : ''})\n`;
        process.stdout.write(`${readAs}${formatAnswer(result)}\n\n`);
      }
    } catch (error) {
      if (json) process.stdout.write(`${errorJson(line, error)}\n`);
      else process.stderr.write(`${isBotError(error) ? error.message : failureMessage(error)}\n`);
    }
  }
}

function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      chat: { type: 'boolean', default: false },
      outlet: { type: 'string' },
      compare: { type: 'boolean', default: false },
      speakers: { type: 'boolean', default: false },
      sources: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine();
  } catch (error) {
    // An unknown or malformed option: say which, and how to call the command, rather than a stack trace.
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const question = positionals.join(' ');
  if (!values.json && !values.chat && !values.speakers && !values.sources && question.trim() === '') {
    console.error(`Please give a question.\n\n${USAGE}`);
    return 2;
  }

  await checkWritableDirs(config);
  let announced = false;
  const progress = terminalProgress();
  const engine = await createEngine(config, {
    log,
    onProgress: (p) => {
      // Once: a build in the worker process reports 'reading' twice (starting it, then reading the corpus).
      if (p.stage === 'reading' && !announced) process.stderr.write('No index yet: building it from the corpus (this happens once).\n');
      announced = true;
      progress(p);
    },
  });
  try {
    return await answerWith(engine, values, question);
  } finally {
    await engine.close();
  }
}

async function answerWith(engine: AnswerEngine, values: ReturnType<typeof parseCommandLine>['values'], question: string): Promise<number> {
  // The first build happened here: say which corpus files were skipped and why (a reindex reports them too).
  for (const line of skippedLines(engine.lastReport?.problems ?? [])) process.stderr.write(`${line}\n`);
  const options = { ...(values.outlet ? { outlet: values.outlet } : {}), ...(values.compare ? { compare: true } : {}) };

  if (values.speakers) {
    const speakers = engine.speakers();
    if (values.json) console.log(JSON.stringify(speakers));
    else for (const s of speakers) console.log(`${s.name}${s.role ? ` (${s.role})` : ''}: ${s.statements} statement(s) in ${s.outlets.join(', ')}`);
    return 0;
  }
  if (values.sources) {
    const sources = engine.sources();
    console.log(values.json ? JSON.stringify(sources) : formatSources(sources));
    return 0;
  }
  if (values.chat) {
    await chat(engine, options, values.json);
    return 0;
  }
  if (values.json && question.trim() === '') {
    await answerLines(engine, options);
    return 0;
  }
  try {
    const result = await engine.ask(question, options);
    console.log(values.json ? JSON.stringify(answerJson(result)) : formatAnswer(result));
    return 0;
  } catch (error) {
    if (!isBotError(error)) throw error;
    if (values.json) console.log(errorJson(question, error));
    else console.error(error.message);
    return 1;
  }
}

runCli(main);
