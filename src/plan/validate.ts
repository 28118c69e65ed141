import { BotError } from '../errors.js';

/** How much of a refused question an error message repeats. */
const ECHO_CHARS = 80;

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
  if (!/[\p{L}\p{N}]/u.test(question)) {
    throw new BotError('QUESTION_EMPTY', 'Please ask your question in words, e.g. "What did Kushner say?"', { question: question.slice(0, ECHO_CHARS) });
  }
  return question;
}
