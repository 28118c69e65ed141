import { formatCitation, formatDate } from '../answer/citations.js';
import { outletList } from '../corpus/outlets.js';
import type { AnswerResult, ReindexProgress, ReindexReport, SourcesInfo } from '../engine/types.js';

/** An answer as the terminal shows it: the quoted answer, then the numbered sources. */
export function formatAnswer(result: AnswerResult): string {
  const lines = [result.answer];
  if (result.abstainReason && !result.answer.includes(result.abstainReason)) lines.push('', result.abstainReason);
  if (result.suggestions.length > 0) {
    lines.push('', 'You could ask:', ...result.suggestions.map((s) => `  - ${s}`));
  }
  if (result.citations.length > 0) {
    lines.push('', 'Sources:', ...result.citations.map((c) => `  ${formatCitation(c)}`));
  }
  return lines.join('\n');
}

export function formatProgress(p: ReindexProgress): string {
  return p.total > 0 && p.stage === 'embedding' ? `  ${p.message} (${Math.round((100 * p.done) / p.total)}%)` : `  ${p.message}`;
}

export function formatReport(r: ReindexReport): string {
  const list = (ids: string[]) => (ids.length === 0 ? 'none' : ids.join(', '));
  const lines = [
    `Articles: ${r.articles} (added: ${list(r.added)}; changed: ${list(r.changed)}; removed: ${list(r.removed)}; unchanged: ${r.unchanged})`,
    `Passages: ${r.passages} (${r.embedded} embedded now, ${r.cached} from the cache)`,
    `Time: ${(r.ms / 1000).toFixed(1)} s`,
  ];
  for (const p of r.problems) lines.push(`Skipped ${p.file}: ${p.message}`);
  return lines.join('\n');
}

/** The outlets and articles indexed, and when and with what the index was built. */
export function formatSources(s: SourcesInfo): string {
  const lines = [`Index built ${s.builtAt} with ${s.embedder} (${s.dimensions} dimensions): ${s.articles.length} articles, ${s.passages} passages.`];
  const outlets = outletList(s.articles);
  for (const outlet of outlets) {
    lines.push('', outlet);
    for (const a of s.articles.filter((x) => x.outlet === outlet)) {
      lines.push(`  "${a.headline}", ${formatDate(a.published)}, ${a.url ?? 'no link known'} (${a.passages} passages)`);
    }
  }
  return lines.join('\n');
}
