/**
 * The engine quotes at most ANSWER_PASSAGES (≤ 10) passages of at most ~320 characters, so its answers stay under
 * ~3,500 characters. To drive a 5,000-character answer through Discord, this engine answers with several real
 * answers of the real engine joined into one, their citations renumbered: real corpus text and real sources, only
 * longer than one answer gets.
 */
import type { AnswerResult, Citation, Engine, RankedPassage } from '../../src/engine/types.js';

export async function joinedAnswer(engine: Engine, question: string, questions: readonly string[]): Promise<AnswerResult> {
  const results = await Promise.all(questions.map((q) => engine.ask(q)));
  const citations: Citation[] = [];
  const byArticle = new Map<string, number>();
  const lines: string[] = [];
  const passages: RankedPassage[] = [];
  for (const r of results) {
    if (r.abstained) continue;
    const renumber = new Map<number, number>();
    for (const c of r.citations) {
      let n = byArticle.get(c.articleId);
      if (n === undefined) {
        n = citations.length + 1;
        byArticle.set(c.articleId, n);
        citations.push({ ...c, n });
      }
      renumber.set(c.n, n);
    }
    lines.push(r.answer.replace(/\[(\d+)\]/g, (_, n: string) => `[${renumber.get(Number(n)) ?? n}]`));
    for (const p of r.passages) {
      passages.push({ ...p, rank: passages.length + 1, citation: p.citation === null ? null : (renumber.get(p.citation) ?? null) });
    }
  }
  const first = results[0]!;
  return { ...first, question, answer: lines.join('\n'), abstained: false, abstainReason: null, suggestions: [], citations, passages };
}

/** The real engine, except that `ask` answers with `joinedAnswer`. */
export function withJoinedAnswers(engine: Engine, questions: readonly string[]): Engine {
  return {
    ask: (question) => joinedAnswer(engine, question, questions),
    quote: (speaker) => engine.quote(speaker),
    speakers: () => engine.speakers(),
    sources: () => engine.sources(),
    reindex: (onProgress) => engine.reindex(onProgress),
    get reindexing() {
      return engine.reindexing;
    },
  };
}
