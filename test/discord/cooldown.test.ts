import { describe, expect, it } from 'vitest';
import { cooldownMessage, Cooldowns } from '../../src/bot/cooldown.js';
import { AnswerCache, cachedAnswer, MAX_PAGES_PER_ANSWER, rememberPage } from '../../src/bot/answerCache.js';
import type { AnswerResult } from '../../src/answer/types.js';

describe('Cooldowns', () => {
  it('lets a user ask, then says how many whole seconds remain, then lets them ask again', () => {
    let now = 1_000_000;
    const cooldowns = new Cooldowns(10, () => now);
    expect(cooldowns.take('u1')).toEqual({ ok: true });
    now += 2_500;
    expect(cooldowns.take('u1')).toEqual({ ok: false, retryAfterSeconds: 8 });
    expect(cooldowns.take('u2')).toEqual({ ok: true });
    now += 7_400;
    expect(cooldowns.take('u1')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 100;
    expect(cooldowns.take('u1')).toEqual({ ok: true });
  });

  it('does nothing when set to 0 seconds, and can give a turn back', () => {
    const off = new Cooldowns(0);
    expect(off.take('u').ok && off.take('u').ok).toBe(true);
    const on = new Cooldowns(60, () => 0);
    on.take('u');
    on.release('u');
    expect(on.take('u')).toEqual({ ok: true });
  });

  it('words the notice with the seconds to wait', () => {
    expect(cooldownMessage(7)).toMatch(/try again in 7 s/);
  });
});

describe('AnswerCache', () => {
  const result = { question: 'q' } as AnswerResult;

  it('forgets entries after their time and the least recently used beyond its size', () => {
    let now = 0;
    const cache = new AnswerCache(2, 1000, () => now);
    cache.set('a', cachedAnswer({ result, title: 'a', owner: 'u1', ephemeral: false }));
    cache.set('b', cachedAnswer({ result, title: 'b', owner: 'u1', ephemeral: false }));
    expect(cache.get('a')?.title).toBe('a');
    cache.set('c', cachedAnswer({ result, title: 'c', owner: 'u1', ephemeral: false }));
    expect(cache.get('b')).toBeNull();
    expect(cache.get('a')?.title).toBe('a');
    now = 1000;
    expect(cache.get('c')).toBeNull();
  });

  it('remembers the private pages of an answer and who each was shown to, the oldest forgotten beyond its limit', () => {
    const answer = cachedAnswer({ result, title: 'a', owner: 'u1', ephemeral: false });
    expect(answer.messageId).toBeNull();
    for (let i = 0; i <= MAX_PAGES_PER_ANSWER; i++) rememberPage(answer, `m${i}`, `u${i}`);
    expect(answer.pages.size).toBe(MAX_PAGES_PER_ANSWER);
    expect(answer.pages.get('m0')).toBeUndefined();
    expect(answer.pages.get(`m${MAX_PAGES_PER_ANSWER}`)).toBe(`u${MAX_PAGES_PER_ANSWER}`);
  });
});
