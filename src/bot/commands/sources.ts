import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { sourcesReply } from '../format/sources.js';

export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The outlets and articles the bot answers from, and when the index was built')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),

  async execute(interaction, ctx) {
    await interaction.reply(sourcesReply(ctx.engine.sources()));
  },
} satisfies Command;
