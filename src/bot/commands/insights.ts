import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../command.js';
import { insightsReply } from '../format/insights.js';
import { requireManager } from '../serverSettings.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export default {
  data: new SlashCommandBuilder()
    .setName('insights')
    .setDescription('What members asked, what went unanswered, the lowest-rated answers (Manage Server)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addIntegerOption((o) => o.setName('days').setDescription('How many days back (default 7)').setMinValue(1).setMaxValue(365)),

  async execute(interaction, ctx) {
    requireManager(interaction, 'see the insights');
    const days = interaction.options.getInteger('days') ?? 7;
    const insights = await ctx.store.insights({ guildId: interaction.guildId, since: Date.now() - days * DAY_MS });
    await interaction.reply({ ...insightsReply(insights, days), flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
