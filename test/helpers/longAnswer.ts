/**
 * The engine quotes at most ANSWER_PASSAGES (≤ 10) passages of at most ~320 characters, so its answers stay under
 * ~3,500 characters. To drive a 5,000-character answer through Discord, this engine answers with several real
 * answers of the real engine joined into one, their citations renumbered: real corpus text and real sources, only
 * longer than one answer gets.
 */
import type { Citation, PassagesAnswer, Quote, RankedPassage } from '../../src/answer/types.js';
import type { Engine } from '../../src/engine/types.js';

export async function joinedAnswer(engine: Engine, question: string, questions: readonly string[]): Promise<PassagesAnswer> {
  const results = await Promise.all(questions.map((q) => engine.ask(q)));
  const citations: Citation[] = [];
  const byArticle = new Map<string, number>();
  const quotes: Quote[] = [];
  const passages: RankedPassage[] = [];
  for (const r of results) {
    if (r.kind === 'abstain') continue;
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
    const again = (ns: readonly number[]) => ns.map((n) => renumber.get(n) ?? n);
    // Every kind of answer as quotes: a statement is quoted from the first passage carrying it.
    if (r.kind === 'passages') for (const q of r.quotes) quotes.push({ ...q, citations: again(q.citations) });
    if (r.kind === 'statements') {
      for (const s of r.sections.flatMap((x) => x.statements.slice(0, x.shown))) {
        quotes.push({ text: s.text, passageId: s.passageIds[0]!, cutBefore: false, cutAfter: false, citations: again(s.citations) });
      }
    }
    for (const p of r.passages) {
      passages.push({ ...p, rank: passages.length + 1, citation: p.citation === null ? null : (renumber.get(p.citation) ?? null) });
    }
  }
  const first = results[0]!;
  return { kind: 'passages', question, quotes, match: 'strong', outlet: null, citations, passages, timings: first.timings };
}

/** The real engine, except that `ask` answers with `joinedAnswer`. */
export function withJoinedAnswers(engine: Engine, questions: readonly string[]): Engine {
  return {
    ask: (question) => joinedAnswer(engine, question, questions),
    resolve: (message, turns) => engine.resolve(message, turns),
    quote: (speaker) => engine.quote(speaker),
    speakers: () => engine.speakers(),
    sources: () => engine.sources(),
    reindex: (onProgress, options) => engine.reindex(onProgress, options),
    rollback: (build, actor) => engine.rollback(build, actor),
    builds: () => engine.builds(),
    indexedTexts: () => engine.indexedTexts(),
    onAudit: (listener) => engine.onAudit(listener),
    get audit() {
      return engine.audit;
    },
    get build() {
      return engine.build;
    },
    interruptReindex: () => engine.interruptReindex(),
    get reindexing() {
      return engine.reindexing;
    },
  };
}
