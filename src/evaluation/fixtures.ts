import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The labelled question sets in test/fixtures/, as written by the question writer before tuning. */
export const retrievalQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.string(),
  answerable: z.boolean(),
  expect: z.array(z.string()),
  outlet: z.string().optional(),
  note: z.string().optional(),
});
export type RetrievalQuestion = z.infer<typeof retrievalQuestionSchema>;

export async function readRetrievalQuestions(file: string): Promise<RetrievalQuestion[]> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const list = Array.isArray(raw) ? raw : (raw as { questions?: unknown }).questions;
  return z.array(retrievalQuestionSchema).parse(list);
}
