/**
 * The buttons under an answer that belong to no command: 👍 / 👎 (one vote per member per answer, changeable),
 * "Report a problem" (a form, passed to the moderators' log channel when the server set one), "Share to
 * channel" (a private answer posted for everyone) and "Ask a follow-up" (a thread from the answer). Every
 * acknowledgement is private.
 */
import { ChannelType, MessageFlags, ThreadAutoArchiveDuration, type ButtonInteraction, type Message, type ModalSubmitInteraction } from 'discord.js';
import { turnOf } from '../answer/turn.js';
import { BotError } from '../errors.js';
import { cachedAnswer, sendAnswer } from './answerCache.js';
import { answerPayload, placeOf } from './answering.js';
import type { BotContext, ComponentHandler } from './command.js';
import { Colors, NO_PINGS } from './format/common.js';
import { keyOf, parseFeedbackId, REPORT_MAX_CHARS, reportModal } from './format/feedback.js';
import { Limits } from './limits.js';
import { settingsOf } from './serverSettings.js';
import { shownAsText, truncate } from './text.js';


async function tell(interaction: ButtonInteraction | ModalSubmitInteraction, content: string): Promise<void> {
  await interaction.reply({ content: truncate(content, Limits.content), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
}

/** The question an answer was shown for: the cached title, else the title of the message the button is on. */
function questionOf(ctx: BotContext, key: string, message: Message | null): string | null {
  return ctx.answers.get(key)?.title ?? message?.embeds[0]?.title ?? null;
}

function notOnRecord(ctx: BotContext, key: string): BotError {
  return new BotError(
    'DISCORD_ANSWER_EXPIRED',
    `This answer is no longer on record (records are kept for ${ctx.config.RETENTION_DAYS} days), so feedback on it cannot be kept. Thank you all the same.`,
    { key },
  );
}

async function vote(interaction: ButtonInteraction, ctx: BotContext, key: string, value: 1 | -1): Promise<void> {
  if (!(await ctx.store.answer(key))) throw notOnRecord(ctx, key);
  const outcome = await ctx.store.vote(key, ctx.store.memberHash(interaction.user.id), value, questionOf(ctx, key, interaction.message));
  const mark = value === 1 ? '👍' : '👎';
  const text = !outcome.changed
    ? `You already gave this answer a ${mark}. Press the other button to change your vote.`
    : value === 1
      ? `Thanks: ${mark} recorded. You can change your vote at any time.`
      : `Thanks: ${mark} recorded. If something in it is wrong, "Report a problem" tells the moderators what.`;
  await tell(interaction, text);
}

/** Posts a report to the server's moderators' log channel, when it has one. Failures are logged, never shown to the reporter. */
async function notifyModerators(interaction: ModalSubmitInteraction, ctx: BotContext, question: string | null, comment: string): Promise<void> {
  const logChannel = (await settingsOf(ctx, interaction.guildId))?.logChannel;
  if (!logChannel) return;
  try {
    const channel = await interaction.client.channels.fetch(logChannel);
    if (!channel?.isSendable()) throw new Error('the log channel is not a channel the bot can post in');
    const where = interaction.message ? `https://discord.com/channels/${interaction.guildId}/${interaction.message.channelId}/${interaction.message.id}` : null;
    await channel.send({
      embeds: [
        {
          title: 'A member reported a problem with an answer',
          color: Colors.error,
          fields: [
            { name: 'Question', value: truncate(shownAsText(question ?? '(not known)'), Limits.fieldValue) },
            { name: 'Report', value: truncate(shownAsText(comment), Limits.fieldValue) },
            ...(where ? [{ name: 'Answer', value: where }] : []),
          ],
          footer: { text: 'The member is not named here. /insights lists the lowest-rated answers and their reports.' },
        },
      ],
      allowedMentions: NO_PINGS,
    });
  } catch (error) {
    ctx.log.warn({ err: error, guild: interaction.guildId, logChannel }, 'could not post the report to the log channel');
  }
}

async function share(interaction: ButtonInteraction, ctx: BotContext, key: string): Promise<void> {
  const cached = ctx.answers.get(key);
  if (!cached) throw new BotError('DISCORD_ANSWER_EXPIRED', 'This answer is no longer kept (answers are kept for an hour). Ask again to share it.', { key });
  if (cached.owner !== interaction.user.id) throw new BotError('DISCORD_BUTTON_NOT_YOURS', 'Only whoever asked can share this answer.', { key });
  const copy = cachedAnswer({ result: cached.result, title: cached.title, owner: cached.owner, ephemeral: false });
  ctx.answers.set(interaction.id, copy);
  await sendAnswer(copy, async () => {
    await interaction.reply(answerPayload(ctx, cached.result, { key: interaction.id, feedbackKey: key, title: cached.title, ephemeral: false, place: placeOf(interaction) }));
    return interaction.fetchReply();
  });
}

async function followUp(interaction: ButtonInteraction, ctx: BotContext, key: string): Promise<void> {
  if (!ctx.config.FOLLOW_UP_THREADS) throw new BotError('DISCORD_COMMAND_UNKNOWN', 'Follow-up threads are turned off on this bot.', { key });
  const message = interaction.message;
  const channel = interaction.channel;
  if (!interaction.inGuild() || message.flags.has(MessageFlags.Ephemeral) || !channel || channel.type !== ChannelType.GuildText) {
    throw new BotError('DISCORD_NOT_ALLOWED', 'A follow-up thread can only start from a public answer in a server text channel.', { key });
  }
  if (message.hasThread || (await ctx.store.isBotThread(message.id))) {
    await tell(interaction, `This answer has a follow-up thread already: <#${message.id}>.`);
    return;
  }
  const title = questionOf(ctx, key, message) ?? 'your question';
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const thread = await message.startThread({ name: truncate(`Follow-up: ${title}`, 100), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
  await ctx.store.recordThread(thread.id, interaction.guildId, key);
  const cached = ctx.answers.get(key);
  ctx.conversations.set(thread.id, [cached ? turnOf(cached.result, { question: cached.title }) : { question: title, speakers: [], outlet: null }]);
  await thread.send({
    content: 'Ask your follow-up here ("what else did he say?", "and Macron?", "which outlets reported that?"): I answer every message in this thread with the conversation so far as context.',
    allowedMentions: NO_PINGS,
  });
  await interaction.editReply({ content: `Thread started: <#${thread.id}>. Ask your follow-up there.`, allowedMentions: NO_PINGS });
}

export const answerButtons: ComponentHandler = {
  components: ['fb', 'fbm', 'share', 'fu'],

  async handleComponent(interaction, ctx) {
    const feedback = parseFeedbackId(interaction.customId);
    if (feedback?.action === 'up' || feedback?.action === 'down') return vote(interaction, ctx, feedback.key, feedback.action === 'up' ? 1 : -1);
    if (feedback?.action === 'report') {
      if (!(await ctx.store.answer(feedback.key))) throw notOnRecord(ctx, feedback.key);
      await interaction.showModal(reportModal(feedback.key));
      return;
    }
    const shareKey = keyOf(interaction.customId, 'share');
    if (shareKey) return share(interaction, ctx, shareKey);
    const followUpKey = keyOf(interaction.customId, 'fu');
    if (followUpKey) return followUp(interaction, ctx, followUpKey);
    throw new BotError('DISCORD_COMMAND_UNKNOWN', 'This button no longer does anything; ask again.', { customId: interaction.customId });
  },

  async handleModal(interaction, ctx) {
    const key = keyOf(interaction.customId, 'fbm');
    if (!key) throw new BotError('DISCORD_COMMAND_UNKNOWN', 'This form no longer does anything; try again.', { customId: interaction.customId });
    const comment = interaction.fields.getTextInputValue('comment').trim().slice(0, REPORT_MAX_CHARS);
    if (comment.length === 0) {
      await tell(interaction, 'The report was empty, so nothing was sent. Press "Report a problem" again to say what is wrong.');
      return;
    }
    if (!(await ctx.store.answer(key))) throw notOnRecord(ctx, key);
    const question = questionOf(ctx, key, interaction.message);
    await ctx.store.report(key, ctx.store.memberHash(interaction.user.id), comment, question);
    await tell(interaction, `Thanks: your report was passed to the moderators. It is kept for ${ctx.config.RETENTION_DAYS} days; /privacy shows and deletes what is kept about you.`);
    await notifyModerators(interaction, ctx, question, comment);
  },
};

