import { ChannelType, InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import type { GuildSettings } from '../../store/types.js';
import type { BotContext, Command } from '../command.js';
import { Colors, NO_PINGS } from '../format/common.js';
import { requireManager } from '../serverSettings.js';

const ANSWER_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum] as const;
const LOG_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

export function settingsEmbed(settings: GuildSettings, ctx: BotContext, changed?: string): APIEmbed {
  const cooldown = settings.cooldownSeconds ?? ctx.config.COOLDOWN_SECONDS;
  return {
    title: 'Settings for this server',
    ...(changed ? { description: changed } : {}),
    color: Colors.sources,
    fields: [
      { name: 'Answers in', value: settings.channels.length === 0 ? 'Every channel' : settings.channels.map((c) => `<#${c}>`).join(', ') },
      { name: 'Answers are', value: settings.privateByDefault ? 'Private (only the asker sees them) unless asked otherwise' : 'Public unless the asker chooses private' },
      { name: 'Cooldown', value: `${cooldown} s between a member's questions${settings.cooldownSeconds === null ? ' (the bot default)' : ''}` },
      { name: "Moderators' log channel", value: settings.logChannel ? `<#${settings.logChannel}> (problem reports are posted there)` : 'None' },
    ],
    footer: { text: 'Kept across restarts. /settings changes them (Manage Server).' },
  };
}

export default {
  data: new SlashCommandBuilder()
    .setName('settings')
    .setDescription("This server's settings for the bot (Manage Server)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) => s.setName('show').setDescription('Show the current settings'))
    .addSubcommand((s) =>
      s
        .setName('channel')
        .setDescription('Answer, or stop answering, in a channel (once one is chosen, only in the chosen ones)')
        .addChannelOption((o) => o.setName('channel').setDescription('The channel').setRequired(true).addChannelTypes(...ANSWER_CHANNELS))
        .addBooleanOption((o) => o.setName('answer').setDescription('True: answer there; false: stop answering there').setRequired(true)),
    )
    .addSubcommand((s) => s.setName('all-channels').setDescription('Answer in every channel again'))
    .addSubcommand((s) =>
      s
        .setName('visibility')
        .setDescription('Whether answers are public or private unless the asker chooses')
        .addStringOption((o) => o.setName('default').setDescription('The default').setRequired(true).addChoices({ name: 'public', value: 'public' }, { name: 'private', value: 'private' })),
    )
    .addSubcommand((s) =>
      s
        .setName('cooldown')
        .setDescription("Seconds between a member's questions")
        .addIntegerOption((o) => o.setName('seconds').setDescription('0 turns it off').setRequired(true).setMinValue(0).setMaxValue(3600)),
    )
    .addSubcommand((s) =>
      s
        .setName('log-channel')
        .setDescription('Where problem reports are posted; leave the channel out to stop posting them')
        .addChannelOption((o) => o.setName('channel').setDescription('The channel').addChannelTypes(...LOG_CHANNELS)),
    ),

  async execute(interaction, ctx) {
    requireManager(interaction, 'change the settings');
    const guild = interaction.guildId;
    const current = await ctx.store.settings(guild);
    const sub = interaction.options.getSubcommand(true);
    let changed: string | undefined;
    let next = current;
    if (sub === 'channel') {
      const channel = interaction.options.getChannel('channel', true).id;
      const answer = interaction.options.getBoolean('answer', true);
      const channels = answer ? [...current.channels, channel] : current.channels.filter((c) => c !== channel);
      next = await ctx.store.updateSettings(guild, { channels });
      changed = answer ? `I now answer in <#${channel}>${current.channels.length === 0 ? ' (and only in the channels chosen)' : ''}.` : `I no longer answer in <#${channel}>${channels.length === 0 ? ': no channel is chosen, so I answer everywhere' : ''}.`;
    } else if (sub === 'all-channels') {
      next = await ctx.store.updateSettings(guild, { channels: [] });
      changed = 'I now answer in every channel.';
    } else if (sub === 'visibility') {
      const privateByDefault = interaction.options.getString('default', true) === 'private';
      next = await ctx.store.updateSettings(guild, { privateByDefault });
      changed = `Answers are now ${privateByDefault ? 'private' : 'public'} unless the asker chooses otherwise.`;
    } else if (sub === 'cooldown') {
      const cooldownSeconds = interaction.options.getInteger('seconds', true);
      next = await ctx.store.updateSettings(guild, { cooldownSeconds });
      changed = cooldownSeconds === 0 ? 'The cooldown is off.' : `Members now wait ${cooldownSeconds} s between questions.`;
    } else if (sub === 'log-channel') {
      const logChannel = interaction.options.getChannel('channel')?.id ?? null;
      next = await ctx.store.updateSettings(guild, { logChannel });
      changed = logChannel ? `Problem reports are now posted in <#${logChannel}>.` : 'Problem reports are no longer posted in a channel (/insights still lists them).';
    }
    if (changed) ctx.log.info({ guild, user: interaction.user.id, setting: sub }, 'server settings changed');
    await interaction.reply({ embeds: [settingsEmbed(next, ctx, changed)], flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  },
} satisfies Command;
