import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../src/background/commands';
import { parseMessage } from '../../src/core/messages';
import { VERSION_KEY } from '../../src/core/settings';
import { loadSettings } from '../../src/platform/settings-store';
import { fakeBrowser, type FakeTab } from './fake-browser';

// A headless browser cannot press an extension's shortcuts, so the commands run here against
// an in-memory browser: the real store and messaging code on top, only the APIs faked.
vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./fake-browser')).fakeBrowser }));

const { storage, tabs } = fakeBrowser;

const tab = (id: number, fields: Partial<FakeTab> = {}): FakeTab => ({
  id, windowId: 1, active: false, contentScript: true, ...fields,
});

/** The messages each tab was sent, as its content script would read them. */
const received = () => tabs.sent.map(({ tabId, message }) => ({ tabId, message: parseMessage(message) }));

beforeEach(() => {
  storage.sync.items = {};
  storage.local.items = {};
  storage.session.items = {};
  tabs.open = [];
  tabs.focusedWindowId = 1;
  tabs.sent = [];
});

describe('the toggle-highlighting shortcut', () => {
  it('turns highlighting off, then on again, keeping every other setting', async () => {
    const others = { [VERSION_KEY]: 1, highlightColor: 'rose', siteRules: { mode: 'only', patterns: ['arxiv.org'] } };
    storage.sync.items = others;

    await runCommand('toggle-highlighting');
    expect(storage.sync.items).toEqual({ ...others, enabled: false });
    expect(await loadSettings()).toMatchObject({ enabled: false, highlightColor: 'rose' });

    await runCommand('toggle-highlighting');
    // Back at the default, the choice is removed rather than stored: a synced device keeps its own.
    expect(storage.sync.items).toEqual(others);
    expect(await loadSettings()).toMatchObject({ enabled: true, highlightColor: 'rose' });
  });

  it('works on a fresh install, with nothing stored yet', async () => {
    await runCommand('toggle-highlighting');
    expect(storage.sync.items).toEqual({ [VERSION_KEY]: 1, enabled: false });
  });

  it('sends nothing to any tab: the pages follow the stored setting', async () => {
    tabs.open = [tab(1, { active: true })];
    await runCommand('toggle-highlighting');
    expect(tabs.sent).toEqual([]);
  });
});

describe('the next-term and previous-term shortcuts', () => {
  beforeEach(() => {
    tabs.open = [
      // The active tab of a window in the background: not the one the reader is looking at.
      tab(3, { windowId: 2, active: true }),
      tab(1),
      tab(2, { active: true }),
    ];
  });

  it('ask the active tab of the current window, and only it, to move to the next or previous term', async () => {
    await runCommand('next-term');
    await runCommand('previous-term');
    expect(received()).toEqual([
      { tabId: 2, message: expect.objectContaining({ name: 'navigate-term', params: { direction: 'next' } }) },
      { tabId: 2, message: expect.objectContaining({ name: 'navigate-term', params: { direction: 'previous' } }) },
    ]);
  });

  it('do nothing, and do not fail, when no tab is active', async () => {
    tabs.focusedWindowId = 7;
    await expect(runCommand('next-term')).resolves.toBeUndefined();
    expect(tabs.sent).toEqual([]);
  });

  it('do not fail on a page without Termlight, such as a browser page', async () => {
    tabs.open = [tab(2, { active: true, contentScript: false })];
    await expect(runCommand('previous-term')).resolves.toBeUndefined();
    expect(received()).toEqual([{ tabId: 2, message: expect.objectContaining({ name: 'navigate-term' }) }]);
  });

  it('leave storage alone', async () => {
    storage.sync.items = { [VERSION_KEY]: 1, theme: 'dark' };
    await runCommand('next-term');
    expect(storage.sync.items).toEqual({ [VERSION_KEY]: 1, theme: 'dark' });
  });
});

describe('a command Termlight does not know', () => {
  it('changes nothing and sends nothing', async () => {
    tabs.open = [tab(2, { active: true })];
    storage.sync.items = { [VERSION_KEY]: 1 };
    await runCommand('_execute_action');
    expect(storage.sync.items).toEqual({ [VERSION_KEY]: 1 });
    expect(tabs.sent).toEqual([]);
  });
});

describe('the background page', () => {
  it('hands each pressed shortcut to the commands', async () => {
    await import('../../src/background/index');
    expect(fakeBrowser.commands.onCommand.listeners.size).toBe(1);
    tabs.open = [tab(2, { active: true })];

    fakeBrowser.commands.onCommand.fire('toggle-highlighting');
    await vi.waitFor(() => expect(storage.sync.items).toMatchObject({ enabled: false }));
    fakeBrowser.commands.onCommand.fire('next-term');
    await vi.waitFor(() => expect(received()).toHaveLength(1));
    expect(received()[0]).toEqual({ tabId: 2, message: expect.objectContaining({ params: { direction: 'next' } }) });
  });
});
