import { afterEach, describe, expect, it } from 'vitest';
import { stopWhenOrphaned, takeOver } from '../../src/content/takeover';

/*
 * A content script whose extension was turned off or removed stays in the page with its paint.
 * It checks whether the extension is still there when the reader comes back, and only then.
 */
describe('a copy of the content script left behind by its extension', () => {
  let life = new AbortController();
  afterEach(() => life.abort());

  it('stays while the extension is there, and tears down at the next sign of the reader once it is gone', () => {
    life = new AbortController();
    let alive = true;
    let checks = 0;
    stopWhenOrphaned(life, () => (checks++, alive));

    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new FocusEvent('focus'));
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(checks).toBe(3);
    expect(life.signal.aborted).toBe(false);

    alive = false;
    expect(life.signal.aborted).toBe(false);
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(life.signal.aborted).toBe(true);
  });

  it('stops looking once torn down for another reason', () => {
    life = new AbortController();
    let checks = 0;
    stopWhenOrphaned(life, () => (checks++, true));
    life.abort();
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new FocusEvent('focus'));
    expect(checks).toBe(0);
  });
});

describe('a new copy taking over the frame', () => {
  const lives: AbortController[] = [];
  afterEach(() => lives.splice(0).forEach((l) => l.abort()));
  const start = (alive: () => boolean) => {
    const life = new AbortController();
    lives.push(life);
    takeOver(life, alive);
    return life;
  };

  it('retires a copy still running in the same frame, and only that one', () => {
    const first = start(() => true);
    const second = start(() => true);
    expect(first.signal.aborted).toBe(true);
    expect(second.signal.aborted).toBe(false);
  });

  it('is not something the page can fake: its event retires only a copy cut off from the extension', () => {
    let alive = true;
    const life = start(() => alive);
    document.dispatchEvent(new CustomEvent('termlight:takeover'));
    expect(life.signal.aborted).toBe(false);
    alive = false;
    document.dispatchEvent(new CustomEvent('termlight:takeover'));
    expect(life.signal.aborted).toBe(true);
  });

  it("clears a card host left by an old copy, but not the page's element of the same name", () => {
    const own = document.createElement('termlight-host');
    own.setAttribute('data-termlight-host', '');
    const pages = document.createElement('termlight-host');
    document.body.append(own, pages);
    start(() => true);
    expect(own.isConnected).toBe(false);
    expect(pages.isConnected).toBe(true);
    pages.remove();
  });
});
