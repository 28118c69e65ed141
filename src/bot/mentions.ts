/**
 * Answers a question asked by mentioning the bot in a channel ("@Declaration Bot where will the hubs be?").
 * Only when ANSWER_ON_MENTION is set: it needs the privileged Message Content intent.
 */
import type { Message } from 'discord.js';
import { cachedAnswer, sendAnswer } from './answerCache.js';
import { answerPayload, recordAnswer } from './answering.js';
import type { BotContext } from './command.js';
import { textReply } from './format/common.js';
import { answersIn, cooldownOf, parentOf, settingsOf } from './serverSettings.js';
import { withoutMentions } from './text.js';
import { logFailure, userMessage } from './userErrors.js';

/** The question in a message that mentions the bot: the text with the bot's mention(s) taken out, or null. */
export function questionFromMention(content: string, botId: string): string | null {
  const mention = new RegExp(`<@!?${botId}>`, 'g');
  if (!mention.test(content)) return null;
  return content.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}

/** The reaction a mention asked too soon gets instead of a reply ("try again in a moment"). */
export const COOLDOWN_REACTION = '⏳';

export function createMessageHandler(ctx: BotContext) {
  return async function handleMessage(message: Message): Promise<void> {
    const botId = message.client.user.id;
    if (message.author.bot || message.webhookId) return;
    const question = questionFromMention(message.content, botId);
    if (question === null) return;
    const log = ctx.log.child({ message: message.id, user: message.author.id, guild: message.guildId, channel: message.channelId });
    const settings = await settingsOf(ctx, message.guildId);
    // Outside the channels a server chose, a mention is not answered (and nothing is posted there).
    if (!answersIn(settings, message.channelId, parentOf(message.channel))) {
      log.info('mention outside the channels the server set: not answered');
      return;
    }
    try {
      if (question === '') {
        await message.reply(textReply('Ask me a question after the mention, or use /ask.'));
        return;
      }
      const turn = ctx.cooldowns.take(message.author.id, cooldownOf(ctx, settings));
      if (!turn.ok) {
        // Too soon: a ⏳ reaction on the question, not a reply, so the channel is not filled with notices.
        log.info({ retryAfterSeconds: turn.retryAfterSeconds }, 'cooldown (mention)');
        await message.react(COOLDOWN_REACTION).catch((error: unknown) => log.warn({ err: error }, 'could not react with the cooldown notice'));
        return;
      }
      if (message.channel.isSendable()) await message.channel.sendTyping().catch(() => undefined);
      const result = await ctx.engine.ask(withoutMentions(question));
      const cached = cachedAnswer({ result, title: question, owner: message.author.id, ephemeral: false });
      ctx.answers.set(message.id, cached);
      const place = { guildId: message.guildId, channelId: message.channelId, userId: message.author.id, inThread: message.channel.isThread() };
      await recordAnswer(ctx, message.id, question, result, place);
      await sendAnswer(cached, () => message.reply(answerPayload(ctx, result, { key: message.id, title: question, ephemeral: false, place })));
      log.info('answered a mention');
    } catch (error) {
      logFailure(log, error, {}, 'answering a mention failed');
      await message.reply(textReply(userMessage(error))).catch((replyError: unknown) => log.error({ err: replyError }, 'could not report the failure'));
    }
  };
}
