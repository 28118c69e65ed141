/**
 * End to end: the real engine (index built from the corpus), the real discord.js client, and a local Discord on
 * 127.0.0.1 that checks every request against Discord's OpenAPI description.
 */
import { answerText } from '../../src/answer/text.js';
import type { APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/bot.js';
import { BOT_HINTS, unquotedPassages } from '../../src/bot/format/answer.js';
import { speakerChoices } from '../../src/bot/format/speakers.js';
import { loadCommands } from '../../src/bot/loader.js';
import { Limits } from '../../src/bot/limits.js';
import { citedNumbers } from '../../src/bot/text.js';
import type { Article } from '../../src/types.js';
import { CORPUS_DIR, embedOf, memoryLogger, startHarness, testConfig, type Harness } from '../helpers/botHarness.js';
import { checkQuotes, checkSourceFields, corpusArticles } from '../helpers/corpusCheck.js';
import { FakeDiscord, type StoredMessage } from '../helpers/fakeDiscord.js';
import { withJoinedAnswers } from '../helpers/longAnswer.js';

const ORIGINAL = '/webhooks/{webhook_id}/{webhook_token}/messages/@original';
const CALLBACK = '/interactions/{interaction_id}/{interaction_token}/callback';
const EPHEMERAL = 64;
const QUESTION = 'Where will the UK and France set up military hubs?';

let h: Harness;
let articles: Article[];

beforeAll(async () => {
  h = await startHarness();
  articles = await corpusArticles(CORPUS_DIR);
});

afterAll(async () => {
  await h?.stop();
});

afterEach(() => {
  // Every request the bot made matched Discord's published API description.
  expect(h.discord.violations).toEqual([]);
});


interface Button {
  style: number;
  label?: string;
  custom_id?: string;
  url?: string;
}

/** The first non-link button of a message. */
function actionButton(message: StoredMessage): Button & { custom_id: string } {
  const button = (message.components as { components: Button[] }[]).flatMap((r) => r.components).find((b) => b.custom_id !== undefined);
  expect(button, 'the message has a button').toBeDefined();
  return button as Button & { custom_id: string };
}

function embedTotal(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

describe('logging in', () => {
  it('logs the unmodified discord.js client in: gateway from GET /gateway/bot, IDENTIFY, READY, GUILD_CREATE, heartbeats', async () => {
    const gateway = h.discord.requests.find((r) => r.route === '/gateway/bot')!;
    expect(gateway.headers.authorization).toBe(`Bot ${h.discord.token}`);
    expect(h.discord.identifies).toHaveLength(1);
    // Guilds only: no privileged intents unless answering mentions is configured.
    expect(h.discord.identifies[0].intents).toBe(1);
    expect(h.bot.client.guilds.cache.get(h.discord.guildId)?.name).toBe('Test Guild');
    await h.discord.waitForHeartbeat();
    expect(h.bot.client.ws.ping).not.toBeNaN();
  });

  it('registered the commands in the guild; /reindex, /articles, /insights and /settings for Manage Server only and guild-only', async () => {
    const put = h.discord.requests.find((r) => r.route === '/applications/{application_id}/guilds/{guild_id}/commands')!;
    expect(put.method).toBe('PUT');
    expect(put.path).toBe(`/applications/${h.discord.applicationId}/guilds/${h.discord.guildId}/commands`);
    const byName = Object.fromEntries((put.body as { name: string }[]).map((c) => [c.name, c])) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(Object.keys(byName).sort()).toEqual(['articles', 'ask', 'help', 'insights', 'privacy', 'quote', 'reindex', 'settings', 'sources']);
    for (const name of ['reindex', 'articles', 'insights', 'settings']) {
      expect(byName[name].default_member_permissions).toBe('32');
      expect(byName[name].contexts).toEqual([0]);
    }
    expect(byName.articles.options.map((o: { name: string }) => o.name)).toEqual(['add', 'remove', 'list', 'history', 'rollback', 'log']);
    expect(byName.ask.options.map((o: { name: string; required?: boolean }) => [o.name, o.required ?? false])).toEqual([
      ['question', true],
      ['ephemeral', false],
      ['outlet', false],
      ['compare', false],
    ]);
    expect(byName.ask.options[2]).toMatchObject({ name: 'outlet', autocomplete: true });
    expect(byName.quote.options[0]).toMatchObject({ name: 'speaker', autocomplete: true, required: true });
  });
});

describe('/ask', () => {
  it('defers at once, then edits in the answer: quotes with [n] markers and sources checked against the corpus', async () => {
    const i = h.discord.command('ask', { question: QUESTION });
    const callback = await i.callback();
    expect(callback.body).toEqual({ type: 5, data: { flags: 0 } });
    const edit = await i.edit();
    expect(i.requests()[0]).toBe(callback);
    const embed = embedOf(edit);
    expect(embed.title).toBe(QUESTION);
    const description = embed.description!;
    expect(citedNumbers(description).size).toBeGreaterThan(0);
    const cited = checkSourceFields(embed, articles);
    expect(new Set(cited.keys())).toEqual(citedNumbers(description));
    expect(checkQuotes(description, cited)).toBeGreaterThan(0);
    expect(description).toMatch(/military hubs/);
    // Link buttons open the cited articles that have an address.
    const links = (edit.body.components as { components: { style: number; url?: string }[] }[]).flatMap((r) => r.components).filter((b) => b.style === 5);
    expect(links.map((b) => b.url)).toEqual([...cited.values()].map((a) => a.url).filter((u) => u !== null).slice(0, 5));
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('autocompletes outlets and answers from that outlet only', async () => {
    const auto = h.discord.autocomplete('ask', 'outlet', 'lb');
    const choices = (await auto.callback()).body.data.choices as { name: string; value: string }[];
    expect(choices).toEqual([{ name: 'LBC', value: 'LBC' }]);
    const i = h.discord.command('ask', { question: 'What was said about Greenland?', outlet: 'LBC' });
    const embed = embedOf(await i.edit());
    const cited = checkSourceFields(embed, articles);
    expect(cited.size).toBeGreaterThan(0);
    expect(new Set([...cited.values()].map((a) => a.outlet))).toEqual(new Set(['LBC']));
    expect(embed.description).toMatch(/Greenland/);
  });

  it('compares the outlets side by side when asked to', async () => {
    const i = h.discord.command('ask', { question: "Kushner's milestone quote", compare: true });
    const embed = embedOf(await i.edit());
    expect(embed.description).toContain('How each outlet covered it:');
    const outlets = new Set(articles.map((a) => a.outlet));
    const rows = embed.description!.split('\n').filter((l) => [...outlets].some((o) => l.startsWith(`${o}: `)));
    expect(rows.length).toBeGreaterThanOrEqual(outlets.size);
    const cited = checkSourceFields(embed, articles);
    expect(new Set(cited.keys())).toEqual(citedNumbers(embed.description!));
  });

  it('tells the user when the outlet asked for is not indexed', async () => {
    const i = h.discord.command('ask', { question: 'What about Greenland?', outlet: 'The Times' });
    await i.callback();
    const followUp = await i.followUp();
    expect(followUp.body.flags).toBe(EPHEMERAL);
    expect(followUp.body.content).toContain('No outlet called "The Times" is indexed');
    expect(followUp.body.content).toContain('LBC');
  });

  it('regression: expected user errors are logged at info/warn without a stack; unexpected ones stay errors with the stack', async () => {
    const i = h.discord.command('ask', { question: 'What about Greenland?', outlet: 'The Times' });
    await i.followUp();
    const outlet = h.logs.find((l) => l.interaction === i.id && l.code === 'OUTLET_UNKNOWN');
    expect(outlet?.level).toBe(30);
    expect(outlet?.err).toBeUndefined();
    expect(JSON.stringify(outlet)).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
    expect(h.logs.filter((l) => l.interaction === i.id && l.level >= 50)).toEqual([]);

    const crafted = h.discord.command('ask', {});
    await crafted.callback();
    const missing = h.logs.find((l) => l.interaction === crafted.id && l.code === 'DISCORD_OPTION_MISSING');
    expect(missing?.level).toBe(40);
    expect(missing?.err).toBeUndefined();

    h.discord.failNext({ method: 'PATCH', route: ORIGINAL, status: 500, times: 4 });
    const failing = h.discord.command('ask', { question: QUESTION });
    await failing.followUp();
    const logged = h.logs.find((l) => l.msg === 'interaction failed' && l.interaction === failing.id);
    expect(logged?.level).toBe(50);
    expect(logged?.err?.stack).toBeTruthy();
  });

  it('answers privately when asked to', async () => {
    const i = h.discord.command('ask', { question: QUESTION, ephemeral: true });
    expect((await i.callback()).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(embedOf(await i.edit()).title).toBe(QUESTION);
  });

  it('says so when the coverage does not answer, with the reason and questions it can answer', async () => {
    const question = 'What is the weather in Tokyo?';
    const expected = await h.engine.ask(question);
    expect(expected.kind).toBe('abstain');
    if (expected.kind !== 'abstain') return;
    const i = h.discord.command('ask', { question });
    const embed = embedOf(await i.edit());
    expect(embed.description).toContain(answerText(expected).trim());
    for (const s of expected.suggestions) expect(embed.description).toContain(s);
    expect(embed.fields).toEqual([]);
    // No sources to open: the suggestions as buttons that ask them, then the feedback row.
    const rows = (await i.edit()).body.components as { components: { label: string; custom_id: string }[] }[];
    expect(rows[0]!.components.map((b) => b.label)).toEqual(expected.suggestions.filter((q) => `q:${q}`.length <= 100));
    expect(rows[0]!.components.map((b) => b.custom_id)).toEqual(rows[0]!.components.map((b) => `q:${b.label}`));
    expect(rows[1]!.components.map((b) => b.label)).toEqual(['👍', '👎', 'Report a problem']);
    expect(rows).toHaveLength(2);
  });

  it('"More sources" shows the next passages privately, then pages through them', async () => {
    const question = 'Who signed the Paris Declaration?';
    const expected = unquotedPassages(await h.engine.ask(question));
    expect(expected.length).toBeGreaterThan(3);
    const ask = h.discord.command('ask', { question });
    await ask.edit();
    const answer = ask.original()!;
    const more = actionButton(answer);
    expect(more.label).toBe('More sources');

    const press = h.discord.pressButton(answer, more.custom_id, h.discord.users.other);
    const page = await press.callback();
    expect(page.body.type).toBe(4);
    expect(page.body.data.flags).toBe(EPHEMERAL);
    const embed = embedOf(page);
    expect(embed.fields!.map((f) => f.name.split(' ')[0])).toEqual(expected.slice(0, 3).map((p) => `#${p.rank}`));
    for (const field of embed.fields!) {
      const excerpt = field.value.split('\n')[0]!.replace(/^> /, '').replace(/…$/, '');
      expect(articles.some((a) => a.body.replace(/\s+/g, ' ').includes(excerpt.replace(/\s+/g, ' ').trim()))).toBe(true);
    }
    // The private page has its own button for the next page, which replaces it in place.
    await h.discord.waitForRequest((r) => r.method === 'GET' && r.path.includes(press.token));
    const pageMessage = press.original()!;
    const next = actionButton(pageMessage);
    const press2 = h.discord.pressButton(pageMessage, next.custom_id, h.discord.users.other);
    const update = await press2.callback();
    expect(update.body.type).toBe(7);
    expect(embedOf(update).fields!.map((f) => f.name.split(' ')[0])).toEqual(expected.slice(3, 6).map((p) => `#${p.rank}`));
    expect(pageMessage.embeds[0].fields[0].name).toBe(embedOf(update).fields![0]!.name);
  });

  it('regression: "More sources" pressed before the bot has the answer\'s message id back (a busy network) opens the page, not a refusal', async () => {
    const question = 'Who signed the Paris Declaration?';
    // Discord shows the edited answer at once; its response to the bot comes late.
    const held = h.discord.hold('PATCH', ORIGINAL, { applied: true });
    const ask = h.discord.command('ask', { question });
    await held.arrived;
    const answer = ask.original()!;
    const more = actionButton(answer);
    const press = h.discord.pressButton(answer, more.custom_id, h.discord.users.other);
    setTimeout(held.release, 300);
    const page = await press.callback();
    expect(page.body.type).toBe(4);
    expect(page.body.data.flags).toBe(EPHEMERAL);
    expect(embedOf(page).fields!.length).toBeGreaterThan(0);
  });

  it('regression: a private answer\'s "More sources" is refused, privately, to anyone but its owner', async () => {
    const question = 'Who signed the Paris Declaration?';
    const ask = h.discord.command('ask', { question, ephemeral: true }, h.discord.users.member);
    await ask.edit();
    const answer = ask.original()!;
    const more = actionButton(answer);
    const before = JSON.stringify(answer);

    const stranger = h.discord.pressButton(answer, more.custom_id, h.discord.users.other);
    const refusal = await stranger.callback();
    expect(refusal.body.type).toBe(4);
    expect(refusal.body.data.flags).toBe(EPHEMERAL);
    expect(refusal.body.data.content).toMatch(/someone else/);
    expect(refusal.body.data.embeds ?? []).toEqual([]);
    expect(JSON.stringify(refusal.body)).not.toContain(question);
    expect(JSON.stringify(answer)).toBe(before);

    // The owner still gets the page.
    const own = await h.discord.pressButton(answer, more.custom_id, h.discord.users.member).callback();
    expect(own.body.type).toBe(4);
    expect(own.body.data.flags).toBe(EPHEMERAL);
    expect(embedOf(own).title).toContain('More sources');
  });

  it('regression: a "More sources" press never replaces a message the page does not belong to', async () => {
    const question = 'Who signed the Paris Declaration?';
    const ask = h.discord.command('ask', { question }, h.discord.users.member);
    await ask.edit();
    const answer = ask.original()!;
    const more = actionButton(answer);
    const other = h.discord.command('ask', { question: QUESTION }, h.discord.users.other);
    await other.edit();
    const victim = other.original()!;
    const before = JSON.stringify(victim);

    // A later page's id pressed on someone's public answer: refused, the answer untouched.
    const page1 = more.custom_id.replace(/:0$/, ':1');
    const crafted = await h.discord.pressButton(victim, page1, h.discord.users.member).callback();
    expect(crafted.body.type).toBe(4);
    expect(crafted.body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(victim)).toBe(before);
    // Page 0 of one answer pressed on another message: refused too.
    expect((await h.discord.pressButton(victim, more.custom_id, h.discord.users.member).callback()).body.data.content).toMatch(/someone else/);

    // Someone else's private page: its next-page button is refused to anyone but whom it was shown to.
    const press = h.discord.pressButton(answer, more.custom_id, h.discord.users.other);
    await press.callback();
    await h.discord.waitForRequest((r) => r.method === 'GET' && r.path.includes(press.token));
    const pageMessage = press.original()!;
    const next = actionButton(pageMessage);
    const pageBefore = JSON.stringify(pageMessage);
    const intruder = await h.discord.pressButton(pageMessage, next.custom_id, h.discord.users.member).callback();
    expect(intruder.body.type).toBe(4);
    expect(JSON.stringify(pageMessage)).toBe(pageBefore);
    // Whoever it was shown to pages on.
    expect((await h.discord.pressButton(pageMessage, next.custom_id, h.discord.users.other).callback()).body.type).toBe(7);
  });

  it('never pings: @everyone and a role mention in the question reach Discord neutralised, with allowed mentions for no one', async () => {
    const question = `@everyone <@&${h.discord.roleId}> where will the military hubs be set up?`;
    const i = h.discord.command('ask', { question });
    const edit = await i.edit();
    expect(edit.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    for (const r of i.requests()) {
      const text = JSON.stringify(r.body ?? {});
      expect(text).not.toMatch(/@everyone|@here|<@&\d|<@!?\d/);
      if (r.body?.content || r.body?.embeds || r.body?.data?.content || r.body?.data?.embeds) {
        const mentions = r.body.allowed_mentions ?? r.body.data?.allowed_mentions;
        expect(mentions.parse).toEqual([]);
        expect(mentions.users ?? []).toEqual([]);
        expect(mentions.roles ?? []).toEqual([]);
      }
    }
    expect(embedOf(edit).title).toBe(question.replace('@everyone', '@\u200beveryone').replace('<@&', '<@\u200b&'));
  });
});

describe('/quote', () => {
  it('autocompletes speakers found in the corpus within 25 choices, then lists what the person said, cited', async () => {
    const speakers = h.engine.speakers();
    expect(speakers.length, 'the engine lists the people quoted in the corpus').toBeGreaterThan(0);
    const typed = speakers[0]!.name.slice(0, 3);
    const auto = h.discord.autocomplete('quote', 'speaker', typed);
    const response = await auto.callback();
    expect(response.body.type).toBe(8);
    const choices = response.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(Limits.autocompleteChoices);
    expect(choices).toEqual(speakerChoices(speakers, typed));

    const speaker = choices[0]!.value;
    const i = h.discord.command('quote', { speaker });
    const embed = embedOf(await i.edit());
    expect(embed.title).toBe(`What ${speaker} said`);
    const cited = checkSourceFields(embed, articles);
    expect(new Set(cited.keys())).toEqual(citedNumbers(embed.description!));
    expect(checkQuotes(embed.description!, cited)).toBeGreaterThan(0);
    expect(embedTotal(embed)).toBeLessThanOrEqual(Limits.embedTotal);
  });

  it('fits the most quoted person\'s long list of statements into one message, every marker with its source', async () => {
    const [top] = speakerChoices(h.engine.speakers(), '');
    const full = await h.engine.quote(top!.value);
    const i = h.discord.command('quote', { speaker: top!.value });
    const embed = embedOf(await i.edit());
    expect(embedTotal(embed)).toBeLessThanOrEqual(Limits.embedTotal);
    expect(embed.description!.length).toBeLessThanOrEqual(Math.min(Limits.embedDescription, answerText(full, BOT_HINTS).length));
    expect(embed.description).not.toMatch(/\[\d*$/m);
    const cited = checkSourceFields(embed, articles);
    expect(new Set(cited.keys())).toEqual(citedNumbers(embed.description!));
    expect(checkQuotes(embed.description!, cited)).toBeGreaterThan(3);
  });
});

describe('/sources', () => {
  it('lists every outlet and article indexed, with dates and links, and when the index was built', async () => {
    const i = h.discord.command('sources');
    const reply = await i.callback();
    expect(reply.body.type).toBe(4);
    const embed = embedOf(reply);
    const info = h.engine.sources();
    expect(embed.description).toContain(`<t:${Math.floor(Date.parse(info.builtAt) / 1000)}:f>`);
    expect(embed.description).toContain(`${articles.length} articles`);
    const outlets = [...new Set(articles.map((a) => a.outlet))].sort((a, b) => a.localeCompare(b));
    expect(embed.fields!.map((f) => f.name.replace(/ \(\d+\)$/, ''))).toEqual(outlets);
    const text = embed.fields!.map((f) => f.value).join('\n');
    for (const a of articles) {
      expect(text).toContain(a.headline);
      if (a.url) expect(text).toContain(`(${a.url})`);
    }
  });
});

describe('/reindex permissions', () => {
  it('is refused, privately, to a member without Manage Server', async () => {
    const i = h.discord.command('reindex', {}, h.discord.users.member);
    const reply = await i.callback();
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.flags).toBe(EPHEMERAL);
    expect(reply.body.data.content).toMatch(/Manage Server/);
    expect(h.engine.reindexing).toBe(false);
  });
});

describe('long answers', () => {
  it('cuts a 5,000-character answer to the embed limits without breaking a citation', async () => {
    const questions = [QUESTION, 'Who signed the Paris Declaration?', 'What did Kushner say?', 'What will the US do?', 'What did Zelensky say?', 'What did Putin do?', 'What did Macron say?', 'What are the security guarantees?', 'What about oil tankers and the shadow fleet?', 'What did Witkoff say?', 'What is the coalition of the willing?', 'What did Starmer say about Greenland?', 'What will the multinational force do?', 'Will British troops be deployed?', 'What did Downing Street say?'];
    const engine = withJoinedAnswers(h.engine, questions);
    const full = await engine.ask(QUESTION);
    expect(answerText(full).length).toBeGreaterThanOrEqual(5000);

    const discord = await FakeDiscord.start();
    const config = testConfig(discord, h.dir);
    const { log } = memoryLogger();
    const bot = await startBot({ config, engine, log, commands: await loadCommands() });
    try {
      const i = discord.command('ask', { question: QUESTION });
      const embed = embedOf(await i.edit());
      expect(embedTotal(embed)).toBeLessThanOrEqual(Limits.embedTotal);
      expect(embed.description!.length).toBeLessThanOrEqual(Limits.embedDescription);
      expect(embed.description!.length).toBeLessThan(answerText(full).length);
      expect(embed.description).not.toMatch(/\[\d*$/m);
      const cited = checkSourceFields(embed, articles);
      expect(new Set(cited.keys())).toEqual(citedNumbers(embed.description!));
      expect(checkQuotes(embed.description!, cited)).toBeGreaterThan(5);
      expect(discord.violations).toEqual([]);
    } finally {
      await bot.stop();
      await discord.close();
    }
  });
});

describe('Discord failures', () => {
  it('waits out a 429 with retry_after and delivers the answer', async () => {
    h.discord.failNext({
      method: 'PATCH',
      route: ORIGINAL,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 1, global: false },
      headers: { 'Retry-After': '1', 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '1', 'X-RateLimit-Bucket': 'edit', 'X-RateLimit-Scope': 'user' },
    });
    const i = h.discord.command('ask', { question: QUESTION });
    const edit = await i.edit();
    expect(embedOf(edit).title).toBe(QUESTION);
    expect(i.requests().filter((r) => r.route === ORIGINAL).map((r) => r.status)).toEqual([429, 200]);
    expect(h.logs.some((l) => l.msg.includes('rate limit'))).toBe(true);
  });

  it('retries an edit that got a 500 once', async () => {
    h.discord.failNext({ method: 'PATCH', route: ORIGINAL, status: 500, body: { message: 'Internal Server Error', code: 0 } });
    const i = h.discord.command('ask', { question: QUESTION });
    await i.edit();
    expect(i.requests().filter((r) => r.route === ORIGINAL).map((r) => r.status)).toEqual([500, 200]);
  });

  it('reports privately when the edit keeps failing, logs the error, and keeps answering', async () => {
    h.discord.failNext({ method: 'PATCH', route: ORIGINAL, status: 500, times: 4 });
    const i = h.discord.command('ask', { question: QUESTION });
    const followUp = await i.followUp();
    expect(followUp.body.flags).toBe(EPHEMERAL);
    expect(followUp.body.content).toMatch(/Discord did not accept my reply/);
    expect(i.requests().filter((r) => r.route === ORIGINAL && r.method === 'PATCH').map((r) => r.status)).toEqual([500, 500, 500, 500]);
    // The "thinking…" placeholder is removed.
    await h.discord.waitForRequest((r) => i.requests().includes(r) && r.method === 'DELETE' && r.route === ORIGINAL);
    const logged = h.logs.find((l) => l.msg === 'interaction failed' && l.interaction === i.id);
    expect(logged?.err?.message).toMatch(/500|Internal Server Error/);

    const next = h.discord.command('ask', { question: QUESTION });
    expect(embedOf(await next.edit()).title).toBe(QUESTION);
  });

  it('answers the callback even when Discord rejects the first attempt with a 500', async () => {
    h.discord.failNext({ method: 'POST', route: CALLBACK, status: 500 });
    const i = h.discord.command('sources');
    const reply = await i.callback();
    expect(reply.body.type).toBe(4);
  });
});

/** A second bot (same engine, its own local Discord) with other settings. */
async function withBot(env: Record<string, string>, run: (discord: FakeDiscord, bot: RunningBot) => Promise<void>): Promise<void> {
  const discord = await FakeDiscord.start();
  const config = testConfig(discord, h.dir, env);
  const { log } = memoryLogger();
  const bot = await startBot({ config, engine: h.engine, log, commands: await loadCommands() });
  try {
    await run(discord, bot);
    expect(discord.violations).toEqual([]);
  } finally {
    await bot.stop();
    await discord.close();
  }
}

describe('cooldown', () => {
  it('tells a user who asks again too soon to try again in N s, privately, without holding up others', async () => {
    await withBot({ COOLDOWN_SECONDS: '60' }, async (discord) => {
      const first = discord.command('ask', { question: QUESTION }, discord.users.member);
      await first.edit();
      const again = discord.command('quote', { speaker: 'Keir Starmer' }, discord.users.member);
      const notice = await again.callback();
      expect(notice.body.type).toBe(4);
      expect(notice.body.data.flags).toBe(EPHEMERAL);
      const seconds = Number(/try again in (\d+) s/.exec(notice.body.data.content)?.[1]);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(again.requests()).toHaveLength(1);
      // Someone else is not held up, and /sources keeps its own clock.
      expect((await discord.command('ask', { question: QUESTION }, discord.users.other).callback()).body.type).toBe(5);
      expect((await discord.command('sources', {}, discord.users.member).callback()).body.type).toBe(4);
    });
  });

  it('regression: /sources is rate limited too: a second one at once gets a private notice, not another public embed', async () => {
    await withBot({ COOLDOWN_SECONDS: '60' }, async (discord) => {
      const first = await discord.command('sources', {}, discord.users.member).callback();
      expect(first.body.type).toBe(4);
      expect(first.body.data.flags ?? 0).toBe(0);
      for (let n = 0; n < 3; n++) {
        const again = await discord.command('sources', {}, discord.users.member).callback();
        expect(again.body.data.flags).toBe(EPHEMERAL);
        expect(again.body.data.content).toMatch(/try again in \d+ s/);
        expect(again.body.data.embeds ?? []).toEqual([]);
      }
      // Its clock is its own: a question is not held up by it.
      expect((await discord.command('ask', { question: QUESTION }, discord.users.member).callback()).body.type).toBe(5);
    });
  });

  it('regression: a crafted /ask without its required question is refused privately and does not spend the turn', async () => {
    await withBot({ COOLDOWN_SECONDS: '60' }, async (discord) => {
      const crafted = await discord.command('ask', {}, discord.users.member).callback();
      expect(crafted.body.type).toBe(4);
      expect(crafted.body.data.flags).toBe(EPHEMERAL);
      expect(crafted.body.data.content).toMatch(/without an option it requires/);
      expect((await discord.command('ask', { question: QUESTION }, discord.users.member).callback()).body.type).toBe(5);
    });
  });
});

describe('answering mentions', () => {
  it('with ANSWER_ON_MENTION, asks for the message intents and answers a mention in a reply that pings no one', async () => {
    await withBot({ ANSWER_ON_MENTION: 'true' }, async (discord) => {
      // Guilds | GuildMessages | MessageContent
      expect(discord.identifies[0].intents).toBe(1 | (1 << 9) | (1 << 15));
      const ignored = discord.postMessage('where will the military hubs be? (not asking the bot)');
      const posted = discord.postMessage(`<@${discord.applicationId}> @everyone <@&${discord.roleId}> where will the military hubs be?`, discord.users.member, { mentionsBot: true });
      const reply = await discord.waitForRequest((r) => r.route === '/channels/{channel_id}/messages' && r.method === 'POST');
      expect(reply.body.message_reference.message_id).toBe(posted);
      expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(JSON.stringify(reply.body)).not.toMatch(/@everyone|<@&\d/);
      const embed = embedOf(reply);
      const cited = checkSourceFields(embed, articles);
      expect(checkQuotes(embed.description!, cited)).toBeGreaterThan(0);
      expect(discord.requests.filter((r) => r.route === '/channels/{channel_id}/messages' && r.body?.message_reference?.message_id === ignored)).toEqual([]);
    });
  });

  it('regression: mentions asked too soon get a ⏳ reaction each, never a public cooldown reply', async () => {
    await withBot({ ANSWER_ON_MENTION: 'true', COOLDOWN_SECONDS: '60' }, async (discord) => {
      const posts = (r: { route: string | null; method: string }) => r.route === '/channels/{channel_id}/messages' && r.method === 'POST';
      const ask = () => discord.postMessage(`<@${discord.applicationId}> where will the military hubs be?`, discord.users.member, { mentionsBot: true });
      ask();
      await discord.waitForRequest(posts);
      const tooSoon = Array.from({ length: 5 }, ask);
      for (const id of tooSoon) {
        const reaction = await discord.waitForRequest((r) => r.method === 'PUT' && r.path.includes(`/messages/${id}/reactions/`));
        expect(decodeURIComponent(reaction.path)).toContain('/reactions/⏳/@me');
        expect(reaction.status).toBe(204);
      }
      // Only the answer was posted in the channel.
      expect(discord.requests.filter(posts)).toHaveLength(1);
      expect(discord.requests.some((r) => JSON.stringify(r.body ?? '').includes('asking a little fast'))).toBe(false);
    });
  });
});
