/** Sharding: a ShardingManager runs one bot process per shard; every shard serves from the same saved index. */
import { once } from 'node:events';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';

/** SHARDS as a number: `auto` asks DISCORD_API_BASE's GET /gateway/bot (discord.js's own helper would always ask discord.com). */
export async function resolveShardCount(config: Config): Promise<number> {
  if (config.SHARDS !== 'auto') return config.SHARDS;
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_TOKEN ?? '');
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}

export interface RunningShards {
  manager: ShardingManager;
  stop(): Promise<void>;
}

/** Spawns `totalShards` processes running `file` (this bot's entry point), with the same Node flags (e.g. tsx). */
export async function startShards(config: Config, log: Logger, file: string, totalShards: number): Promise<RunningShards> {
  const manager = new ShardingManager(file, {
    token: config.DISCORD_TOKEN,
    totalShards,
    mode: 'process',
    respawn: true,
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard) => {
    log.info({ shard: shard.id, totalShards }, 'shard started');
    shard.on('death', () => log.warn({ shard: shard.id }, 'shard process exited'));
  });
  await manager.spawn({ amount: totalShards, delay: 0, timeout: 120_000 });
  return {
    manager,
    async stop() {
      // Keep the manager from respawning shards while they stop.
      manager.respawn = false;
      // Each shard shuts itself down cleanly on SIGTERM (finishing its replies); wait for all of them.
      await Promise.all(
        [...manager.shards.values()].map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return;
          shard.removeAllListeners('death');
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          await exited;
        }),
      );
    },
  };
}
