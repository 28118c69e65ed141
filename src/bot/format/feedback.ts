/**
 * The buttons under an answer besides its sources: 👍 / 👎 and "Report a problem" (everyone), "Ask a follow-up"
 * (a public answer, where threads are on), "Share to channel" (a private answer), and the questions an
 * abstention suggests, each a button that asks it. Plus the custom ids they carry and the report modal. Pure.
 */
import { ButtonStyle, ComponentType, TextInputStyle, type APIButtonComponent, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { formatDate } from '../../answer/citations.js';
import { examplesOf } from '../../answer/text.js';
import type { AnswerResult } from '../../answer/types.js';
import type { SourcesInfo } from '../../engine/types.js';
import { Limits } from '../limits.js';
import { truncate } from '../text.js';
import type { ButtonRow } from './answer.js';
import type { ReplyPayload } from './common.js';

/** Longest comment a problem report takes. */
export const REPORT_MAX_CHARS = 1000;

export type FeedbackAction = 'up' | 'down' | 'report';

export const feedbackId = (action: FeedbackAction, key: string): string => `fb:${action}:${key}`;
export const reportModalId = (key: string): string => `fbm:${key}`;
export const shareId = (key: string): string => `share:${key}`;
export const followUpId = (key: string): string => `fu:${key}`;
/** A button that asks `question`; null when the question does not fit in a custom id. */
export function askId(question: string): string | null {
  const id = `q:${question}`;
  return id.length <= Limits.customId ? id : null;
}

export function parseFeedbackId(customId: string): { action: FeedbackAction; key: string } | null {
  const m = /^fb:(up|down|report):([^:]{1,64})$/.exec(customId);
  return m ? { action: m[1] as FeedbackAction, key: m[2]! } : null;
}

/** The key after a `prefix:`, or null. */
export function keyOf(customId: string, prefix: string): string | null {
  const m = new RegExp(`^${prefix}:([^:]{1,64})$`).exec(customId);
  return m ? m[1]! : null;
}

/** "Coverage as of 7 Jan 2026, 5 articles": the latest publication date and how many articles are indexed. */
export function coverageNote(info: Pick<SourcesInfo, 'articles'>): string {
  const dates = info.articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
  const n = info.articles.length;
  const latest = dates.at(-1);
  return `Coverage as of ${latest ? formatDate(latest) : 'an unknown date'}, ${n} article${n === 1 ? '' : 's'}`;
}

function button(custom_id: string, label: string, style: ButtonStyle = ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, style, label: truncate(label, Limits.buttonLabel), custom_id } as APIButtonComponent;
}

/** Buttons asking the questions an answer suggests (after an abstention, small talk, a clarification). */
export function questionButtons(questions: readonly string[]): ButtonRow | null {
  const buttons = questions.flatMap((q) => {
    const id = askId(q);
    return id ? [button(id, q, ButtonStyle.Primary)] : [];
  });
  return buttons.length > 0 ? { type: ComponentType.ActionRow, components: buttons.slice(0, Limits.buttonsPerRow) } : null;
}

export interface FeedbackOptions {
  key: string;
  ephemeral: boolean;
  /** Offer "Ask a follow-up" (public answers in a server channel, with follow-up threads on). */
  followUp: boolean;
}

export function feedbackRow({ key, ephemeral, followUp }: FeedbackOptions): ButtonRow {
  const buttons = [button(feedbackId('up', key), '👍'), button(feedbackId('down', key), '👎'), button(feedbackId('report', key), 'Report a problem')];
  if (followUp && !ephemeral) buttons.push(button(followUpId(key), 'Ask a follow-up', ButtonStyle.Primary));
  if (ephemeral) buttons.push(button(shareId(key), 'Share to channel', ButtonStyle.Primary));
  return { type: ComponentType.ActionRow, components: buttons };
}

/** An answer's reply with its suggestion buttons and feedback row added (within Discord's 5 rows). */
export function withFeedback(reply: ReplyPayload, result: AnswerResult, options: FeedbackOptions): ReplyPayload {
  const rows = [...reply.components];
  const suggestions = questionButtons(examplesOf(result));
  if (suggestions && rows.length < Limits.actionRows - 1) rows.push(suggestions);
  if (rows.length < Limits.actionRows) rows.push(feedbackRow(options));
  return { ...reply, components: rows };
}

/** The "Report a problem" form. */
export function reportModal(key: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: reportModalId(key),
    title: 'Report a problem with this answer',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: 'comment',
            label: 'What is wrong with the answer?',
            style: TextInputStyle.Paragraph,
            min_length: 3,
            max_length: REPORT_MAX_CHARS,
            required: true,
            placeholder: 'e.g. the quote is about something else; a source is missing; the date is wrong',
          },
        ],
      },
    ],
  };
}
