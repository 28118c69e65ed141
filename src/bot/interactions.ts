/**
 * Routes interactions to commands: slash commands (with the per-user cooldown), autocomplete and buttons.
 * Any failure reaches the user as a short ephemeral message and the log as the full error (expected user errors at
 * info/warn without a stack); nothing throws out.
 */
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type ModalSubmitInteraction } from 'discord.js';
import { BotError, isBotError } from '../errors.js';
import type { BotContext, Command, ComponentHandler } from './command.js';
import { cooldownMessage } from './cooldown.js';
import { NO_PINGS } from './format/common.js';
import { neutralizeMentions, truncate } from './text.js';
import { answersIn, cooldownOf, notHereMessage, parentOf, settingsOf } from './serverSettings.js';
import { logFailure, userMessage } from './userErrors.js';

type Repliable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

function describe(interaction: Interaction): Record<string, unknown> {
  return {
    interaction: interaction.id,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() || interaction.isModalSubmit() ? interaction.customId : undefined,
    user: interaction.user.id,
    guild: interaction.guildId,
    channel: interaction.channelId,
  };
}

/** Tells the user, privately, that something failed. Never throws. */
export async function reportError(interaction: Repliable, error: unknown, ctx: BotContext): Promise<void> {
  logFailure(ctx.log, error, describe(interaction), 'interaction failed');
  const content = truncate(neutralizeMentions(userMessage(error)), 2000);
  try {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
      await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_PINGS });
    } else {
      const placeholder = interaction.deferred && !interaction.replied;
      await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      // A public "thinking…" placeholder would otherwise stay forever.
      if (placeholder) await interaction.deleteReply().catch(() => undefined);
    }
  } catch (replyError) {
    ctx.log.error({ err: replyError, ...describe(interaction) }, 'could not tell the user about the failure');
  }
}

/** Names of the required (top-level) options the command declares that the interaction does not carry. */
export function missingOptions(command: Command, interaction: ChatInputCommandInteraction): string[] {
  const declared = command.data.toJSON().options ?? [];
  return declared.filter((o) => 'required' in o && o.required === true && interaction.options.get(o.name) === null).map((o) => o.name);
}

export function createInteractionHandler(commands: readonly Command[], ctx: BotContext, isStopping: () => boolean, handlers: readonly ComponentHandler[] = []) {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const all: ComponentHandler[] = [...commands, ...handlers];
  const byPrefix = new Map<string, ComponentHandler>(all.flatMap((c) => (c.components ?? []).map((p): [string, ComponentHandler] => [p, c])));

  return async function handleInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      const command = byName.get(interaction.commandName);
      try {
        if (command?.autocomplete) await command.autocomplete(interaction, ctx);
        else await interaction.respond([]);
      } catch (error) {
        ctx.log.error({ err: error, ...describe(interaction) }, 'autocomplete failed');
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      }
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;

    if (isStopping()) {
      await interaction
        .reply({ content: 'The bot is restarting; please try again in a moment.', flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS })
        .catch(() => undefined);
      return;
    }

    if (interaction.isButton()) {
      const prefix = interaction.customId.split(':')[0] ?? '';
      const command = byPrefix.get(prefix);
      try {
        if (!command?.handleComponent) throw new BotError('DISCORD_COMMAND_UNKNOWN', 'This button no longer does anything; ask again.', { customId: interaction.customId });
        await command.handleComponent(interaction, ctx);
      } catch (error) {
        await reportError(interaction, error, ctx);
      }
      return;
    }

    if (interaction.isModalSubmit()) {
      const handler = byPrefix.get(interaction.customId.split(':')[0] ?? '');
      try {
        if (!handler?.handleModal) throw new BotError('DISCORD_COMMAND_UNKNOWN', 'This form no longer does anything; run the command again.', { customId: interaction.customId });
        await handler.handleModal(interaction, ctx);
      } catch (error) {
        await reportError(interaction, error, ctx);
      }
      return;
    }

    const command = byName.get(interaction.commandName);
    const cooldownKey = command?.cooldownBucket ? `${command.cooldownBucket}:${interaction.user.id}` : interaction.user.id;
    // A malformed interaction (a required option missing) is refused before it spends the user's turn.
    const missing = command ? missingOptions(command, interaction) : [];
    if (missing.length > 0) {
      await reportError(interaction, new BotError('DISCORD_OPTION_MISSING', undefined, { command: interaction.commandName, missing }), ctx);
      return;
    }
    const settings = command?.cooldown ? await settingsOf(ctx, interaction.guildId) : null;
    // Questions only in the channels the server chose (/settings); elsewhere a private pointer to them.
    if (command?.cooldown && settings && !answersIn(settings, interaction.channelId, parentOf(interaction.channel))) {
      ctx.log.info(describe(interaction), 'question outside the channels the server set');
      await interaction.reply({ content: notHereMessage(settings), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS }).catch(() => undefined);
      return;
    }
    if (command?.cooldown) {
      const turn = ctx.cooldowns.take(cooldownKey, cooldownOf(ctx, settings));
      if (!turn.ok) {
        ctx.log.info({ ...describe(interaction), retryAfterSeconds: turn.retryAfterSeconds }, 'cooldown');
        try {
          await interaction.reply({ content: cooldownMessage(turn.retryAfterSeconds), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
        } catch (error) {
          ctx.log.error({ err: error, ...describe(interaction) }, 'could not send the cooldown notice');
        }
        return;
      }
    }
    try {
      if (!command) throw new BotError('DISCORD_COMMAND_UNKNOWN', undefined, { command: interaction.commandName });
      const started = performance.now();
      await command.execute(interaction, ctx);
      ctx.log.info({ ...describe(interaction), ms: Math.round(performance.now() - started) }, 'command answered');
    } catch (error) {
      // A question the engine refused never reached it: the user may ask again at once.
      if (command?.cooldown && (isBotError(error, 'QUESTION_EMPTY') || isBotError(error, 'QUESTION_TOO_LONG'))) {
        ctx.cooldowns.release(cooldownKey);
      }
      await reportError(interaction, error, ctx);
    }
  };
}
