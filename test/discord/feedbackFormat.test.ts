/** The feedback row, suggestion buttons, report form and coverage note (src/bot/format/feedback.ts): pure. */
import { describe, expect, it } from 'vitest';
import type { Abstention } from '../../src/answer/types.js';
import { answerReply } from '../../src/bot/format/answer.js';
import { askId, coverageNote, feedbackRow, parseFeedbackId, questionButtons, reportModal, withFeedback } from '../../src/bot/format/feedback.js';
import { Limits } from '../../src/bot/limits.js';
import { longAnswer, sampleAnswer } from '../helpers/answers.js';

type Row = { components: { label: string; custom_id?: string }[] };
const labels = (row: Row) => row.components.map((b) => b.label);

describe('feedback buttons', () => {
  it('👍 / 👎 / Report on every answer; "Ask a follow-up" on public ones, "Share to channel" on private ones', () => {
    expect(labels(feedbackRow({ key: '1', ephemeral: false, followUp: true }) as Row)).toEqual(['👍', '👎', 'Report a problem', 'Ask a follow-up']);
    expect(labels(feedbackRow({ key: '1', ephemeral: false, followUp: false }) as Row)).toEqual(['👍', '👎', 'Report a problem']);
    expect(labels(feedbackRow({ key: '1', ephemeral: true, followUp: true }) as Row)).toEqual(['👍', '👎', 'Report a problem', 'Share to channel']);
    expect((feedbackRow({ key: '123', ephemeral: false, followUp: false }) as Row).components.map((b) => b.custom_id)).toEqual(['fb:up:123', 'fb:down:123', 'fb:report:123']);
    expect(parseFeedbackId('fb:down:123')).toEqual({ action: 'down', key: '123' });
    expect(parseFeedbackId('fb:sideways:123')).toBeNull();
    expect(parseFeedbackId('fb:up:1:2')).toBeNull();
  });

  it('are added after the sources and "More sources", within Discord\'s five rows', () => {
    const result = longAnswer();
    const reply = answerReply(result, { title: 'q', moreKey: 'k' });
    const withRow = withFeedback(reply, result, { key: 'k', ephemeral: false, followUp: true });
    expect(withRow.components.slice(0, reply.components.length)).toEqual(reply.components);
    expect(labels(withRow.components.at(-1) as Row)).toContain('👍');
    expect(withRow.components.length).toBeLessThanOrEqual(Limits.actionRows);
  });

  it('suggestions become buttons that ask them; one too long for a custom id is left out, not cut', () => {
    const long = `What did ${'very '.repeat(30)}long name say?`;
    expect(askId(long)).toBeNull();
    const row = questionButtons(['What did Kushner say?', long]) as Row;
    expect(row.components).toEqual([expect.objectContaining({ label: 'What did Kushner say?', custom_id: 'q:What did Kushner say?' })]);
    const abstain: Abstention = { ...sampleAnswer(), kind: 'abstain', reason: { code: 'OFF_TOPIC' }, suggestions: ['What did Kushner say?'], about: null, citations: [], passages: [] };
    const reply = withFeedback(answerReply(abstain, { title: 'q', moreKey: 'k' }), abstain, { key: 'k', ephemeral: false, followUp: false });
    expect(reply.components.map((r) => labels(r as Row))).toEqual([['What did Kushner say?'], ['👍', '👎', 'Report a problem']]);
  });

  it('the report form asks for one comment of at most 1,000 characters', () => {
    const modal = reportModal('42');
    expect(modal.custom_id).toBe('fbm:42');
    expect(modal.components[0]).toMatchObject({ components: [{ custom_id: 'comment', required: true, max_length: 1000 }] });
  });
});

describe('coverageNote', () => {
  it('gives the latest publication date and how many articles', () => {
    const a = (published: string | null) => ({ id: 'x', outlet: 'o', headline: 'h', published, url: null, author: null, passages: 1 });
    expect(coverageNote({ articles: [a('2026-01-06'), a('2026-01-07'), a(null)] })).toBe('Coverage as of 7 Jan 2026, 3 articles');
    expect(coverageNote({ articles: [a(null)] })).toBe('Coverage as of an unknown date, 1 article');
  });

  it('stands in the answer footer', () => {
    const reply = answerReply(sampleAnswer(), { title: 'q', moreKey: null, coverage: 'Coverage as of 7 Jan 2026, 5 articles' });
    expect(reply.embeds[0]!.footer!.text).toBe('Coverage as of 7 Jan 2026, 5 articles · /sources lists what is indexed');
  });
});
