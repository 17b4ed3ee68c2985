import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetTab, recordFrameCount } from '../../src/background/badge';
import { fakeBrowser } from './fake-browser';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./fake-browser')).fakeBrowser }));

const { storage, action } = fakeBrowser;

beforeEach(() => {
  storage.session.items = {};
  action.badges.clear();
});

describe('the toolbar badge', () => {
  it('adds up what the frames of a tab report, however many report at once', async () => {
    await Promise.all([
      recordFrameCount(7, 0, 1, true),
      recordFrameCount(7, 3, 4, true),
      recordFrameCount(7, 5, 4, true),
      recordFrameCount(7, 9, 4, true),
      recordFrameCount(8, 0, 2, true),
    ]);
    expect(action.badges.get(7)).toBe('13');
    expect(action.badges.get(8)).toBe('2');
  });

  it('takes off the terms of a frame that reports none (removed, left, or turned off)', async () => {
    await recordFrameCount(7, 0, 1, true);
    await recordFrameCount(7, 3, 4, true);
    await recordFrameCount(7, 3, 0, true);
    expect(action.badges.get(7)).toBe('1');
    expect(storage.session.items).toEqual({ 'badge:7': { 0: 1 } });
  });

  it('starts a tab again from nothing when it loads a new page, even with reports under way', async () => {
    const late = recordFrameCount(7, 3, 4, true);
    await Promise.all([late, forgetTab(7)]);
    expect(storage.session.items).toEqual({});
    await recordFrameCount(7, 0, 2, true);
    expect(action.badges.get(7)).toBe('2');
  });

  it('shows nothing when the badge is turned off', async () => {
    await recordFrameCount(7, 0, 5, false);
    expect(action.badges.get(7)).toBe('');
  });
});
