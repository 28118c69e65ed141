/** `npm run deploy-commands`: registers the slash commands with Discord. */
import { loadConfig } from '../config/config.js';
import { isBotError } from '../errors.js';
import { deployCommands } from './deploy.js';
import { loadCommands } from './loader.js';

try {
  const config = loadConfig();
  const result = await deployCommands(config, await loadCommands());
  const where = result.scope === 'guild' ? `in guild ${result.guildId}` : 'globally (in every server the bot is in)';
  console.log(`Registered ${result.commands.length} commands ${where}: ${result.commands.map((c) => `/${c}`).join(', ')}`);
} catch (error) {
  console.error(isBotError(error) ? error.message : `Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
