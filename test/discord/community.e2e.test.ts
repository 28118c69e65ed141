/**
 * The bot a server lives with, end to end through the local Discord (every request checked against Discord's
 * OpenAPI description): feedback buttons and the report form, /insights, /settings, private answers shared to
 * the channel, suggestion buttons, /help, /privacy, follow-up threads, and a restart that keeps it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedOf, startHarness, type Harness } from '../helpers/botHarness.js';
import type { RecordedRequest, StoredMessage } from '../helpers/fakeDiscord.js';

const EPHEMERAL = 64;
const MODAL = 9;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { FOLLOW_UP_THREADS: 'true', ANSWER_ON_MENTION: 'true' } });
}, 180_000);
afterAll(async () => {
  expect(h.discord.violations).toEqual([]);
  await h?.stop();
});

interface Button {
  label: string;
  custom_id?: string;
  url?: string;
}
const buttonsOf = (m: { components: unknown[] }): Button[] => (m.components as { components: Button[] }[]).flatMap((r) => r.components);
const labelsOf = (m: { components: unknown[] }): string[] => buttonsOf(m).filter((b) => b.custom_id).map((b) => b.label);
/** The private acknowledgement (callback type 4, ephemeral) an interaction got. */
async function privateReply(handle: { callback(): Promise<RecordedRequest> }): Promise<string> {
  const body = (await handle.callback()).body as { type: number; data: { content?: string; flags?: number; embeds?: { description?: string }[] } };
  expect(body.type).toBe(4);
  expect(body.data.flags! & EPHEMERAL).toBe(EPHEMERAL);
  return body.data.content ?? body.data.embeds?.[0]?.description ?? '';
}
async function ask(question: string, extra: Record<string, string | boolean> = {}, user = h.discord.users.member, channelId?: string) {
  const i = h.discord.command('ask', { question, ...extra }, user, channelId ? { channelId } : {});
  const edit = await i.edit();
  return { i, edit, message: i.original()! };
}
const store = () => h.bot.ctx.store;

