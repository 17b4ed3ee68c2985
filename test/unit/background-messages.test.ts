import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeMessage, type Envelope } from '../../src/core/messages';
import { fakeBrowser } from './fake-browser';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./fake-browser')).fakeBrowser }));
// The background registers its listeners as it loads, as a service worker does.
await import('../../src/background/index');

const { runtime, tabs } = fakeBrowser;

/** Delivers a message to the background as the browser would, from a page of tab 7; its answer. */
async function deliver(message: Envelope, tab: { id: number; url?: string } = { id: 7 }): Promise<unknown> {
  const answers = runtime.onMessage.fire(message, { id: runtime.id, tab, frameId: 2 });
  return (await Promise.all(answers)).find((a) => a !== undefined);
}

beforeEach(() => {
  tabs.created = [];
});

describe('the background answers the content script', () => {
  it('opens the glossary page at the entry a card names, its pack included', async () => {
    await deliver(makeMessage('open-glossary', { entryId: 'rlhf', packId: 'my-notes' }));
    expect(tabs.created).toEqual(['extension://termlight/glossary.html#my-notes--rlhf']);
  });

  it('opens the glossary page at its start for a card with no entry (a look-up that found none)', async () => {
    await deliver(makeMessage('open-glossary', { entryId: '', packId: '' }));
    expect(tabs.created).toEqual(['extension://termlight/glossary.html']);
  });

  it('tells a frame the address of the page in its tab', async () => {
    expect(await deliver(makeMessage('top-page-url', {}), { id: 7, url: 'https://example.org/a' })).toBe('https://example.org/a');
    expect(await deliver(makeMessage('top-page-url', {}), { id: 7 })).toBeNull();
  });
});
