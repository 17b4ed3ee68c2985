import { describe, expect, it } from 'vitest';
import {
  hoverReducer,
  initialHoverState,
  nextDeadline,
  type HoverEvent,
  type HoverState,
} from '../../src/content/card/hover-machine';

const timing = { showDelay: 300, hideDelay: 300, same: (a: string, b: string) => a === b };

/** Runs events in order, firing the clock wherever a deadline falls before the next event. */
function run(events: Array<HoverEvent<string>>): HoverState<string> {
  let state = initialHoverState<string>();
  for (const e of events) {
    const due = nextDeadline(state);
    const at = 'now' in e ? e.now : null;
    if (due !== null && at !== null && due <= at) state = hoverReducer(timing, state, { type: 'tick', now: due });
    state = hoverReducer(timing, state, e);
  }
  return state;
}

const point = (target: string | null, now: number, arm = true): HoverEvent<string> => ({ type: 'point', target, arm, now });
const tick = (now: number): HoverEvent<string> => ({ type: 'tick', now });

describe('the card shows only after the pointer rests on a term', () => {
  it('opens after the hover delay, not before', () => {
    expect(run([point('llm', 0), tick(299)]).shown).toBeNull();
    expect(run([point('llm', 0), tick(300)]).shown).toBe('llm');
  });

  it('opens nothing while the pointer sweeps across terms', () => {
    const sweep = [point('llm', 0), point(null, 80), point('rlhf', 160), point(null, 240), point('token', 320), point(null, 400)];
    expect(run([...sweep, tick(2000)]).shown).toBeNull();
  });

  it('moving within one term does not restart the delay', () => {
    expect(run([point('llm', 0), point('llm', 200), tick(300)]).shown).toBe('llm');
  });

  it('tells the controller when to wake up', () => {
    const s = run([point('llm', 1000)]);
    expect(nextDeadline(s)).toBe(1300);
    expect(nextDeadline(initialHoverState())).toBeNull();
  });

  it('with a zero delay opens at once', () => {
    const s = hoverReducer({ ...timing, showDelay: 0 }, initialHoverState<string>(), point('llm', 5));
    expect(s.shown).toBe('llm');
  });
});

describe('the open card waits for the pointer to come into it', () => {
  const open = [point('llm', 0), tick(300)];

  it('stays through the grace period and for as long as the pointer is on the card', () => {
    const s = run([...open, point(null, 400), { type: 'enter-card' }, tick(5000)]);
    expect(s.shown).toBe('llm');
  });

  it('hides when the pointer leaves the term and the grace period ends', () => {
    expect(run([...open, point(null, 400), tick(699)]).shown).toBe('llm');
    expect(run([...open, point(null, 400), tick(700)]).shown).toBeNull();
  });

  it('hides after the pointer leaves the card', () => {
    const s = run([...open, point(null, 400), { type: 'enter-card' }, point(null, 900), tick(1200)]);
    expect(s.shown).toBeNull();
  });

  it('coming back to the term within the grace period keeps it', () => {
    expect(run([...open, point(null, 400), point('llm', 600), tick(5000)]).shown).toBe('llm');
  });

  it('resting on another term switches the card to it', () => {
    const s = run([...open, point('rlhf', 400), tick(700)]);
    expect(s.shown).toBe('rlhf');
  });
});

describe('cards opened on purpose', () => {
  const opened: HoverEvent<string>[] = [{ type: 'open', target: 'llm' }];

  it('open at once and do not hide when the pointer wanders', () => {
    expect(run([...opened, point(null, 10), tick(10_000)]).shown).toBe('llm');
  });

  it('give way to another term the pointer rests on', () => {
    expect(run([...opened, point('rlhf', 10), tick(310)]).shown).toBe('rlhf');
  });

  it('close on request', () => {
    expect(run([...opened, { type: 'close' }]).shown).toBeNull();
  });
});

