import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { outletList } from '../../corpus/outlets.js';
import { BotError } from '../../errors.js';
import { cachedAnswer, rememberPage, sendAnswer, sentMessageId } from '../answerCache.js';
import { answerPayload, placeOf, recordAnswer } from '../answering.js';
import type { BotContext, Command } from '../command.js';
import { cooldownMessage } from '../cooldown.js';
import { morePage, parseMoreCustomId } from '../format/answer.js';
import { outletChoices } from '../format/outlets.js';
import { answersIn, cooldownOf, notHereMessage, parentOf, settingsOf } from '../serverSettings.js';
import { TOPIC_NAME } from '../../topic/profile.js';
import { withoutMentions } from '../text.js';

/** Longest question the slash command accepts (the engine applies MAX_QUESTION_CHARS as well). */
export const QUESTION_MAX_LENGTH = 500;

/** Answers a question asked through an interaction (the slash command, or a button that asks a suggested question). */
export async function answerQuestion(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  ctx: BotContext,
  { question, ephemeral, outlet, compare = false }: { question: string; ephemeral: boolean; outlet?: string | undefined; compare?: boolean },
): Promise<void> {
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const result = await ctx.engine.ask(withoutMentions(question), { ...(outlet ? { outlet } : {}), ...(compare ? { compare } : {}) });
  // The title shows the question as typed (neutralised when rendered); the engine read it without mentions.
  const cached = cachedAnswer({ result, title: question, owner: interaction.user.id, ephemeral });
  ctx.answers.set(interaction.id, cached);
  const place = placeOf(interaction);
  await recordAnswer(ctx, interaction.id, question, result, place);
  await sendAnswer(cached, () => interaction.editReply(answerPayload(ctx, result, { key: interaction.id, title: question, ephemeral, place })));
}

/** A press of a button that asks a question (a suggestion after an abstention, an example in /help). */
async function askFromButton(interaction: ButtonInteraction, ctx: BotContext, question: string): Promise<void> {
  const settings = await settingsOf(ctx, interaction.guildId);
  if (!answersIn(settings, interaction.channelId, parentOf(interaction.channel))) {
    await interaction.reply({ content: notHereMessage(settings!), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  const turn = ctx.cooldowns.take(interaction.user.id, cooldownOf(ctx, settings));
  if (!turn.ok) {
    await interaction.reply({ content: cooldownMessage(turn.retryAfterSeconds), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  // A suggestion on a private answer (or in /help, which is private) answers privately too; on a public one, by the server's default.
  const onPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
  await answerQuestion(interaction, ctx, { question, ephemeral: onPrivate || (settings?.privateByDefault ?? false) });
}

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription(`Ask about the news coverage of ${TOPIC_NAME}; the answer quotes the articles`)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o
        .setName('question')
        .setDescription('Your question, e.g. "Where will the military hubs be set up?"')
        .setRequired(true)
        .setMaxLength(QUESTION_MAX_LENGTH),
    )
    .addBooleanOption((o) => o.setName('ephemeral').setDescription('Show the answer only to you'))
    .addStringOption((o) =>
      o.setName('outlet').setDescription("Only this outlet's articles (start typing for outlets)").setAutocomplete(true).setMaxLength(100),
    )
    .addBooleanOption((o) => o.setName('compare').setDescription("Show each outlet's coverage side by side")),
  cooldown: true,
  components: ['more', 'q'],

  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true);
    const ephemeral = interaction.options.getBoolean('ephemeral') ?? (await settingsOf(ctx, interaction.guildId))?.privateByDefault ?? false;
    const outlet = interaction.options.getString('outlet')?.trim() || undefined;
    const compare = interaction.options.getBoolean('compare') ?? false;
    await answerQuestion(interaction, ctx, { question, ephemeral, outlet, compare });
  },

  /** The outlets indexed, matching what the user typed (Discord's limit: 25 choices). */
  async autocomplete(interaction, ctx) {
    await interaction.respond(outletChoices(outletList(ctx.engine.sources().articles), interaction.options.getFocused()));
  },

  /**
   * "More sources": the next passages the answer did not quote, shown only to whoever pressed.
   *
   * Who may press: a public answer's button is there for everyone in the channel, so anyone may press it (the pages
   * open privately for the presser and change nothing anyone else sees). A private (ephemeral) answer's button only
   * by its owner. A press is honoured only on the message it belongs to: page 0 on the answer itself, later pages on
   * a private page this bot sent for this answer to this same user; anything else is refused privately, changing nothing.
   */
  async handleComponent(interaction, ctx) {
    if (interaction.customId.startsWith('q:')) {
      await askFromButton(interaction, ctx, interaction.customId.slice(2));
      return;
    }
    const parsed = parseMoreCustomId(interaction.customId);
    if (!parsed) throw new BotError('DISCORD_COMMAND_UNKNOWN', 'This button no longer does anything; ask again.', { customId: interaction.customId });
    const cached = ctx.answers.get(parsed.key);
    if (!cached) {
      throw new BotError('DISCORD_ANSWER_EXPIRED', 'These sources are no longer kept (answers are kept for an hour). Ask the question again to see them.', {
        key: parsed.key,
      });
    }
    const user = interaction.user.id;
    const pressedOn = interaction.message.id;
    const notYours = (reason: string) =>
      new BotError('DISCORD_BUTTON_NOT_YOURS', "This button belongs to someone else's answer. Ask your own question to see its sources.", {
        key: parsed.key,
        page: parsed.page,
        message: pressedOn,
        reason,
      });
    if (cached.ephemeral && user !== cached.owner) throw notYours('private answer of another user');
    if (parsed.page === 0 ? pressedOn !== (await sentMessageId(cached)) : cached.pages.get(pressedOn) !== user) throw notYours('not the message the button belongs to');

    const page = morePage(cached.result, { title: cached.title, key: parsed.key, page: parsed.page });
    // The first page opens privately under the answer; later pages replace the private page they were pressed on.
    if (parsed.page > 0) {
      await interaction.update(page);
      return;
    }
    await interaction.reply({ ...page, flags: MessageFlags.Ephemeral });
    rememberPage(cached, (await interaction.fetchReply()).id, user);
  },
} satisfies Command;
