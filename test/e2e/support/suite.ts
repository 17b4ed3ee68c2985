import { afterAll, beforeAll } from 'vitest';
import { launch, type BrowserName, type TestBrowser } from './browsers';
import { startServer, type TestServer } from './server';

export const BROWSERS: BrowserName[] = (process.env.TERMLIGHT_BROWSERS ?? 'chromium,firefox')
  .split(',').map((s) => s.trim()).filter(Boolean) as BrowserName[];

/**
 * One browser (with the built extension) and one loopback server per test file and browser:
 * launching is the slow part on a two-core machine, so tests in a file share them.
 */
export function useBrowser(name: BrowserName) {
  const env = {} as { browser: TestBrowser; server: TestServer };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launch(name);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
