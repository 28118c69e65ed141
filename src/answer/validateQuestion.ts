import { BotError } from '../errors.js';

/** Discord mention syntax and @everyone/@here: noise to search, and never repeated as a ping. */
const MENTIONS = /<@[!&]?\d+>|<#\d+>|<:\w+:\d+>|@(?:everyone|here)\b/g;

/** The question with mentions taken out, for searching. */
export function withoutMentions(question: string): string {
  return question.replace(MENTIONS, ' ').replace(/\s+/g, ' ').trim();
}

/** Trims a question and refuses empty, wordless or over-long ones with a message the user can act on. */
export function validateQuestion(raw: string, maxChars: number): string {
  const question = raw.replace(/\s+/g, ' ').trim();
  if (question === '') {
    throw new BotError('QUESTION_EMPTY', 'Please ask a question, e.g. "What did Kushner say?"', {});
  }
  if (question.length > maxChars) {
    throw new BotError(
      'QUESTION_TOO_LONG',
      `That question is ${question.length} characters long; please keep it under ${maxChars}.`,
      { length: question.length, max: maxChars },
    );
  }
  if (!/[\p{L}\p{N}]/u.test(withoutMentions(question))) {
    throw new BotError('QUESTION_EMPTY', 'Please ask your question in words, e.g. "What did Kushner say?"', { question });
  }
  return question;
}
