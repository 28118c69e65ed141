/**
 * Messages in the follow-up threads the bot started ("Ask a follow-up"): each is answered with the conversation
 * as context, read by the same rules as the terminal's `--chat` (src/plan/followUp.ts). The turns live in
 * memory; after a restart they are read back from the thread: its first question is the title of the answer it
 * started from, later questions are the members' messages.
 */
import type { AnyThreadChannel, Message } from 'discord.js';
import { turnOf } from '../answer/turn.js';
import type { Turn } from '../plan/followUp.js';
import { cachedAnswer, sendAnswer } from './answerCache.js';
import { answerPayload, recordAnswer } from './answering.js';
import type { BotContext } from './command.js';
import { textReply } from './format/common.js';
import { answersIn, cooldownOf, settingsOf } from './serverSettings.js';
import { withoutMentions } from './text.js';
import { logFailure, userMessage } from './userErrors.js';
import { COOLDOWN_REACTION } from './mentions.js';

/** How many earlier messages of a thread are read back after a restart. */
const HISTORY = 50;

/** The turns of a thread this process has not seen yet: replayed from its starter message and members' messages. */
async function turnsFromHistory(ctx: BotContext, thread: AnyThreadChannel, before: string): Promise<Turn[]> {
  const turns: Turn[] = [];
  const starter = await thread.fetchStarterMessage().catch(() => null);
  const first = starter?.embeds[0]?.title;
  if (first) turns.push({ question: first, speakers: [], outlet: null });
  const earlier = await thread.messages.fetch({ limit: HISTORY, before }).catch(() => null);
  const questions = [...(earlier?.values() ?? [])].filter((m) => !m.author.bot && m.content.trim() !== '').reverse();
  for (const m of questions) {
    const resolved = ctx.engine.resolve(withoutMentions(m.content), turns);
    turns.push({ question: resolved.question, speakers: [], outlet: resolved.outlet ?? null });
  }
  return turns;
}

/** Handles a message if it is in a follow-up thread of this bot; returns whether it was one. */
export function createThreadHandler(ctx: BotContext) {
  return async function handleThreadMessage(message: Message): Promise<boolean> {
    const channel = message.channel;
    if (!channel.isThread()) return false;
    try {
      if (!(await ctx.store.isBotThread(channel.id))) return false;
    } catch (error) {
      ctx.log.error({ err: error, thread: channel.id }, 'could not tell whether the bot started this thread');
      return false;
    }
    if (message.author.bot || message.webhookId) return true;
    const text = withoutMentions(message.content);
    if (text === '') return true;
    const log = ctx.log.child({ message: message.id, user: message.author.id, guild: message.guildId, thread: channel.id });
    const settings = await settingsOf(ctx, message.guildId);
    // A thread of a channel the server has since taken off the list is not answered either.
    if (!answersIn(settings, channel.id, channel.parentId)) return true;
    try {
      const turn = ctx.cooldowns.take(message.author.id, cooldownOf(ctx, settings));
      if (!turn.ok) {
        await message.react(COOLDOWN_REACTION).catch((error: unknown) => log.warn({ err: error }, 'could not react with the cooldown notice'));
        return true;
      }
      await channel.sendTyping().catch(() => undefined);
      const turns = ctx.conversations.get(channel.id) ?? (await turnsFromHistory(ctx, channel, message.id));
      const resolved = ctx.engine.resolve(text, turns);
      const result = await ctx.engine.ask(resolved.question, { ...(resolved.outlet ? { outlet: resolved.outlet } : {}), ...(resolved.compare ? { compare: true } : {}) });
      ctx.conversations.set(channel.id, [...turns, turnOf(result, resolved)]);
      // The title says how the message was read when it leaned on the conversation.
      const title = resolved.rule === 'asked' ? text : `${text} → ${resolved.question}${resolved.compare ? ' (each outlet)' : ''}${resolved.outlet ? ` (${resolved.outlet})` : ''}`;
      const cached = cachedAnswer({ result, title, owner: message.author.id, ephemeral: false });
      ctx.answers.set(message.id, cached);
      const place = { guildId: message.guildId, channelId: channel.id, userId: message.author.id, inThread: true };
      await recordAnswer(ctx, message.id, resolved.question, result, place);
      await sendAnswer(cached, () => message.reply(answerPayload(ctx, result, { key: message.id, title, ephemeral: false, place })));
      log.info({ rule: resolved.rule }, 'answered a follow-up in a thread');
    } catch (error) {
      logFailure(log, error, {}, 'answering a follow-up failed');
      await message.reply(textReply(userMessage(error))).catch((replyError: unknown) => log.error({ err: replyError }, 'could not report the failure'));
    }
    return true;
  };
}
