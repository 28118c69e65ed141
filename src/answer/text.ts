/**
 * An answer in plain words, from its structure: the sentences both front ends show. Each front end adds its
 * own hints (a Discord command, a terminal option) through `TextHints`; nothing here names either.
 */
import type { AnswerType } from '../plan/answerType.js';
import { TOPIC_NAME } from '../topic/profile.js';
import { STOPWORDS } from '../text/tokens.js';
import { formatDate, markers, uncitedText } from './citations.js';
import { STATEMENTS_SHOWN } from './speakerAnswer.js';
import type { AbstainReason, AnswerResult, Comparison, Quote, SpeakerSection, StatementLine } from './types.js';

export interface TextHints {
  /** Said after "…and N more" when an answer shows only some of a person's statements. */
  allStatements?: (speaker: string) => string;
}

/** "A, B or C" */
function either(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}

/**
 * A name as a reply writes it: one typed all in lower case is capitalised ("mark rutte" -> "Mark Rutte"), but for the
 * small words inside it ("opposition in the commons" -> "Opposition in the Commons", "conservatives or reform" ->
 * "Conservatives or Reform").
 */
function asName(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[\s-])(\p{Ll}[\p{L}'’]*)/gu, (_m, before: string, word: string) =>
    before !== '' && STOPWORDS.has(word) ? before + word : before + word[0]!.toUpperCase() + word.slice(1),
  );
}

function missing(type: Exclude<AnswerType, { kind: 'open' }>): string {
  switch (type.kind) {
    case 'count':
      return `The coverage gives no number of ${type.focus.join(' ')}.`;
    case 'amount':
      return 'The coverage gives no cost or amount for that.';
    case 'clock':
      return 'The coverage gives no time of day for that.';
    case 'duration':
      return type.future ? 'The coverage says nothing about how long that will last.' : 'The coverage says nothing about how long.';
    case 'time':
      return type.future ? 'The coverage gives no date for that.' : 'The coverage gives no date or time for that.';
    case 'category':
      return `The coverage names no ${type.focus} in answer to that.`;
  }
}

/** Why the coverage does not answer, as one sentence for people. */
export function describeReason(reason: AbstainReason): string {
  switch (reason.code) {
    case 'NO_CONTENT_WORDS':
      return 'There is nothing in that question to look up: it has no words but common ones.';
    case 'NOT_ENGLISH':
      return `I read questions in English only, and that one looks like ${reason.language === 'another language' ? 'it is in another language' : reason.language}: please ask it in English.`;
    case 'UNKNOWN_NAMES':
      return reason.outlet ? `${reason.outlet}'s coverage never mentions ${either(reason.names.map(asName))}.` : `The coverage never mentions ${either(reason.names.map(asName))}.`;
    case 'OFF_TOPIC':
      return `It is about ${TOPIC_NAME}, and nothing in it comes close to that question.`;
    case 'NO_MATCH':
      return reason.outlet ? `${reason.outlet} has nothing on that.` : 'Nothing in the coverage matches that question.';
    case 'NO_STATEMENT':
      return `The coverage has no statement by ${reason.speakers.join(' or ')}${reason.outlet ? ` in ${reason.outlet}` : ''}.`;
    case 'NO_STATEMENT_ON_TOPIC':
      return `The coverage quotes ${reason.speaker}, but never on ${reason.topic}.`;
    case 'NOT_IN_OUTLET':
      return `${reason.outlet} carries no statement by ${reason.speaker}; other outlets do.`;
    case 'ANSWER_TYPE_MISSING':
      return `${missing(reason.answerType)}${reason.outlet ? ` (Searched ${reason.outlet} only.)` : ''}`;
  }
}

export const ABSTAIN_LEAD = "The coverage I have doesn't answer that.";
/** Said before the quotes when the best passage is not close to the question. */
export const WEAK_MATCH = 'The coverage may not answer this directly; the closest passages I found:';

/** A quote with its ellipses: `“… words …”`. */
export function quoteText(q: Pick<Quote, 'text' | 'cutBefore' | 'cutAfter'>): string {
  return `“${q.cutBefore ? '… ' : ''}${q.text}${q.cutAfter ? ' …' : ''}”`;
}

