import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Engine } from '../engine/types.js';
import type { ReindexProgress } from '../index/buildIndex.js';
import type { Store } from '../store/types.js';
import type { AnswerCache } from './answerCache.js';
import type { Conversations } from './conversations.js';
import type { Cooldowns } from './cooldown.js';
import type { PendingStore } from './drafts.js';

/** A reindex this process is running. */
export interface RunningReindex {
  startedBy: string;
  startedAt: number;
  progress: ReindexProgress | null;
}

/** What commands get besides the interaction. */
export interface BotContext {
  config: Config;
  log: Logger;
  engine: Engine;
  cooldowns: Cooldowns;
  answers: AnswerCache;
  reindex: { current: RunningReindex | null };
  /** /articles previews and removals waiting for their buttons. */
  pending: PendingStore;
  /** Milliseconds between progress edits of a /reindex reply. */
  progressIntervalMs: number;
  /** Settings, feedback and insights (shared by every shard process). */
  store: Store;
  /** The turns of the follow-up threads this process has answered in. */
  conversations: Conversations;
}

/** Buttons and modals that belong to no slash command (feedback, sharing, follow-ups), by custom_id prefix. */
export interface ComponentHandler {
  components?: readonly string[];
  handleComponent?(interaction: ButtonInteraction, ctx: BotContext): Promise<void>;
  handleModal?(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void>;
}

/** One slash command: a file in `commands/` default-exports one of these. */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Counts against the per-user cooldown (commands that ask the engine). */
  cooldown?: boolean;
  /** Counts against its own per-user cooldown of this name instead of the questions' one. */
  cooldownBucket?: string;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** custom_id prefixes (before the first `:`) of the buttons this command handles. */
  components?: readonly string[];
  handleComponent?(interaction: ButtonInteraction, ctx: BotContext): Promise<void>;
  /** Modal submissions whose custom_id starts with one of `components`. */
  handleModal?(interaction: ModalSubmitInteraction, ctx: BotContext): Promise<void>;
}

export function isCommand(value: unknown): value is Command {
  const c = value as Partial<Command> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.data?.name === 'string' &&
    typeof c.data.toJSON === 'function' &&
    typeof c.execute === 'function' &&
    (c.autocomplete === undefined || typeof c.autocomplete === 'function') &&
    (c.handleComponent === undefined || typeof c.handleComponent === 'function')
  );
}
