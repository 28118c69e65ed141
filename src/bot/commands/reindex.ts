import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { ReindexProgress } from '../../index/buildIndex.js';
import { isBotError } from '../../errors.js';
import type { BotContext, Command, RunningReindex } from '../command.js';
import { NO_PINGS } from '../format/common.js';
import { interruptedReply, progressReply, reportReply } from '../format/reindex.js';
import { reindexLocked } from '../../index/lock.js';
import { ThrottledEditor } from '../progress.js';

function busyMessage(running: RunningReindex | null): string {
  if (!running) return 'A reindex is already running in another shard or process. Its result will be reported there; this one was not started.';
  const since = `<t:${Math.floor(running.startedAt / 1000)}:R>`;
  const stage = running.progress ? `, now ${running.progress.stage}` : '';
  return `A reindex is already running (started by ${running.startedBy} ${since}${stage}). Its result will appear in that reply; this one was not started.`;
}

function labels(ctx: BotContext, into: Map<string, string>): void {
  for (const a of ctx.engine.sources().articles) into.set(a.id, `${a.outlet}: ${a.headline}`);
}

export default {
  data: new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Rebuild the index from the corpus and report what changed (Manage Server)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),

  async execute(interaction, ctx) {
    // Discord hides the command from members without Manage Server; server admins can change that, so check again.
    if (!interaction.inGuild() || !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      await interaction.reply({ content: 'Only members with the Manage Server permission can rebuild the index.', flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    if (ctx.reindex.current || ctx.engine.reindexing) {
      await interaction.reply({ content: busyMessage(ctx.reindex.current), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    // Claimed before the first await, so a second /reindex arriving meanwhile is refused, not queued.
    const running: RunningReindex = { startedBy: interaction.user.username, startedAt: Date.now(), progress: null };
    ctx.reindex.current = running;
    try {
      // The engine takes the index's reindex lock (a reindex from the terminal or another shard is refused there
      // too); when another process visibly holds it, say so at once, privately.
      if (await reindexLocked(ctx.config.INDEX_DIR)) {
        await interaction.reply({ content: busyMessage(null), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
        return;
      }
      await interaction.deferReply();
      const names = new Map<string, string>();
      labels(ctx, names);
      const editor = new ThrottledEditor<ReindexProgress | null>(
        (p) => interaction.editReply(progressReply(p, running.startedBy)),
        ctx.progressIntervalMs,
        (error) => ctx.log.warn({ err: error, interaction: interaction.id }, 'a progress edit failed'),
      );
      editor.update(null);
      let report;
      try {
        report = await ctx.engine.reindex(
          (p) => {
            running.progress = p;
            editor.update(p);
          },
          { actor: { via: 'discord', name: interaction.user.username, id: interaction.user.id } },
        );
      } catch (error) {
        if (isBotError(error, 'REINDEX_INTERRUPTED')) {
          await editor.close();
          ctx.log.info({ interaction: interaction.id }, 'reindex interrupted by shutdown');
          await interaction.editReply(interruptedReply(running.startedBy));
          return;
        }
        if (!isBotError(error, 'REINDEX_IN_PROGRESS')) throw error;
        await editor.close();
        await interaction.editReply({ content: busyMessage(null), embeds: [], allowedMentions: NO_PINGS });
        return;
      } finally {
        await editor.close();
      }
      labels(ctx, names);
      ctx.log.info({ ...report, startedBy: interaction.user.id }, 'reindex requested in Discord finished');
      await interaction.editReply(reportReply(report, names));
    } finally {
      ctx.reindex.current = null;
    }
  },
} satisfies Command;
