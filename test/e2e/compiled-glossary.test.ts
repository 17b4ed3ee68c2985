import { afterEach, describe, expect, it } from 'vitest';
import { makeMessage } from '../../src/core/messages';
import type { TestPage } from './support/browsers';
import { BROWSERS, useBrowser } from './support/suite';

/*
 * The glossaries are compiled by the background once per change and stored; pages load them
 * rather than compiling. Each content script says where its matcher came from in its page
 * report, which the test reads from an extension page.
 */

type Env = ReturnType<typeof useBrowser>;
type Ext = typeof chrome;

const DEMO = '/fixtures/demo/foundation-models.html';
const USER_PACK = {
  id: 'test-names', name: 'Names', version: '1.0.0', language: 'en',
  entries: [{ id: 'agent-hue', term: 'Agent Hue', definition: 'A name used on the demo page.', category: 'concept' }],
};

async function openControl(env: Env): Promise<TestPage> {
  const page = await env.browser.newPage();
  await page.goto(env.browser.extensionUrl('options.html'));
  await page.waitFor(() => typeof chrome !== 'undefined' && !!chrome.storage?.local, undefined, 10_000);
  return page;
}

const storedId = (control: TestPage) =>
  control.evaluate(async () => {
    const api = (globalThis as { browser?: Ext }).browser ?? chrome;
    return ((await api.storage.local.get('compiledGlossaryId')).compiledGlossaryId as string | undefined) ?? null;
  });

/** The demo page's report, once its terms are painted: where its matcher came from, and its terms. */
async function demoReport(env: Env, control: TestPage) {
  const page = await env.browser.newPage();
  await page.goto(env.server.origin + DEMO);
  await page.waitFor(() => [...CSS.highlights].some(([name, h]) => name.startsWith('termlight-') && h.size > 0), undefined, 10_000);
  const report = await control.waitFor(
    async ({ url, message }) => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      for (const tab of await api.tabs.query({})) {
        const answer = await api.tabs.sendMessage(tab.id!, message, { frameId: 0 }).catch(() => null);
        if (answer?.url === url) return answer as { matcher: string; terms: { term: string }[] };
      }
      return null;
    },
    { url: env.server.origin + DEMO, message: makeMessage('get-page-terms', {}) },
    10_000,
  );
  await page.close();
  return { matcher: report!.matcher, terms: report!.terms.map((t) => t.term) };
}

describe.each(BROWSERS)('%s: glossaries compiled once per change', (name) => {
  const env = useBrowser(name);

  afterEach(async () => {
    const control = await openControl(env);
    await control.evaluate(async () => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      await api.storage.local.remove(['userGlossaries', 'userGlossariesRevision']);
    });
    await control.waitFor(async () => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      const { compiledGlossaryId } = await api.storage.local.get('compiledGlossaryId');
      return !String(compiledGlossaryId).includes('test-names');
    }, undefined, 10_000);
    await control.close();
  });

  it('are loaded by a page, and compiled again when the user adds a glossary', async () => {
    const control = await openControl(env);
    await control.waitFor(async () => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      return !!(await api.storage.local.get('compiledGlossaryId')).compiledGlossaryId;
    }, undefined, 10_000);
    const first = await demoReport(env, control);
    expect(first.matcher).toBe('stored');
    expect(first.terms).toContain('foundation model');
    expect(first.terms).not.toContain('Agent Hue');

    const before = await storedId(control);
    await control.evaluate(async (pack) => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      await api.storage.local.set({ userGlossaries: [pack], userGlossariesRevision: 'e2e-1' });
    }, USER_PACK);
    await control.waitFor(async (old) => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      const { compiledGlossaryId } = await api.storage.local.get('compiledGlossaryId');
      return compiledGlossaryId !== old && String(compiledGlossaryId).includes('e2e-1');
    }, before, 10_000);
    const second = await demoReport(env, control);
    expect(second.matcher).toBe('stored');
    expect(second.terms).toContain('Agent Hue');
    expect(second.terms).toContain('foundation model');
    await control.close();
  });
});