describe('a card dropped by what asked for it (the focus leaving a link)', () => {
  // Targets as the controller makes them: one object per request, the same term for two.
  interface Ask { term: string; by: string }
  const objTiming = { ...timing, same: (a: Ask, b: Ask) => a.term === b.term };
  const step = (state: HoverState<Ask>, e: HoverEvent<Ask>) => hoverReducer(objTiming, state, e);
  const byFocus: Ask = { term: 'llm', by: 'focus' };

  it('closes the card it opened at once, with no grace period, and leaves the term free to open again', () => {
    let s = step(initialHoverState<Ask>(), { type: 'point', target: byFocus, arm: true, now: 0 });
    s = step(s, { type: 'tick', now: 300 });
    expect(s.shown).toBe(byFocus);
    s = step(s, { type: 'drop', target: byFocus, now: 400 });
    expect(s.shown).toBeNull();
    expect(nextDeadline(s)).toBeNull();
    s = step(s, { type: 'point', target: { term: 'llm', by: 'pointer' }, arm: true, now: 500 });
    expect(s.pending?.term).toBe('llm');
  });

  it("gives the pointer's card on the same term the usual grace period", () => {
    const byPointer: Ask = { term: 'llm', by: 'pointer' };
    let s = step(initialHoverState<Ask>(), { type: 'point', target: byPointer, arm: true, now: 0 });
    s = step(s, { type: 'tick', now: 300 });
    // The focus asks for the term whose card the pointer already opened: that card stays its.
    s = step(s, { type: 'point', target: byFocus, arm: true, now: 350 });
    s = step(s, { type: 'drop', target: byFocus, now: 400 });
    expect(s.shown).toBe(byPointer);
    expect(nextDeadline(s)).toBe(700);
  });

  it('gives the grace period when the pointer has come to rest on the term the focus opened', () => {
    let s = step(initialHoverState<Ask>(), { type: 'point', target: byFocus, arm: true, now: 0 });
    s = step(s, { type: 'tick', now: 300 });
    s = step(s, { type: 'point', target: { term: 'llm', by: 'pointer' }, arm: true, now: 350 });
    s = step(s, { type: 'drop', target: byFocus, now: 400 });
    expect(s.shown).toBe(byFocus);
    expect(nextDeadline(s)).toBe(700);
    // And the pointer, still on the term, keeps it.
    s = step(s, { type: 'point', target: { term: 'llm', by: 'pointer' }, arm: true, now: 450 });
    expect(step(s, { type: 'tick', now: 2000 }).shown).toBe(byFocus);
  });

  it('keeps a card waiting for another term', () => {
    let s = step(initialHoverState<Ask>(), { type: 'point', target: byFocus, arm: true, now: 0 });
    s = step(s, { type: 'tick', now: 300 });
    // Shown by the focus; the pointer now rests on another term, whose card is due at 650.
    s = step(s, { type: 'point', target: { term: 'rlhf', by: 'pointer' }, arm: true, now: 350 });
    s = step(s, { type: 'drop', target: byFocus, now: 400 });
    expect(s.shown).toBeNull();
    expect(step(s, { type: 'tick', now: 650 }).shown?.term).toBe('rlhf');
  });
});

describe('Escape', () => {
  const escaped: HoverEvent<string>[] = [point('llm', 0), tick(300), { type: 'close' }];

  it('keeps the card closed while the pointer stays on that term', () => {
    expect(run([...escaped, point('llm', 400), tick(5000)]).shown).toBeNull();
  });

  it('lets the term open again once the pointer has left it', () => {
    expect(run([...escaped, point(null, 400), point('llm', 500), tick(800)]).shown).toBe('llm');
  });

  it('cancels a card that was about to open', () => {
    expect(run([point('llm', 0), { type: 'close' }, tick(1000)]).shown).toBeNull();
  });
});

describe('hover with a modifier key', () => {
  it('opens nothing without the key', () => {
    expect(run([point('llm', 0, false), tick(1000)]).shown).toBeNull();
  });

  it('keeps an open card while the pointer stays on its term without the key', () => {
    const s = run([point('llm', 0, true), tick(300), point('llm', 400, false), tick(5000)]);
    expect(s.shown).toBe('llm');
  });
});
