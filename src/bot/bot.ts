/** One running bot: a discord.js client answering from an engine. */
import { once } from 'node:events';
import { Events, RESTEvents, Routes, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Engine } from '../engine/types.js';
import { BotError } from '../errors.js';
import { AnswerCache } from './answerCache.js';
import { createClient } from './client.js';
import { fatalCloseMessage } from './gatewayClose.js';
import type { BotContext, Command } from './command.js';
import { Cooldowns } from './cooldown.js';
import { PendingStore } from './drafts.js';
import { modLogMessage } from './format/articles.js';
import { InFlight } from './inflight.js';
import { createInteractionHandler } from './interactions.js';
import { loadCommands } from './loader.js';
import { createMessageHandler } from './mentions.js';
import { answerButtons } from './answerButtons.js';
import { Conversations } from './conversations.js';
import { createThreadHandler } from './threads.js';
import { openStore, schedulePurge } from '../store/open.js';
import type { Store } from '../store/types.js';

export interface StartBotOptions {
  config: Config;
  engine: Engine;
  log: Logger;
  commands?: Command[];
  /** Milliseconds between progress edits of a /reindex reply (default 1500). */
  progressIntervalMs?: number;
  /** Use this store (kept open on stop) instead of opening STORE_PATH (closed on stop). */
  store?: Store;
  /** Called when Discord closes the gateway with a code it will not take the bot back after (see gatewayClose.ts). */
  onFatal?: (message: string, code: number) => void;
}

export interface RunningBot {
  client: Client<true>;
  ctx: BotContext;
  /** Stops taking new work, lets replies in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS), then disconnects. */
  stop(): Promise<void>;
}

export async function startBot({ config, engine, log, commands, progressIntervalMs = 1500, store: given, onFatal }: StartBotOptions): Promise<RunningBot> {
  if (!config.DISCORD_TOKEN) {
    throw new BotError('DISCORD_TOKEN_MISSING', 'Set DISCORD_TOKEN (the bot token from the Discord developer portal) in .env or the environment.');
  }
  const store = given ?? (await openStore(config, log));
  const stopPurge = schedulePurge(store, config.RETENTION_DAYS, log);
  const ctx: BotContext = {
    config,
    log,
    engine,
    cooldowns: new Cooldowns(config.COOLDOWN_SECONDS),
    answers: new AnswerCache(),
    reindex: { current: null },
    pending: new PendingStore(),
    progressIntervalMs,
    store,
    conversations: new Conversations(),
  };
  const inFlight = new InFlight();
  let stopping = false;
  const client = createClient(config);
  const handleInteraction = createInteractionHandler(commands ?? (await loadCommands()), ctx, () => stopping, [answerButtons]);

  client.on(Events.InteractionCreate, (interaction) => void inFlight.track(handleInteraction(interaction)));
  if (config.ANSWER_ON_MENTION || config.FOLLOW_UP_THREADS) {
    const handleMention = config.ANSWER_ON_MENTION ? createMessageHandler(ctx) : null;
    const handleThread = config.FOLLOW_UP_THREADS ? createThreadHandler(ctx) : null;
    client.on(Events.MessageCreate, (message) => {
      if (stopping) return;
      void inFlight.track(
        (async () => {
          if (handleThread && (await handleThread(message))) return;
          if (handleMention) await handleMention(message);
        })(),
      );
    });
  }
  if (config.MOD_LOG_CHANNEL_ID) {
    const channel = config.MOD_LOG_CHANNEL_ID;
    // Every add, remove, rollback and reindex this process makes is posted to the moderators' channel.
    engine.onAudit((entry) => {
      if (stopping) return;
      void inFlight.track(
        client.rest.post(Routes.channelMessages(channel), { body: modLogMessage(entry) }).then(
          () => undefined,
          (error: unknown) => log.warn({ err: error, channel }, 'could not post to MOD_LOG_CHANNEL_ID'),
        ),
      );
    });
  }
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord.js client error'));
  client.on(Events.Warn, (message) => log.warn({ discord: message }, 'discord.js warning'));
  client.on(Events.ShardDisconnect, (event, shard) => {
    const fatal = fatalCloseMessage(event.code);
    if (!fatal) {
      log.warn({ shard, code: event.code }, 'gateway disconnected');
      return;
    }
    log.error({ shard, code: event.code }, fatal);
    onFatal?.(fatal, event.code);
  });
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard) => log.info({ shard }, 'gateway resumed'));
  client.rest.on(RESTEvents.RateLimited, (info) => log.warn({ rateLimit: info }, 'Discord rate limit: waiting before retrying'));

  const ready = once(client, Events.ClientReady) as Promise<[Client<true>]>;
  await client.login(config.DISCORD_TOKEN);
  const [readyClient] = await ready;
  log.info(
    { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, shards: readyClient.shard?.ids ?? [0], intents: readyClient.options.intents.bitfield },
    'connected to Discord',
  );

  return {
    client: readyClient,
    ctx,
    async stop() {
      if (stopping) return;
      stopping = true;
      log.info({ inFlight: inFlight.size }, 'shutting down: finishing replies in flight');
      // A reindex would outlast any shutdown timeout: stop it (its reply says so) and clean up its half build.
      if (engine.reindexing) {
        log.info('shutting down: interrupting the reindex in progress');
        await engine.interruptReindex();
      }
      const finished = await inFlight.drain(config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
      if (!finished) log.warn({ inFlight: inFlight.size }, 'shutdown timeout: disconnecting with replies still in flight');
      await client.destroy();
      stopPurge();
      if (!given) await store.close();
      log.info('disconnected from Discord');
    },
  };
}
