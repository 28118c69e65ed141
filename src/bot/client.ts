import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config/config.js';

/** Gateway intents: Guilds for interactions; messages and their content only when answering mentions or follow-up threads. */
export function intentsFor(config: Config): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds];
  if (config.ANSWER_ON_MENTION || config.FOLLOW_UP_THREADS) intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * The discord.js client, talking to DISCORD_API_BASE (Discord, a REST proxy, or the tests' local Discord).
 * Under the ShardingManager, discord.js takes its shard from the environment; otherwise the client runs every
 * shard Discord recommends itself (set explicitly, so our own SHARDS setting is not read by discord.js as a shard id).
 */
export function createClient(config: Config, env: NodeJS.ProcessEnv = process.env): Client {
  return new Client({
    ...(env.SHARDING_MANAGER ? {} : { shards: 'auto' as const }),
    intents: intentsFor(config),
    rest: { api: config.DISCORD_API_BASE },
    // Nothing the bot sends pings anyone, whatever a message's own options say.
    allowedMentions: { parse: [], repliedUser: false },
  });
}
