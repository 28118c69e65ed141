import { InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { BotError } from '../../errors.js';
import type { Command } from '../command.js';
import { textReply } from '../format/common.js';
import { PRIVACY_DELETE_ID, privacyReply } from '../format/privacy.js';

export default {
  data: new SlashCommandBuilder()
    .setName('privacy')
    .setDescription('See what the bot keeps about you, and delete it')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),
  components: ['privacy'],

  async execute(interaction, ctx) {
    const data = await ctx.store.memberData(ctx.store.memberHash(interaction.user.id));
    await interaction.reply({ ...privacyReply(data, ctx.config.RETENTION_DAYS), flags: MessageFlags.Ephemeral });
  },

  /** "Delete what is kept about me": only ever on the presser's own private /privacy reply, and about the presser. */
  async handleComponent(interaction, ctx) {
    if (interaction.customId !== PRIVACY_DELETE_ID) throw new BotError('DISCORD_COMMAND_UNKNOWN', 'This button no longer does anything.', { customId: interaction.customId });
    const changed = await ctx.store.forgetMember(ctx.store.memberHash(interaction.user.id));
    ctx.log.info({ records: changed }, 'a member deleted what was kept about them');
    await interaction.update(textReply(changed === 0 ? 'Nothing was kept about you.' : `Done: ${changed} record${changed === 1 ? '' : 's'} about you deleted or unlinked. Nothing kept can be traced to you now.`));
  },
} satisfies Command;
