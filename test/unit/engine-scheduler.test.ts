import { describe, expect, it } from 'vitest';
import { runSliced, type SliceStats } from '../../src/content/engine/scheduler';

const stats = (): SliceStats => ({ slices: 0, longestSliceMs: 0, busyMs: 0 });

describe('working in slices', () => {
  it('gives each slice its budget, and stops when the work says it is done', async () => {
    const budgets: number[] = [];
    const finished = await runSliced(
      (deadline) => (budgets.push(deadline - performance.now()), budgets.length === 3),
      8, () => Promise.resolve(), new AbortController().signal, stats(),
    );
    expect(finished).toBe(true);
    expect(budgets).toHaveLength(3);
    for (const left of budgets) expect(left).toBeGreaterThan(6);
  });

  it('counts what the task already spent (loading the glossary) against the first slice only, and in its time', async () => {
    const taskStart = performance.now() - 6;
    const budgets: number[] = [];
    const sliced = stats();
    await runSliced(
      (deadline) => (budgets.push(deadline - performance.now()), budgets.length === 2),
      8, () => Promise.resolve(), new AbortController().signal, sliced, taskStart,
    );
    expect(budgets[0]).toBeLessThanOrEqual(2);
    expect(budgets[1]).toBeGreaterThan(6);
    expect(sliced.slices).toBe(2);
    expect(sliced.longestSliceMs).toBeGreaterThanOrEqual(6);
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
