/**
 * /articles end to end through the local Discord (every request checked against Discord's OpenAPI description), on a
 * copy of the corpus, with pages served by a local news site: the private preview, the Edit details modal, Publish,
 * the question only the new article answers answered and cited, then rollback and remove making the bot abstain again.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, embedOf, startHarness, type Harness } from '../helpers/botHarness.js';
import { checkQuotes, checkSourceFields, corpusArticles } from '../helpers/corpusCheck.js';
import type { StoredMessage } from '../helpers/fakeDiscord.js';
import { page, startNewsServer, type NewsServer } from '../helpers/newsServer.js';

const EPHEMERAL = 64;
const ABSTAINED_COLOR = 0x8b949e;
const QUESTION = 'What did Admiral Quillon say?';
const MOD_LOG = '112233445566778899';

let h: Harness;
let news: NewsServer;
let corpus: string;

beforeAll(async () => {
  corpus = await mkdtemp(path.join(tmpdir(), 'declaration-bot-articles-'));
  await cp(CORPUS_DIR, corpus, { recursive: true });
  news = await startNewsServer();
  h = await startHarness({ env: { CORPUS_DIR: corpus, ALLOW_PRIVATE_ADDRESSES: 'true', MOD_LOG_CHANNEL_ID: MOD_LOG }, progressIntervalMs: 50 });
});

afterAll(async () => {
  await h?.stop();
  await news?.close();
  await rm(corpus, { recursive: true, force: true });
});

afterEach(() => {
  expect(h.discord.violations).toEqual([]);
});

const mod = () => h.discord.users.moderator;

async function ask(question: string): Promise<APIEmbed> {
  return embedOf(await h.discord.command('ask', { question }).edit());
}

async function expectAbstains(question: string): Promise<void> {
  const embed = await ask(question);
  expect(embed.color).toBe(ABSTAINED_COLOR);
  expect((embed.fields ?? []).filter((f) => /^\[\d+\]/.test(f.name))).toEqual([]);
}

function fieldsOf(embed: APIEmbed): Record<string, string> {
  return Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
}

function buttons(message: StoredMessage): { custom_id: string; label: string; disabled?: boolean }[] {
  return message.components.flatMap((row: { components: { custom_id: string; label: string; disabled?: boolean }[] }) => row.components);
}

function buttonId(message: StoredMessage, label: string): string {
  const b = buttons(message).find((x) => x.label === label);
  expect(b, `button ${label}`).toBeDefined();
  return b!.custom_id;
}

async function modLogPosts(): Promise<string[]> {
  return h.discord.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${MOD_LOG}/messages`).map((r) => r.body.content as string);
}

describe('/articles', () => {
  it('is for members with Manage Server only, and is registered so', async () => {
    const registered = [...h.discord.commands.values()].flat().find((c: { name: string }) => c.name === 'articles');
    expect(registered).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    const refused = await h.discord.command('articles', {}, h.discord.users.member, { subcommand: 'list' }).callback();
    expect(refused.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/Manage Server/) } });
    const neither = await h.discord.command('articles', {}, mod(), { subcommand: 'add' }).callback();
    expect(neither.body.data.content).toMatch(/Give either `url:`/);
  });

  it('previews a page, edits its details in a modal, publishes it; the question only it answers is then answered and cited', async () => {
    await expectAbstains(QUESTION);

    const add = h.discord.command('articles', { url: `${news.base}/news/article` }, mod(), { subcommand: 'add' });
    expect((await add.callback()).body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const preview = embedOf(await add.edit((b) => b.embeds?.[0]?.title?.startsWith('Preview')));
    expect(preview.title).toBe('Preview: Coordination cell for Ukraine force will sit at Mont Valérien, says admiral');
    expect(preview.description).toMatch(/^\*\*1\.\*\* The multinational coordination cell/);
    expect(preview.description).toContain('Admiral Hervé Quillon');
    const fields = fieldsOf(preview);
    expect(fields.Outlet).toBe('The Daily Test (from JSON-LD)');
    expect(fields.Author).toBe('Jane Reporter and Tom Writer (from JSON-LD)');
    expect(fields.Date).toBe('7 Jan 2026 (from JSON-LD)');
    expect(fields.Passages).toMatch(/^6 \(the first 3 above/);
    expect(fields['Skipped page furniture']).toMatch(/cookie banner \(1\).*adverts \(2\).*picture captions \(1\).*related-article lists/);
    const message = add.original()!;
    expect(buttons(message).map((b) => b.label)).toEqual(['Publish', 'Edit details', 'Cancel']);

    // Someone without Manage Server cannot press it; nothing happens.
    const intruder = await h.discord.pressButton(message, buttonId(message, 'Publish'), h.discord.users.member).callback();
    expect(intruder.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/Manage Server/) } });

    // Edit details: a modal prefilled with what the page said.
    const edit = await h.discord.pressButton(message, buttonId(message, 'Edit details'), mod()).callback();
    expect(edit.body.type).toBe(9);
    const inputs = Object.fromEntries(edit.body.data.components.map((c: { component: { custom_id: string; value?: string } }) => [c.component.custom_id, c.component.value]));
    expect(inputs).toEqual({ outlet: 'The Daily Test', headline: 'Coordination cell for Ukraine force will sit at Mont Valérien, says admiral', published: '2026-01-07', author: 'Jane Reporter and Tom Writer' });

    // A bad date is refused privately; the preview stays as it was.
    const bad = await h.discord.submitModal(message, edit.body.data.custom_id, { ...inputs, published: '2026-02-30' }, mod()).callback();
    expect(bad.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/not a real date written YYYY-MM-DD/) } });

    const submitted = await h.discord.submitModal(message, edit.body.data.custom_id, { ...inputs, outlet: 'Daily Test Online', author: 'Jane Reporter' }, mod()).callback();
    expect(submitted.body.type).toBe(7);
    const edited = fieldsOf(submitted.body.data.embeds[0]);
    expect(edited.Outlet).toBe('Daily Test Online (from moderator)');
    expect(edited.Author).toBe('Jane Reporter (from moderator)');

    const publish = h.discord.pressButton(message, buttonId(message, 'Publish'), mod());
    expect((await publish.callback()).body).toMatchObject({ type: 7, data: { embeds: [{ title: 'Reindexing…' }], components: [] } });
    const done = embedOf(await publish.edit((b) => b.embeds?.[0]?.title === 'Article published'));
    expect(done.description).toMatch(/^Added Daily Test Online: “Coordination cell/);
    expect(fieldsOf(done)['Added (1)']).toContain('Daily Test Online: Coordination cell for Ukraine force');

    const file = (await readdir(corpus)).find((f) => f.includes('daily-test-online'))!;
    const text = await readFile(path.join(corpus, file), 'utf8');
    expect(text).toMatch(/^---\noutlet: "Daily Test Online"\nheadline: "Coordination cell for Ukraine force will sit at Mont Valérien, says admiral"\npublished: "2026-01-07"/);
    expect(text).toContain('added: "');
    expect(text).toContain('by moderator (Discord), fetched from http://127.0.0.1');

    const answer = await ask(QUESTION);
    expect(answer.color).not.toBe(ABSTAINED_COLOR);
    const cited = checkSourceFields(answer, await corpusArticles(corpus));
    expect([...cited.values()].map((a) => a.outlet)).toEqual(['Daily Test Online']);
    expect(checkQuotes(answer.description!, cited)).toBeGreaterThan(0);
    expect(answer.description).toContain('ninety days of a ceasefire');

    expect((await modLogPosts()).some((p) => /moderator \(Discord\): add Daily Test Online: “Coordination cell/.test(p))).toBe(true);
  });

  it('lists the articles and the history of builds with who made them', async () => {
    const list = embedOf(await h.discord.command('articles', {}, mod(), { subcommand: 'list' }).callback());
    expect(list.title).toBe('Articles in the corpus (6)');
    expect(list.description).toMatch(/\*\*Daily Test Online\*\*, \[Coordination cell .*\]\(https:\/\/www\.dailytest\.example\/.*\) · 7 Jan 2026 · 6 passages/);
    const history = embedOf(await h.discord.command('articles', {}, mod(), { subcommand: 'history' }).callback());
    expect(history.description).toMatch(/▶️ \*\*in use\*\* `[^`]+` · <t:\d+:f> \(<t:\d+:R>\) · 6 articles · add by moderator \(Discord\)\n {2}\+ Daily Test Online: Coordination cell/);
    const log = embedOf(await h.discord.command('articles', {}, mod(), { subcommand: 'log' }).callback());
    expect(log.description).toMatch(/moderator \(Discord\): add Daily Test Online/);
  });

  it('rolls back to the build before: the bot abstains again, and says which corpus file differs', async () => {
    const choices = await h.discord.autocomplete('articles', 'build', '', mod(), 'rollback').callback();
    const options = choices.body.data.choices as { name: string; value: string }[];
    expect(options[0]!.name).toMatch(/6 articles · in use/);
    const older = options.find((c) => /5 articles/.test(c.name))!;
    const rollback = h.discord.command('articles', { build: older.value }, mod(), { subcommand: 'rollback' });
    const report = embedOf(await rollback.edit());
    expect(report.title).toBe('Rolled back');
    expect(Object.values(fieldsOf(report))[0]).toMatch(/daily-test-online.*\.md: in the corpus, not in this build/);
    await expectAbstains(QUESTION);
    expect((await modLogPosts()).some((p) => /rollback to build/.test(p))).toBe(true);
  });

  it('removes an article after confirmation: the bot abstains again', async () => {
    await h.engine.reindex(undefined, { actor: { via: 'terminal', name: 'test' } });
    expect((await ask(QUESTION)).color).not.toBe(ABSTAINED_COLOR);

    const choices = await h.discord.autocomplete('articles', 'article', 'daily test', mod(), 'remove').callback();
    const [choice] = choices.body.data.choices as { name: string; value: string }[];
    expect(choice!.name).toMatch(/^Daily Test Online: Coordination cell/);
    const remove = await h.discord.command('articles', { article: choice!.value }, mod(), { subcommand: 'remove' }).callback();
    expect(remove.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, embeds: [{ title: 'Remove this article?' }] } });
    const message = h.discord.original(remove.path.split('/')[3]!)!;
    const press = h.discord.pressButton(message, buttonId(message, 'Remove'), mod());
    const done = embedOf(await press.edit((b) => b.embeds?.[0]?.title === 'Article removed'));
    expect(fieldsOf(done)['Removed (1)']).toContain('Daily Test Online');
    expect((await readdir(corpus)).some((f) => f.includes('daily-test-online'))).toBe(false);
    await expectAbstains(QUESTION);
  });

  it('previews an uploaded file, asks for the details it lacks, and cancels without writing', async () => {
    const before = await readdir(corpus);
    const add = h.discord.command('articles', {}, mod(), { subcommand: 'add', attachments: { file: { filename: 'cell.html', content: page('no-metadata.html'), contentType: 'text/html' } } });
    const preview = embedOf(await add.edit((b) => b.embeds?.[0]?.title?.startsWith('Preview')));
    expect(preview.title).toBe('Preview: (no headline)');
    expect(fieldsOf(preview)['⚠️ Missing']).toMatch(/no outlet and no headline/);
    const message = add.original()!;
    expect(buttons(message).find((b) => b.label === 'Publish')!.disabled).toBe(true);
    const publishId = buttonId(message, 'Publish');
    const cancel = await h.discord.pressButton(message, buttonId(message, 'Cancel'), mod()).callback();
    expect(cancel.body).toMatchObject({ type: 7, data: { embeds: [{ title: 'Cancelled', description: 'Nothing was written.' }], components: [] } });
    expect(await readdir(corpus)).toEqual(before);
    // The preview is gone: a press of its old button (a stale client) is refused.
    const late = await h.discord.pressButton(message, publishId, mod()).callback();
    expect(late.body.data.content).toMatch(/no longer kept/);
  });

  it('refuses what it cannot use with a clear private message', async () => {
    const pdf = h.discord.command('articles', {}, mod(), { subcommand: 'add', attachments: { file: { filename: 'scan.pdf', content: '%PDF', contentType: 'application/pdf' } } });
    expect((await pdf.edit()).body.content).toMatch(/scan\.pdf is not an article file: attach an \.html, \.md or \.txt file/);
    const json = h.discord.command('articles', { url: `${news.base}/data.json` }, mod(), { subcommand: 'add' });
    expect((await json.edit()).body.content).toMatch(/is not an HTML page \(it is application\/json\)/);
    const missing = h.discord.command('articles', { url: `${news.base}/missing` }, mod(), { subcommand: 'add' });
    expect((await missing.edit()).body.content).toMatch(/The site answered 404 Not Found/);
    const loop = h.discord.command('articles', { url: `${news.base}/loop-a` }, mod(), { subcommand: 'add' });
    expect((await loop.edit()).body.content).toMatch(/redirects in a loop/);
  });
});
