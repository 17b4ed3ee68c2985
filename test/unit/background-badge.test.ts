import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetTab, recordFrameTerms, repaintAllBadges } from '../../src/background/badge';
import { framesWithTerms } from '../../src/platform/frame-terms';
import { fakeBrowser } from './fake-browser';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./fake-browser')).fakeBrowser }));

const { storage, action } = fakeBrowser;

/** `n` distinct terms of the bundled glossary, from the `from`-th on. */
const terms = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `foundation-models--term-${from + i}`);

beforeEach(() => {
  storage.sync.items = {};
  storage.session.items = {};
  action.badges.clear();
});

describe('the toolbar badge', () => {
  it('counts the distinct terms the frames of a tab mark between them, however many report at once', async () => {
    await Promise.all([
      recordFrameTerms(7, 0, terms(1)),
      recordFrameTerms(7, 3, terms(4, 1)),
      recordFrameTerms(7, 5, terms(4, 1)),
      recordFrameTerms(7, 9, terms(4, 3)),
      recordFrameTerms(8, 0, terms(2)),
    ]);
    // Terms 0-6 in tab 7: a term two frames mark counts once, as the popup lists it.
    expect(action.badges.get(7)).toBe('7');
    expect(action.badges.get(8)).toBe('2');
    expect(await framesWithTerms(7)).toEqual([3, 5, 9]);
  });

  it('takes off the terms of a frame that reports none (removed, left, or turned off)', async () => {
    await recordFrameTerms(7, 0, terms(1));
    await recordFrameTerms(7, 3, terms(4, 1));
    await recordFrameTerms(7, 3, []);
    expect(action.badges.get(7)).toBe('1');
    expect(await framesWithTerms(7)).toEqual([]);
  });

  it('starts a tab again from nothing when it loads a new page, even with reports under way', async () => {
    const late = recordFrameTerms(7, 3, terms(4));
    await Promise.all([late, forgetTab(7)]);
    expect(storage.session.items).toEqual({});
    await recordFrameTerms(7, 0, terms(2));
    expect(action.badges.get(7)).toBe('2');
  });

  it('shows nothing when the badge is turned off', async () => {
    storage.sync.items = { settingsVersion: 1, showBadge: false };
    await recordFrameTerms(7, 0, terms(5));
    expect(action.badges.get(7)).toBe('');
  });

  it('records one frame’s reports in the order they came, however long reading the settings takes', async () => {
    await Promise.all([recordFrameTerms(7, 2, terms(3)), recordFrameTerms(7, 2, [])]);
    expect(action.badges.get(7)).toBe('');
    expect(storage.session.items).toEqual({ 'badge:7': {} });
  });

  it('repaints every tab it holds a record of when the badge is turned off and on', async () => {
    storage.session.items = { other: 1 };
    await recordFrameTerms(7, 0, terms(2));
    await recordFrameTerms(8, 4, terms(3));
    await repaintAllBadges(false);
    expect([...action.badges]).toEqual([[7, ''], [8, '']]);
    await repaintAllBadges(true);
    expect([...action.badges]).toEqual([[7, '2'], [8, '3']]);
  });

  it('leaves out what an earlier version kept (counts, not terms) rather than failing', async () => {
    storage.session.items = { 'badge:7': { 0: 3, 4: 2 } };
    await recordFrameTerms(7, 2, terms(1));
    expect(action.badges.get(7)).toBe('1');
  });
});