describe('feedback on an answer', () => {
  let answer: Awaited<ReturnType<typeof ask>>;
  beforeAll(async () => {
    answer = await ask('What did Starmer say about troops?');
    expect(embedOf(answer.edit).description).toMatch(/\[\d+\]/);
  });

  it('shows how current the coverage is, and 👍 / 👎, "Report a problem" and "Ask a follow-up"', () => {
    expect(embedOf(answer.edit).footer?.text).toMatch(/^Coverage as of 7 Jan 2026, 5 articles · /);
    expect(labelsOf(answer.message)).toEqual(expect.arrayContaining(['👍', '👎', 'Report a problem', 'Ask a follow-up']));
    expect(labelsOf(answer.message)).not.toContain('Share to channel');
  });

  it('takes one vote per member per answer, changeable, acknowledged privately', async () => {
    const key = answer.i.id;
    expect(await privateReply(h.discord.pressButton(answer.message, `fb:up:${key}`))).toMatch(/Thanks: 👍 recorded/);
    expect(await privateReply(h.discord.pressButton(answer.message, `fb:up:${key}`))).toMatch(/already gave this answer a 👍/);
    expect(await privateReply(h.discord.pressButton(answer.message, `fb:down:${key}`))).toMatch(/👎 recorded/);
    expect(await privateReply(h.discord.pressButton(answer.message, `fb:up:${key}`, h.discord.users.other))).toMatch(/👍 recorded/);
    expect((await store().insights({ guildId: h.discord.guildId, since: 0 })).lowestRated).toEqual([
      expect.objectContaining({ id: key, question: 'What did Starmer say about troops?', up: 1, down: 1 }),
    ]);
  });

  it('"Report a problem" opens a form; the report is kept, acknowledged privately and posted to the log channel without the reporter', async () => {
    const settings = h.discord.command('settings', { channel: h.discord.logChannelId }, h.discord.users.moderator, { subcommand: 'log-channel' });
    expect(await privateReply(settings)).toBe(`Problem reports are now posted in <#${h.discord.logChannelId}>.`);
    expect((await store().settings(h.discord.guildId)).logChannel).toBe(h.discord.logChannelId);

    const key = answer.i.id;
    const press = h.discord.pressButton(answer.message, `fb:report:${key}`);
    const modal = (await press.callback()).body as { type: number; data: { custom_id: string; title: string } };
    expect(modal.type).toBe(MODAL);
    expect(modal.data.custom_id).toBe(`fbm:${key}`);
    const submit = h.discord.submitModal(answer.message, `fbm:${key}`, { comment: 'The number quoted is from a different plan @everyone' });
    expect(await privateReply(submit)).toMatch(/passed to the moderators/);
    const posted = await h.discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${h.discord.logChannelId}/messages`);
    const text = JSON.stringify(posted.body);
    expect(text).toContain('The number quoted is from a different plan');
    expect(text).not.toContain(h.discord.users.member.id);
    expect(posted.body.allowed_mentions).toMatchObject({ parse: [] });
    expect((await store().insights({ guildId: h.discord.guildId, since: 0 })).lowestRated[0]!.reports).toEqual(['The number quoted is from a different plan @everyone']);
  });
});

describe('/insights', () => {
  it('is for Manage Server only: the bot checks, whatever Discord shows', async () => {
    expect(await privateReply(h.discord.command('insights', {}, h.discord.users.member))).toMatch(/Only members with the Manage Server permission/);
  });

  it('counts questions asked, answered and refused, the refused ones most frequent first, the lowest rated with reports, the outlets cited', async () => {
    await ask('What did Boris Johnson say?');
    await ask('what did boris johnson say');
    const i = h.discord.command('insights', { days: 7 }, h.discord.users.moderator);
    const body = (await i.callback()).body as { data: { flags: number; embeds: { description: string; fields: { name: string; value: string }[] }[] } };
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const embed = body.data.embeds[0]!;
    const insights = await store().insights({ guildId: h.discord.guildId, since: 0 });
    expect(insights.refused).toBeGreaterThanOrEqual(2);
    expect(embed.description).toContain(`**${insights.asked}** question`);
    expect(embed.fields[0]!.value).toMatch(/Boris Johnson.*×2/i);
    expect(embed.fields[1]!.value).toContain('What did Starmer say about troops?');
    expect(embed.fields[1]!.value).toContain('The number quoted is from a different plan');
    expect(embed.fields[2]!.value).toMatch(/cited in \d+ answer/);
  });
});

describe('suggestions and /help', () => {
  it('an abstention offers its suggestions as buttons that ask them', async () => {
    const { message } = await ask('What is the weather in Tokyo?');
    const suggestion = buttonsOf(message).find((b) => b.custom_id?.startsWith('q:'))!;
    const press = h.discord.pressButton(message, suggestion.custom_id!);
    const deferred = (await press.callback()).body as { type: number; data?: { flags?: number } };
    expect(deferred.type).toBe(5);
    // The abstention was public, so the answer to its suggestion is too.
    expect((deferred.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(embedOf(await press.edit()).title).toBe(suggestion.label);
  });

  it('/help says what the bot knows and keeps, with example questions as buttons', async () => {
    const i = h.discord.command('help');
    const body = (await i.callback()).body as { data: { flags: number; embeds: { description: string; fields: { name: string; value: string }[]; footer: { text: string } }[]; components: unknown[] } };
    const embed = body.data.embeds[0]!;
    expect(embed.description).toMatch(/5 articles \(6 Jan 2026 to 7 Jan 2026\) from .*LBC/);
    expect(embed.fields[0]).toMatchObject({ name: 'Privacy' });
    expect(embed.fields[0]!.value).toMatch(/keyed hash.*deleted after 90 days/s);
    expect(embed.footer.text).toBe('Coverage as of 7 Jan 2026, 5 articles');
    const examples = buttonsOf(body.data as { components: unknown[] });
    expect(examples.length).toBeGreaterThan(1);
    expect(examples.every((b) => b.custom_id === `q:${b.label}`)).toBe(true);
  });
});

describe('/settings', () => {
  it('refuses members without Manage Server', async () => {
    expect(await privateReply(h.discord.command('settings', {}, h.discord.users.member, { subcommand: 'show' }))).toMatch(/Only members with the Manage Server/);
  });

  it('limits answers to the chosen channels (slash commands and mentions)', async () => {
    await privateReply(h.discord.command('settings', { channel: h.discord.channelId, answer: true }, h.discord.users.moderator, { subcommand: 'channel' }));
    expect((await store().settings(h.discord.guildId)).channels).toEqual([h.discord.channelId]);
    const elsewhere = h.discord.command('ask', { question: 'Who signed the declaration?' }, h.discord.users.member, { channelId: h.discord.otherChannelId });
    expect(await privateReply(elsewhere)).toBe(`In this server I answer in <#${h.discord.channelId}>. Ask there, please.`);
    const here = await ask('Who signed the declaration?');
    expect(embedOf(here.edit).title).toBe('Who signed the declaration?');
    // A mention elsewhere is not answered; one in the chosen channel is.
    const from = h.discord.requests.length;
    h.discord.postMessage(`<@${h.discord.botUser.id}> who signed the declaration?`, h.discord.users.member, { mentionsBot: true, channelId: h.discord.otherChannelId });
    h.discord.postMessage(`<@${h.discord.botUser.id}> who signed the declaration?`, h.discord.users.member, { mentionsBot: true });
    const reply = await h.discord.waitForRequest((r) => r.method === 'POST' && r.route === '/channels/{channel_id}/messages' && r.body?.embeds?.length === 1, { fromSeq: from });
    expect(reply.path).toBe(`/channels/${h.discord.channelId}/messages`);
    expect(h.discord.requests.slice(from).filter((r) => r.path.startsWith(`/channels/${h.discord.otherChannelId}/`))).toEqual([]);
    await privateReply(h.discord.command('settings', {}, h.discord.users.moderator, { subcommand: 'all-channels' }));
    expect((await store().settings(h.discord.guildId)).channels).toEqual([]);
  });

  it('makes answers private by default; a private answer can be shared to the channel by its owner', async () => {
    await privateReply(h.discord.command('settings', { default: 'private' }, h.discord.users.moderator, { subcommand: 'visibility' }));
    const { i, message } = await ask('Where will the military hubs be set up?');
    expect((await i.callback()).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(labelsOf(message)).toContain('Share to channel');
    expect(labelsOf(message)).not.toContain('Ask a follow-up');
    expect(await privateReply(h.discord.pressButton(message, `share:${i.id}`, h.discord.users.other))).toMatch(/Only whoever asked/);
    const share = h.discord.pressButton(message, `share:${i.id}`);
    const shared = (await share.callback()).body as { type: number; data: { flags?: number; embeds: { title: string }[]; components: unknown[] } };
    expect(shared.type).toBe(4);
    expect((shared.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(shared.data.embeds[0]!.title).toBe('Where will the military hubs be set up?');
    // Feedback on the shared copy goes to the one answer on record.
    expect(buttonsOf(shared.data).map((b) => b.custom_id)).toContain(`fb:up:${i.id}`);
    await privateReply(h.discord.command('settings', { default: 'public' }, h.discord.users.moderator, { subcommand: 'visibility' }));
  });

  it("sets the server's cooldown", async () => {
    await privateReply(h.discord.command('settings', { seconds: 60 }, h.discord.users.moderator, { subcommand: 'cooldown' }));
    await ask('Who is Jared Kushner?', {}, h.discord.users.other);
    const again = h.discord.command('ask', { question: 'Who is Steve Witkoff?' }, h.discord.users.other);
    expect(await privateReply(again)).toMatch(/try again in (59|60) s/);
    await privateReply(h.discord.command('settings', { seconds: 0 }, h.discord.users.moderator, { subcommand: 'cooldown' }));
  });
});

/** The bot's reply in a thread to the member's message `content`. */
async function followUp(threadId: string, content: string): Promise<{ title: string; description: string }> {
  const from = h.discord.requests.length;
  h.discord.postMessage(content, h.discord.users.member, { channelId: threadId });
  const reply = await h.discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages` && r.body?.embeds?.length === 1, { fromSeq: from });
  return reply.body.embeds[0];
}

describe('follow-ups in a thread', () => {
  let threadId: string;
  let answer: StoredMessage;

  it('"Ask a follow-up" starts a thread from the answer', async () => {
    const asked = await ask('What did Kushner say?');
    answer = asked.message;
    const press = h.discord.pressButton(answer, `fu:${asked.i.id}`);
    const created = await h.discord.waitForRequest((r) => r.route === '/channels/{channel_id}/messages/{message_id}/threads' && r.status === 201);
    expect(created.path).toBe(`/channels/${h.discord.channelId}/messages/${answer.id}/threads`);
    expect(created.body.name).toBe('Follow-up: What did Kushner say?');
    threadId = answer.id;
    expect((await press.edit()).body.content).toBe(`Thread started: <#${threadId}>. Ask your follow-up there.`);
    await h.discord.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${threadId}/messages` && /Ask your follow-up here/.test(r.body.content));
    expect(await store().isBotThread(threadId)).toBe(true);
  });

  it('answers messages in the thread with the conversation as context', async () => {
    const more = await followUp(threadId, 'what else did he say?');
    expect(more.title).toBe('what else did he say? → what else did Jared Kushner say?');
    expect(more.description).toMatch(/\[\d+\]/);
    const macron = await followUp(threadId, 'and Macron?');
    expect(macron.title).toBe('and Macron? → What did Emmanuel Macron say?');
    const outlets = await followUp(threadId, 'which outlets reported that?');
    expect(outlets.title).toBe('which outlets reported that? → What did Emmanuel Macron say? (each outlet)');
  });

  it('does not answer in threads it did not start, nor its own messages', async () => {
    const before = h.discord.requests.length;
    h.discord.postMessage('what else did he say?', h.discord.users.member, { channelId: h.discord.otherChannelId });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.discord.requests.slice(before).filter((r) => r.method === 'POST' && r.route === '/channels/{channel_id}/messages')).toEqual([]);
  });

  it('after a restart, reads the conversation back from the thread and keeps settings, feedback and insights', async () => {
    await privateReply(h.discord.command('settings', { default: 'private' }, h.discord.users.moderator, { subcommand: 'visibility' }));
    const before = await store().insights({ guildId: h.discord.guildId, since: 0 });
    await h.restart();
    expect((await store().settings(h.discord.guildId)).privateByDefault).toBe(true);
    expect(await store().insights({ guildId: h.discord.guildId, since: 0 })).toEqual(before);
    // The restarted bot knows the thread is its own, and what "he" meant: the last person asked about was Macron.
    const again = await followUp(threadId, 'what did he say about Ukraine?');
    expect(again.title).toBe('what did he say about Ukraine? → what did Emmanuel Macron say about Ukraine?');
    await privateReply(h.discord.command('settings', { default: 'public' }, h.discord.users.moderator, { subcommand: 'visibility' }));
  });
});

describe('/privacy', () => {
  it('shows a member what is kept about them, and deletes it', async () => {
    const i = h.discord.command('privacy', {}, h.discord.users.member);
    const body = (await i.callback()).body as { data: { flags: number; embeds: { fields: { name: string; value: string }[] }[]; components: unknown[] } };
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const fields = Object.fromEntries(body.data.embeds[0]!.fields.map((f) => [f.name, f.value]));
    expect(fields['Question texts kept']).toMatch(/Boris Johnson/i);
    expect(fields['Problem reports']).toContain('The number quoted is from a different plan');
    expect(fields.Votes).toBe('👍 0 · 👎 1');
    const stored = i.original()!;
    const del = h.discord.pressButton(stored, 'privacy:delete');
    const update = (await del.callback()).body as { type: number; data: { content: string } };
    expect(update.type).toBe(7);
    expect(update.data.content).toMatch(/^Done: \d+ records about you deleted or unlinked/);
    const member = store().memberHash(h.discord.users.member.id);
    expect(await store().memberData(member)).toEqual({ questions: [], votes: [], reports: [] });
  });
});

describe('the gateway connection', () => {
  it('regression (a busy machine stopped every later test): after an unacknowledged heartbeat the bot resumes and keeps answering', async () => {
    const resumed = new Promise((resolve) => h.discord.once('resume', resolve));
    h.discord.unacknowledged = 1;
    await resumed;
    const { edit } = await ask('Who signed the declaration?');
    expect(embedOf(edit).title).toBe('Who signed the declaration?');
  }, 30_000);
});
