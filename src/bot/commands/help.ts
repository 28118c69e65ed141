import { InteractionContextType, MessageFlags, SlashCommandBuilder, type APIEmbed } from 'discord.js';
import { formatDate } from '../../answer/citations.js';
import { examplesOf } from '../../answer/text.js';
import { outletList } from '../../corpus/outlets.js';
import { TOPIC_NAME } from '../../topic/profile.js';
import type { Command } from '../command.js';
import { Colors, NO_PINGS } from '../format/common.js';
import { coverageNote, questionButtons } from '../format/feedback.js';
import { privacyStatement } from '../format/privacy.js';
import { shownAsText } from '../text.js';

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What the bot knows, questions to try, and what it keeps about you')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM),

  async execute(interaction, ctx) {
    const sources = ctx.engine.sources();
    const dates = sources.articles.map((a) => a.published).filter((d): d is string => d !== null).sort();
    const span = dates.length === 0 ? 'dates not known' : dates[0] === dates.at(-1) ? formatDate(dates[0]!) : `${formatDate(dates[0]!)} to ${formatDate(dates.at(-1)!)}`;
    // The examples the engine offers for a request for help: built from who and what the coverage holds.
    const examples = examplesOf(await ctx.engine.ask('help'));
    const embed: APIEmbed = {
      title: `What I know: news coverage of ${TOPIC_NAME}`,
      description: [
        `I answer questions about ${sources.articles.length} articles (${span}) from ${outletList(sources.articles).map(shownAsText).join(', ')}, quoting the passages and citing each outlet.`,
        '**Ask** with /ask, /quote for what a person said, /sources for the articles. Press a question below to try it.',
        ctx.config.FOLLOW_UP_THREADS ? '**Follow-ups**: press "Ask a follow-up" under an answer; in that thread, "what else did he say?" or "and Macron?" continue the conversation.' : '',
        '**Feedback**: 👍 / 👎 and "Report a problem" under every answer.',
      ]
        .filter(Boolean)
        .join('\n\n'),
      color: Colors.answer,
      fields: [{ name: 'Privacy', value: privacyStatement(ctx.config.RETENTION_DAYS) }],
      footer: { text: coverageNote(sources) },
    };
    const row = questionButtons(examples);
    await interaction.reply({ embeds: [embed], components: row ? [row] : [], flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
  },
} satisfies Command;
