import type { APIActionRowComponent, APIButtonComponent, APIEmbed, MessageMentionOptions } from 'discord.js';
import { Limits } from '../limits.js';
import { neutralizeMentions, truncate } from '../text.js';

/** Sent with every message: nothing the bot says pings anyone. */
export const NO_PINGS: Readonly<MessageMentionOptions> = Object.freeze({ parse: [], repliedUser: false });

export interface ReplyPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

export const Colors = {
  answer: 0x2f6fdb,
  abstained: 0x8b949e,
  more: 0x5865f2,
  sources: 0x2da44e,
  progress: 0xd29922,
  error: 0xcf222e,
} as const;

/** Characters Discord counts towards the 6,000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** A plain text reply (errors, cooldowns, notices): neutralised and cut to the message limit. */
export function textReply(text: string): ReplyPayload {
  return { content: truncate(neutralizeMentions(text), Limits.content), embeds: [], components: [], allowedMentions: NO_PINGS };
}
