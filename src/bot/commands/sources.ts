import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { sourcesReply } from '../format/sources.js';

export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The outlets and articles the bot answers from, and when the index was built')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  // Each reply is a public embed: rate limited like questions, on its own clock so that asking does not block it.
  cooldown: true,
  cooldownBucket: 'sources',

  async execute(interaction, ctx) {
    await interaction.reply(sourcesReply(ctx.engine.sources()));
  },
} satisfies Command;
