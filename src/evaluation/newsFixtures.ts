import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The news-aware question set (test/fixtures/eval-news.json), written before tuning. */
const statement = z.object({ id: z.string(), any: z.array(z.string()) });

export const newsQuestionSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('speaker'),
    question: z.string(),
    speaker: z.string(),
    statements: z.array(statement),
    expect_no_statement: z.boolean().optional(),
    unanswerable: z.boolean().optional(),
    focus: z.array(z.string()).optional(),
    note: z.string().optional(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('outlet'),
    question: z.string(),
    outlet: z.string(),
    expect: z.array(z.string()),
    outlet_has_it: z.boolean(),
    note: z.string().optional(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('compare'),
    question: z.string(),
    topic_expect: z.array(z.string()),
    only_in: z.record(z.string(), z.array(z.string())).optional(),
    note: z.string().optional(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('entity'),
    question: z.string(),
    answerable: z.literal(false),
    unknown: z.array(z.string()),
    note: z.string().optional(),
  }),
]);

export type NewsQuestion = z.infer<typeof newsQuestionSchema>;
export type SpeakerQuestion = Extract<NewsQuestion, { kind: 'speaker' }>;

export async function readNewsQuestions(file: string): Promise<NewsQuestion[]> {
  return z.array(newsQuestionSchema).parse(JSON.parse(await readFile(file, 'utf8')));
}
