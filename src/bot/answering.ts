/**
 * What every answer goes through, whichever way it was asked (/ask, /quote, a mention, a suggestion button, a
 * thread message): the reply with its feedback buttons and the coverage's date in the footer, and a record in
 * the store for moderators' insights. Recording never stands in the way of answering: a store failure is logged.
 */
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { AnswerResult } from '../answer/types.js';
import type { Outcome } from '../store/types.js';
import type { BotContext } from './command.js';
import { answerReply } from './format/answer.js';
import type { ReplyPayload } from './format/common.js';
import { coverageNote, withFeedback } from './format/feedback.js';

export function outcomeOf(result: AnswerResult): Outcome {
  if (result.kind === 'abstain') return 'refused';
  if (result.kind === 'chat' || result.kind === 'clarify') return 'other';
  return 'answered';
}

/** Outlets an answer cites (each once). */
export function citedOutlets(result: AnswerResult): string[] {
  return [...new Set(result.citations.map((c) => c.outlet))];
}

export interface AnswerPlace {
  guildId: string | null;
  channelId: string | null;
  userId: string;
  /** The answer is in a thread already (no "Ask a follow-up"). */
  inThread?: boolean;
}

/** Where an interaction was asked, for the answer's buttons and its record. */
export function placeOf(interaction: ChatInputCommandInteraction | ButtonInteraction): AnswerPlace {
  return { guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id, inThread: interaction.channel?.isThread() ?? false };
}

/** The reply for an answer: sources, "More sources", suggestion buttons, feedback row, coverage footer. */
export function answerPayload(
  ctx: BotContext,
  result: AnswerResult,
  options: { key: string; title: string; ephemeral: boolean; place: AnswerPlace; feedbackKey?: string },
): ReplyPayload {
  const reply = answerReply(result, { title: options.title, moreKey: options.key, coverage: coverageNote(ctx.engine.sources()) });
  const followUp = ctx.config.FOLLOW_UP_THREADS && options.place.guildId !== null && !options.place.inThread;
  // A shared copy keeps the original's key for feedback: votes and reports go to the one answer on record.
  return withFeedback(reply, result, { key: options.feedbackKey ?? options.key, ephemeral: options.ephemeral, followUp });
}

/** Records an answer for insights: the asker as a hash, the question's text only when refused. */
export async function recordAnswer(ctx: BotContext, key: string, question: string, result: AnswerResult, place: AnswerPlace): Promise<void> {
  try {
    await ctx.store.recordAnswer({
      id: key,
      guildId: place.guildId,
      channelId: place.channelId,
      member: ctx.store.memberHash(place.userId),
      askedAt: Date.now(),
      kind: result.kind,
      outcome: outcomeOf(result),
      reason: result.kind === 'abstain' ? result.reason.code : null,
      question,
      outlets: citedOutlets(result),
    });
  } catch (error) {
    ctx.log.error({ err: error, key }, 'could not record the answer in the store');
  }
}
