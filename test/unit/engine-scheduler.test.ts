import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSliced, type SliceStats } from '../../src/content/engine/scheduler';

const stats = (): SliceStats => ({ slices: 0, longestSliceMs: 0, busyMs: 0 });

describe('working in slices', () => {
  // A clock that stands still unless a test moves it: budgets are then exact, however busy the
  // machine running the test.
  let now = 1000;
  beforeEach(() => {
    now = 1000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => vi.restoreAllMocks());

  it('gives each slice its budget, and stops when the work says it is done', async () => {
    const budgets: number[] = [];
    const finished = await runSliced(
      (deadline) => (budgets.push(deadline - performance.now()), budgets.length === 3),
      8, () => Promise.resolve(), new AbortController().signal, stats(),
    );
    expect(finished).toBe(true);
    expect(budgets).toEqual([8, 8, 8]);
  });

  it('counts what the task already spent (loading the glossary) against the first slice only, and in its time', async () => {
    const taskStart = now - 6;
    const budgets: number[] = [];
    const sliced = stats();
    await runSliced(
      (deadline) => (budgets.push(deadline - performance.now()), budgets.length === 2),
      8, () => Promise.resolve(), new AbortController().signal, sliced, taskStart,
    );
    expect(budgets).toEqual([2, 8]);
    expect(sliced.slices).toBe(2);
    expect(sliced.longestSliceMs).toBe(6);
  });

  it('stops between slices once aborted', async () => {
    const stop = new AbortController();
    let slices = 0;
    const finished = await runSliced(
      () => (++slices === 2 && stop.abort(), false),
      8, () => Promise.resolve(), stop.signal, stats(),
    );
    expect(finished).toBe(false);
    expect(slices).toBe(2);
  });
});
