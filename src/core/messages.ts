/**
 * Every message Termlight's parts send each other, in one map from name to receiver, params and
 * result. The platform layer's `send` and `handle` are typed from it, so a renamed message or a
 * missing handler is a compile error; `parseMessage` checks at run time what typing cannot,
 * because foreign messages (other extensions', pages') arrive on the same listeners.
 */

/** A term found on the page, for the popup's list. */
export interface PageTerm {
  entryId: string;
  packId: string;
  /** As the glossary writes it, not as the page does. */
  term: string;
  /** How many times the term is marked on the page. */
  count: number;
  /** Page-order index of its first mark, for `reveal-term`. */
  firstIndex: number;
  /**
   * The frame holding that first mark, where the popup gathered terms from several frames;
   * the top frame when absent.
   */
  frameId?: number;
}

export interface PageTermsReport {
  /** `disabled`: the main switch is off; `site-off`: a site rule keeps Termlight off here. */
  status: 'ok' | 'disabled' | 'site-off';
  /** In page order of first appearance. */
  terms: PageTerm[];
  /**
   * The page's address (`location.href` of the answering frame). Without the "tabs" permission
   * the popup cannot read a tab's URL, and it needs it for the "on this site" switch.
   */
  url: string;
  /** For diagnostics and tests: where this frame's matcher came from; null when not running. */
  matcher?: MatcherSource | null;
}

/**
 * `stored`: loaded from the glossaries the background compiled; `compiled`: compiled in the page,
 * because the stored ones were made for other glossaries or could not be read.
 */
export type MatcherSource = 'stored' | 'compiled';

export interface MessageMap {
  /** Popup asks the tab's content script what it marked. */
  'get-page-terms': { to: 'content'; params: Record<string, never>; result: PageTermsReport };
  /** Popup asks the content script to scroll to the nth mark and open its card. */
  'reveal-term': { to: 'content'; params: { occurrence: number }; result: boolean };
  /** Context menu "Look up in Termlight": the selected text. */
  'lookup-selection': { to: 'content'; params: { text: string }; result: void };
  'show-card-for': { to: 'content'; params: { entryId: string; packId: string }; result: boolean };
  /** Keyboard command: move to the next or previous mark and open its card. */
  'navigate-term': { to: 'content'; params: { direction: 'next' | 'previous' }; result: boolean };
  /**
   * The card's "Open in glossary": web pages cannot link to extension pages, so the background
   * opens it, at the entry (ids are unique within a pack only), or at its start when both ids
   * are empty.
   */
  'open-glossary': { to: 'background'; params: { entryId: string; packId: string }; result: void };
  /**
   * A frame inside another page asks for that page's address: a site turned off stays off in
   * the frames it embeds, and a frame cannot read its top page's address itself. Null when the
   * background cannot tell.
   */
  'top-page-url': { to: 'background'; params: Record<string, never>; result: string | null };
  /**
   * Content script tells the background which distinct terms its frame marks (`<pack>--<entry>`),
   * for the badge, and so that the popup knows which frames to ask.
   */
  'page-terms-changed': { to: 'background'; params: { terms: string[] }; result: void };
  /** Whether a tab has a live content script (none on restricted pages or before reload). */
  ping: { to: 'content'; params: Record<string, never>; result: 'pong' };
}

export type MessageName = keyof MessageMap;
export type ParamsOf<N extends MessageName> = MessageMap[N]['params'];
export type ResultOf<N extends MessageName> = MessageMap[N]['result'];
export type Receiver = MessageMap[MessageName]['to'];
/** The names a given part receives: `MessagesTo<'content'>` for `tabs.sendMessage`. */
export type MessagesTo<R extends Receiver> = {
  [N in MessageName]: MessageMap[N]['to'] extends R ? N : never;
}[MessageName];

/** The tag marks our messages among others; bump it only if the envelope itself changes. */
export const MESSAGE_TAG = 1;

/** Distributes over names, so checking `name` narrows `params`. */
export type Envelope<N extends MessageName = MessageName> = N extends MessageName
  ? { termlight: typeof MESSAGE_TAG; name: N; params: ParamsOf<N> }
  : never;

/** Handlers for every message a part receives; leaving one out fails to compile. */
export type HandlersFor<R extends Receiver, Context = void> = {
  [N in MessagesTo<R>]: (params: ParamsOf<N>, context: Context) => ResultOf<N> | Promise<ResultOf<N>>;
};

export function makeMessage<N extends MessageName>(name: N, params: ParamsOf<N>): Envelope<N> {
  return { termlight: MESSAGE_TAG, name, params } as Envelope<N>;
}

type Fields = Record<string, unknown>;

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isId = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 200;
/** A pack id and an entry id (kebab-case), joined by `--`. */
const TERM_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*--[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isTermKey = (value: unknown) => typeof value === 'string' && value.length <= 402 && TERM_KEY.test(value);
/** More distinct terms than a frame marks with the largest glossaries Termlight compiles. */
const MAX_TERMS = 20_000;

/** Run-time shape of each message's params; extra fields are tolerated, wrong ones are not. */
const PARAMS_OK: { [N in MessageName]: (params: Fields) => boolean } = {
  'get-page-terms': () => true,
  'reveal-term': (p) => isCount(p.occurrence),
  'lookup-selection': (p) => typeof p.text === 'string' && p.text.trim() !== '',
  'show-card-for': (p) => isId(p.entryId) && isId(p.packId),
  'navigate-term': (p) => p.direction === 'next' || p.direction === 'previous',
  'open-glossary': (p) => (p.entryId === '' && p.packId === '') || (isId(p.entryId) && isId(p.packId)),
  'page-terms-changed': (p) => Array.isArray(p.terms) && p.terms.length <= MAX_TERMS && p.terms.every((t) => isTermKey(t)),
  'top-page-url': () => true,
  ping: () => true,
};

/** Our message, checked; null for anything else, which the listener should ignore. */
export function parseMessage(raw: unknown): Envelope | null {
  if (!isFields(raw) || raw.termlight !== MESSAGE_TAG) return null;
  const { name, params } = raw;
  if (typeof name !== 'string' || !Object.hasOwn(PARAMS_OK, name) || !isFields(params)) return null;
  return PARAMS_OK[name as MessageName](params) ? (raw as Envelope) : null;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
