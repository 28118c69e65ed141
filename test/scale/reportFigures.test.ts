/**
 * The bench scripts read the embedded count back from the reindex reports they print (scripts/lib/reportFigures.ts).
 */
import { describe, expect, it } from 'vitest';
import { embeddedNow } from '../../scripts/lib/reportFigures.js';
import { reportReply } from '../../src/bot/format/reindex.js';
import { formatReport } from '../../src/cli/format.js';
import type { ReindexReport } from '../../src/index/report.js';

const report: ReindexReport = {
  added: [],
  changed: ['a'],
  removed: [],
  unchanged: 1055,
  articles: 1056,
  passages: 20009,
  sentences: 14860,
  embedded: 27,
  texts: 8446,
  ms: 2800,
  problems: [],
};

describe('reindex report figures', () => {
  it("regression: the bench read no embedded count ('? embedded', 0 in the bot's) since the reports say 'texts embedded now'", () => {
    expect(embeddedNow(formatReport(report))).toBe(27);
    expect(embeddedNow(reportReply(report).embeds?.[0]?.description ?? '')).toBe(27);
    expect(embeddedNow('no report here')).toBeNull();
  });
});
