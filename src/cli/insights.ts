#!/usr/bin/env node
/** `npm run insights -- [--days 7] [--guild ID] [--json]`: the moderators' insights, from the store, in the terminal. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { openStore } from '../store/open.js';
import type { Insights } from '../store/types.js';

const USAGE = `Usage:
  npm run insights                        the last 7 days, every server
  npm run insights -- --days 30           the last 30 days
  npm run insights -- --guild <id>        one server only
  npm run insights -- --json              one JSON object`;

export function formatInsights(i: Insights, days: number, guild: string | null): string {
  const pct = (n: number) => (i.asked === 0 ? '0%' : `${Math.round((100 * n) / i.asked)}%`);
  const lines = [
    `Insights for the last ${days} day(s), ${guild ? `server ${guild}` : 'every server'}`,
    `Questions: ${i.asked} asked, ${i.answered} answered (${pct(i.answered)}), ${i.refused} refused (${pct(i.refused)}), ${i.other} small talk or clarifications`,
    `Votes: ${i.votes.up} up, ${i.votes.down} down`,
    '',
    'Most frequent refused questions:',
    ...(i.topRefused.length ? i.topRefused.map((r) => `  ${r.count}x  ${r.question}${r.reason ? `  (${r.reason})` : ''}`) : ['  none']),
    '',
    'Lowest-rated answers:',
    ...(i.lowestRated.length
      ? i.lowestRated.flatMap((r) => [`  +${r.up} -${r.down}  ${r.question ?? '(question not kept)'}`, ...r.reports.map((c) => `      report: ${c}`)])
      : ['  none']),
    '',
    'Outlets cited most:',
    ...(i.outlets.length ? i.outlets.map((o) => `  ${o.count}  ${o.outlet}`) : ['  none']),
  ];
  return lines.join('\n');
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { days: { type: 'string', default: '7' }, guild: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    console.error(`--days must be a whole number of days from 1 to 3650 (got "${values.days}").\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const guild = values.guild ?? null;
    const insights = await store.insights({ guildId: guild, since: Date.now() - days * 24 * 60 * 60 * 1000, limit: 10 });
    console.log(values.json ? JSON.stringify({ days, guild, ...insights }) : formatInsights(insights, days, guild));
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
