import { describe, expect, it } from 'vitest';
import { cooldownMessage, Cooldowns } from '../../src/bot/cooldown.js';
import { AnswerCache } from '../../src/bot/answerCache.js';
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
    cache.set('a', { result, title: 'a' });
    cache.set('b', { result, title: 'b' });
    expect(cache.get('a')?.title).toBe('a');
    cache.set('c', { result, title: 'c' });
    expect(cache.get('b')).toBeNull();
    expect(cache.get('a')?.title).toBe('a');
    now = 1000;
    expect(cache.get('c')).toBeNull();
  });
});
