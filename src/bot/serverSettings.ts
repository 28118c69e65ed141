/**
 * A server's settings (/settings) applied: where the bot answers, whether answers are private by default, the
 * cooldown. Read from the store on each use, so every shard process sees a change at once.
 */
import { PermissionFlagsBits, type Channel, type Interaction } from 'discord.js';
import type { GuildSettings } from '../store/types.js';
import { BotError } from '../errors.js';
import type { BotContext } from './command.js';

/** The server's settings, or null outside a server (DMs) or when the store cannot be read (logged; defaults apply). */
export async function settingsOf(ctx: BotContext, guildId: string | null): Promise<GuildSettings | null> {
  if (guildId === null) return null;
  try {
    return await ctx.store.settings(guildId);
  } catch (error) {
    ctx.log.error({ err: error, guild: guildId }, 'could not read the server settings; using the defaults');
    return null;
  }
}

/** The channel a message or interaction is in, or the channel a thread belongs to. */
export function parentOf(channel: Channel | null): string | null {
  return channel !== null && 'isThread' in channel && channel.isThread() ? channel.parentId : null;
}

/** Whether the bot answers in this channel (or in a thread of one) under the server's settings. */
export function answersIn(settings: GuildSettings | null, channelId: string | null, parentId: string | null): boolean {
  if (!settings || settings.channels.length === 0) return true;
  return (channelId !== null && settings.channels.includes(channelId)) || (parentId !== null && settings.channels.includes(parentId));
}

/** Why the bot does not answer here, for the member who asked. */
export function notHereMessage(settings: GuildSettings): string {
  return `In this server I answer in ${settings.channels.map((c) => `<#${c}>`).join(', ')}. Ask there, please.`;
}

/** Seconds between questions in this server. */
export function cooldownOf(ctx: BotContext, settings: GuildSettings | null): number {
  return settings?.cooldownSeconds ?? ctx.config.COOLDOWN_SECONDS;
}

/** Refuses a member without Manage Server (Discord hides the command from them, but server admins can change that). */
export function requireManager(interaction: Interaction, what: string): asserts interaction is Interaction<'cached' | 'raw'> {
  if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new BotError('DISCORD_NOT_ALLOWED', `Only members with the Manage Server permission can ${what}.`, { user: interaction.user.id });
  }
}
