import { afterEach, describe, expect, it } from 'vitest';
import { stopWhenOrphaned } from '../../src/content/takeover';

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
