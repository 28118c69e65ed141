import { BotError } from '../errors.js';

/** Trims a question and refuses empty or over-long ones with a message the user can act on. */
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
  return question;
}
