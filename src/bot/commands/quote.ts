import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { cachedAnswer, sendAnswer } from '../answerCache.js';
import type { Command } from '../command.js';
import { answerPayload, placeOf, recordAnswer } from '../answering.js';
import { settingsOf } from '../serverSettings.js';
import { speakerChoices } from '../format/speakers.js';

export default {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription('What a person said across the coverage, grouped and cited')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .addStringOption((o) =>
      o.setName('speaker').setDescription('Who, e.g. Keir Starmer (start typing for names)').setRequired(true).setAutocomplete(true).setMaxLength(100),
    )
    .addBooleanOption((o) => o.setName('ephemeral').setDescription('Show the answer only to you')),
  cooldown: true,

  async execute(interaction, ctx) {
    const speaker = interaction.options.getString('speaker', true).trim();
    const ephemeral = interaction.options.getBoolean('ephemeral') ?? (await settingsOf(ctx, interaction.guildId))?.privateByDefault ?? false;
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const result = await ctx.engine.quote(speaker);
    const title = `What ${speaker} said`;
    const cached = cachedAnswer({ result, title, owner: interaction.user.id, ephemeral });
    ctx.answers.set(interaction.id, cached);
    const place = placeOf(interaction);
    await recordAnswer(ctx, interaction.id, title, result, place);
    await sendAnswer(cached, () => interaction.editReply(answerPayload(ctx, result, { key: interaction.id, title, ephemeral, place })));
  },

  /** Names found in the corpus, within Discord's limits (25 choices, answered at once). */
  async autocomplete(interaction, ctx) {
    await interaction.respond(speakerChoices(ctx.engine.speakers(), interaction.options.getFocused()));
  },
} satisfies Command;
