import { afterEach, describe, expect, it, vi } from 'vitest';
import { ThrottledEditor } from '../../src/bot/progress.js';

afterEach(() => {
  vi.useRealTimers();
});

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ThrottledEditor', () => {
  it('sends the first update at once, then only the latest one per interval, one edit at a time', async () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const pending: ReturnType<typeof deferred>[] = [];
    const editor = new ThrottledEditor<number>(
      (v) => {
        sent.push(v);
        const d = deferred();
        pending.push(d);
        return d.promise;
      },
      1000,
      () => undefined,
    );
    editor.update(1);
    editor.update(2);
    editor.update(3);
    expect(sent).toEqual([1]);
    pending[0]!.resolve();
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([1, 3]);
    pending[1]!.resolve();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([1, 3]);
  });

  it('on close, drops what is pending and waits for the edit on its way', async () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const first = deferred();
    const editor = new ThrottledEditor<number>(
      (v) => {
        sent.push(v);
        return first.promise;
      },
      1000,
      () => undefined,
    );
    editor.update(1);
    editor.update(2);
    let closed = false;
    const closing = editor.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(false);
    first.resolve();
    await closing;
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([1]);
    editor.update(9);
    expect(sent).toEqual([1]);
  });

  it('reports a failed edit without throwing and keeps going', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const editor = new ThrottledEditor<number>(
      async () => {
        calls++;
        if (calls === 1) throw new Error('500 from Discord');
      },
      100,
      (e) => errors.push(e),
    );
    editor.update(1);
    await vi.advanceTimersByTimeAsync(0);
    editor.update(2);
    await vi.advanceTimersByTimeAsync(100);
    await editor.close();
    expect(errors.map((e) => (e as Error).message)).toEqual(['500 from Discord']);
    expect(calls).toBe(2);
  });
});
