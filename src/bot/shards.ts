/** Sharding: a ShardingManager runs one bot process per shard; every shard serves from the same saved index. */
import { once } from 'node:events';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { FATAL_GATEWAY_EXIT_CODE } from './gatewayClose.js';

/** SHARDS as a number: `auto` asks DISCORD_API_BASE's GET /gateway/bot (discord.js's own helper would always ask discord.com). */
export async function resolveShardCount(config: Config): Promise<number> {
  if (config.SHARDS !== 'auto') return config.SHARDS;
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(config.DISCORD_TOKEN ?? '');
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, gateway.shards);
}

export interface RunningShards {
  manager: ShardingManager;
  /** Spawns the shards; resolves once each has connected. */
  spawn(): Promise<void>;
  /** Stops every shard started so far (each finishes its replies) and waits for them; no respawn meanwhile. */
  stop(): Promise<void>;
}

/**
 * A ShardingManager for `totalShards` processes running `file` (this bot's entry point), with the same Node
 * flags. A shard stopped by a fatal gateway close (FATAL_GATEWAY_EXIT_CODE) is not respawned: `onFatal` is
 * called, since every shard would meet the same refusal.
 */
export function createShards(config: Config, log: Logger, file: string, totalShards: number, onFatal: (message: string) => void): RunningShards {
  const manager = new ShardingManager(file, {
    token: config.DISCORD_TOKEN,
    totalShards,
    mode: 'process',
    respawn: true,
    execArgv: process.execArgv,
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    log.info({ shard: shard.id, totalShards }, 'shard started');
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : null;
      if (code === FATAL_GATEWAY_EXIT_CODE) {
        manager.respawn = false;
        onFatal(`Shard ${shard.id} stopped: Discord will not take the bot back until the setting it names is changed (see the message above).`);
        return;
      }
      if (!stopping) log.warn({ shard: shard.id, code }, 'shard process exited');
    });
  });
  return {
    manager,
    async spawn() {
      await manager.spawn({ amount: totalShards, delay: 0, timeout: 120_000 });
    },
    async stop() {
      stopping = true;
      // Keep the manager from respawning shards while they stop.
      manager.respawn = false;
      // Each shard shuts itself down cleanly on SIGTERM (finishing its replies); wait for all of them.
      await Promise.all(
        [...manager.shards.values()].map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          await exited;
        }),
      );
    },
  };
}