/** A statement as quoted in an answer: direct speech in quotation marks, reported speech marked as such. */
export function statementText(s: Pick<StatementLine, 'kind' | 'text'>): string {
  if (s.kind === 'reported') return `(reported) ${s.text}`;
  const inner = s.text.replace(/^["“‘']+|["”’']+$/g, '');
  // A statement with quotation marks of its own ("“military hubs” will be set up ...") is shown as written.
  return /["“”]/.test(inner) || /(?:^|\s)‘|’(?=\s|[,.;:!?]|$)/.test(inner) ? s.text : `“${inner}”`;
}

function statementLines(statements: readonly StatementLine[], shown: number, named: boolean, subject: string, hints: TextHints): string[] {
  const lines = statements.slice(0, shown).map((s) => `${named ? `${s.speaker}: ` : ''}${statementText(s)} ${markers(s.citations)}${uncitedText(s.uncited)}`);
  const more = statements.length - shown;
  if (more > 0) lines.push(`…and ${more} more${hints.allStatements ? ` ${hints.allStatements(subject)}` : ''}.`);
  return lines;
}

function count(n: number): string {
  return `${n} distinct statement${n === 1 ? '' : 's'}`;
}

function sectionText(section: SpeakerSection, hints: TextHints): string {
  const { name, role } = section.speaker;
  const head = `${role ? `${name} (${role})` : name}: ${count(section.statements.length)} in the coverage.`;
  return [head, ...statementLines(section.statements, section.shown, false, name, hints)].join('\n');
}

function comparisonText(c: Comparison): string {
  const lines = ['How each outlet covered it:'];
  for (const r of c.outlets) lines.push(r.quote ? `${r.outlet}: ${quoteText(r.quote)} ${markers(r.quote.citations)}` : `${r.outlet}: nothing on this.`);
  if (c.onlyIn.length > 0) {
    lines.push('', 'Reported by one outlet only:');
    for (const o of c.onlyIn.slice(0, 5)) lines.push(`${o.outlet}: “${o.sentence}”${o.citation ? ` ${markers([o.citation])}` : ''}`);
  }
  if (c.wording.length > 0) {
    lines.push('', 'Worded differently:');
    const said = (phrases: string[]) => (phrases.length === 0 ? 'no words of its own' : phrases.map((p) => `“${p}”`).join(', '));
    for (const w of c.wording.slice(0, 4)) {
      lines.push(`${w.outlet} ${markers([w.citation ?? 0])}: ${said(w.phrases)} · ${w.versus.outlet} ${markers([w.versus.citation ?? 0])}: ${said(w.versus.phrases)}`);
    }
  }
  return lines.join('\n');
}

function chatText(intent: Extract<AnswerResult, { kind: 'chat' }>['intent']): string {
  switch (intent) {
    case 'greeting':
      return `Hi! I answer questions about the news coverage of ${TOPIC_NAME}, quoting the articles and citing each one.`;
    case 'thanks':
      return `You're welcome! Ask me anything else about ${TOPIC_NAME}.`;
    case 'farewell':
      return `Bye! Ask me about ${TOPIC_NAME} any time.`;
    case 'acknowledgement':
      return `Anything else you'd like to know about ${TOPIC_NAME}?`;
    case 'help':
      return (
        `I answer questions about the news coverage of ${TOPIC_NAME} with quoted passages and numbered sources ` +
        '(outlet, headline, date and link). Ask what happened, who said what, what one outlet reported, or how the outlets differ; ' +
        'when the coverage does not answer, I say so.'
      );
  }
}

function coverageText(result: Extract<AnswerResult, { kind: 'coverage' }>): string {
  const count = result.outlets.reduce((n, o) => n + o.articles.length, 0);
  const articles = `${count} article${count === 1 ? '' : 's'}`;
  const head = result.outlet
    ? `${result.outlet}'s coverage I have: ${articles}${count > 1 && result.latest ? `, the latest from ${formatDate(result.latest)}` : ''}.`
    : `The coverage I have: ${articles} from ${result.outlets.length} outlet${result.outlets.length === 1 ? '' : 's'}${result.latest ? `, the latest from ${formatDate(result.latest)}` : ''}.`;
  const lines = result.outlets.flatMap((o) =>
    o.articles.map((a) => `${o.outlet}: "${a.headline}", ${a.author ? `by ${a.author}, ` : ''}${formatDate(a.published)}, ${a.url ?? 'no link known'}`),
  );
  const none = result.notHeld.length > 0 ? [`None of it is from ${either(result.notHeld)}.`] : [];
  return [head, ...none, ...lines].join('\n');
}

/** Questions to try that a reply offers: an abstention's suggestions, small talk's or a clarification's examples. */
export function examplesOf(result: AnswerResult): string[] {
  if (result.kind === 'abstain') return result.suggestions;
  if (result.kind === 'chat' || result.kind === 'clarify') return result.examples;
  return [];
}

/** The answer as text: quoted passages or statements with `[n]` markers, a comparison, or why the coverage does not answer. */
export function answerText(result: AnswerResult, hints: TextHints = {}): string {
  switch (result.kind) {
    case 'passages': {
      const quotes = result.quotes.map((q) => `${quoteText(q)}${q.speakers ? ` — ${q.speakers.join(' and ')}` : ''} ${markers(q.citations)}${uncitedText(q.uncited)}`);
      return (result.match === 'weak' ? [WEAK_MATCH, ...quotes] : quotes).join('\n');
    }
    case 'statements': {
      const parts = result.sections.map((s) => sectionText(s, hints));
      if (result.without.length > 0) parts.push(describeReason({ code: 'NO_STATEMENT', speakers: result.without, outlet: result.outlet }));
      return parts.join('\n\n');
    }
    case 'compare':
      return comparisonText(result.comparison);
    case 'attribution':
      return result.attributions
        .map(({ speaker, statement }) => `${speaker.role ? `${speaker.name} (${speaker.role})` : speaker.name} said it: ${statementText(statement)} ${markers(statement.citations)}${uncitedText(statement.uncited)}`)
        .join('\n');
    case 'chat':
      return chatText(result.intent);
    case 'coverage':
      return coverageText(result);
    case 'clarify':
      return 'Who or what do you mean? I answer each question on its own, so please ask again with the name or the topic.';
    case 'abstain': {
      const lead = `${ABSTAIN_LEAD} ${describeReason(result.reason)}`;
      if (!result.about) return lead;
      const { subject, statements } = result.about;
      const shown = Math.min(STATEMENTS_SHOWN, statements.length);
      return [`${lead} What others said about ${subject}:`, `${count(statements.length)} by others about ${subject}.`, ...statementLines(statements, shown, true, subject, hints)].join('\n');
    }
  }
}
