import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { Config } from '../config/config.js';
import { BotError } from '../errors.js';
import type { Command } from './command.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  guildId: string | null;
  commands: string[];
}

/** Registers the slash commands: in one guild when DISCORD_GUILD_ID is set (instant, for development), globally otherwise. */
export async function deployCommands(config: Config, commands: readonly Command[]): Promise<DeployResult> {
  if (!config.DISCORD_TOKEN) {
    throw new BotError('DISCORD_TOKEN_MISSING', 'Set DISCORD_TOKEN (the bot token from the Discord developer portal, Bot page) in .env or the environment.');
  }
  if (!config.DISCORD_CLIENT_ID) {
    throw new BotError('DISCORD_CLIENT_ID_MISSING', 'Set DISCORD_CLIENT_ID (the Application ID from the developer portal, General Information page) in .env or the environment.');
  }
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_TOKEN);
  const body = commands.map((c) => c.data.toJSON());
  const guildId = config.DISCORD_GUILD_ID ?? null;
  const route = guildId ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, guildId) : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return { scope: guildId ? 'guild' : 'global', guildId, commands: registered.map((c) => c.name) };
}
