/**
 * An in-memory `browser` for code that talks to the extension APIs directly (the background),
 * to be put in place of `src/platform/browser.ts` with `vi.mock`. It holds just what the
 * background touches, with the browser's rules where a caller can tell: storage hands out copies
 * and reports changes after the write has resolved, and a message to a tab without a content
 * script rejects, as Chromium and Firefox do.
 */

type Listener<A extends unknown[]> = (...args: A) => unknown;

export class FakeEvent<A extends unknown[]> {
  readonly listeners = new Set<Listener<A>>();
  addListener(listener: Listener<A>): void {
    this.listeners.add(listener);
  }
  removeListener(listener: Listener<A>): void {
    this.listeners.delete(listener);
  }
  hasListener(listener: Listener<A>): boolean {
    return this.listeners.has(listener);
  }
  /** Calls every listener, as the browser does when the event happens. */
  fire(...args: A): unknown[] {
    return [...this.listeners].map((listener) => listener(...args));
  }
}

type Items = Record<string, unknown>;
type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

function storageArea(name: string, onChanged: FakeEvent<[Changes, string]>) {
  let items: Items = {};
  const report = (changes: Changes) => {
    if (Object.keys(changes).length > 0) setTimeout(() => onChanged.fire(changes, name), 0);
  };
  return {
    /** What the area holds now; tests set it directly to start from a given state. */
    get items(): Items {
      return structuredClone(items);
    },
    set items(next: Items) {
      items = structuredClone(next);
    },
    async get(keys: string | string[] | Items | null = null): Promise<Items> {
      if (keys === null) return structuredClone(items);
      const defaults: Items = typeof keys === 'string' ? { [keys]: undefined }
        : Array.isArray(keys) ? Object.fromEntries(keys.map((key) => [key, undefined])) : keys;
      const found: Items = {};
      for (const [key, fallback] of Object.entries(defaults)) {
        const value = Object.hasOwn(items, key) ? items[key] : fallback;
        if (value !== undefined) found[key] = structuredClone(value);
      }
      return found;
    },
    async set(values: Items): Promise<void> {
      const changes: Changes = {};
      for (const [key, value] of Object.entries(values)) {
        // As in Chromium, a key written with the value it already held is not reported
        // (Firefox reports it): code must not count on hearing of it.
        if (JSON.stringify(items[key]) !== JSON.stringify(value)) {
          changes[key] = { oldValue: items[key], newValue: structuredClone(value) };
        }
        items[key] = structuredClone(value);
      }
      report(changes);
    },
    async remove(keys: string | string[]): Promise<void> {
      const changes: Changes = {};
      for (const key of [keys].flat()) {
        if (!Object.hasOwn(items, key)) continue;
        changes[key] = { oldValue: items[key] };
        delete items[key];
      }
      report(changes);
    },
  };
}

export interface FakeTab {
  id: number;
  windowId: number;
  active: boolean;
  /** False for a page extensions cannot run on, or one opened before Termlight was installed. */
  contentScript: boolean;
}

export interface SentMessage {
  tabId: number;
  message: unknown;
  options: unknown;
}

export function createFakeBrowser() {
  const onChanged = new FakeEvent<[Changes, string]>();
  const tabs = {
    /** The open tabs, and which window has the focus (`currentWindow` in a query). */
    open: [] as FakeTab[],
    focusedWindowId: 1,
    /** Every message sent to a tab, delivered or not. */
    sent: [] as SentMessage[],
    async query(info: { active?: boolean; currentWindow?: boolean }) {
      return tabs.open.filter((tab) =>
        (info.active === undefined || tab.active === info.active) &&
        (info.currentWindow === undefined || (tab.windowId === tabs.focusedWindowId) === info.currentWindow));
    },
    async sendMessage(tabId: number, message: unknown, options?: unknown): Promise<unknown> {
      tabs.sent.push({ tabId, message, options });
      if (!tabs.open.some((tab) => tab.id === tabId && tab.contentScript)) {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      return true;
    },
    /** The address of every tab opened. */
    created: [] as string[],
    async create(properties: { url?: string }) {
      tabs.created.push(properties.url ?? '');
      return { id: 1000 + tabs.open.length, ...properties };
    },
    onRemoved: new FakeEvent<[number]>(),
    onUpdated: new FakeEvent<[number, { status?: string }]>(),
  };
  const fake = {
    storage: {
      sync: storageArea('sync', onChanged),
      local: storageArea('local', onChanged),
      session: storageArea('session', onChanged),
      onChanged,
    },
    tabs,
    commands: { onCommand: new FakeEvent<[string]>() },
    contextMenus: { onClicked: new FakeEvent<[unknown, unknown]>(), removeAll: async () => {}, create: () => 0 },
    runtime: {
      id: 'termlight@test',
      getURL: (path: string) => `extension://termlight/${path}`,
      /** The installed version; a test changes it to play an update. */
      version: '1.0.0',
      getManifest(): { version: string } {
        return { version: fake.runtime.version };
      },
      onMessage: new FakeEvent<[unknown, unknown]>(),
      onInstalled: new FakeEvent<[unknown]>(),
      onStartup: new FakeEvent<[]>(),
    },
    action: {
      /** The badge text set on each tab. */
      badges: new Map<number, string>(),
      async setBadgeText({ tabId, text }: { tabId: number; text: string }) {
        // A round trip to the browser: calls that overlap can interleave.
        await new Promise((ok) => setTimeout(ok, 0));
        fake.action.badges.set(tabId, text);
      },
      setBadgeBackgroundColor: async () => {},
    },
    i18n: { getMessage: (key: string) => key },
  };
  return fake;
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** One fake per test file: `vi.mock` hands it to the code under test, the test reads it here. */
export const fakeBrowser = createFakeBrowser();
