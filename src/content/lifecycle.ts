import { enabledPacks } from '../core/glossary/bundled';
import type { GlossaryPack } from '../core/glossary/types';
import { entryForText, closestEntries } from '../core/glossary/lookup';
import type { Settings } from '../core/settings/defaults';
import { isSiteEnabled } from '../core/settings/site-rules';
import type { Matcher } from '../core/matcher';
import type { MatcherSource } from '../core/messages';
import { compiledGlossaryId, loadCompiledGlossary, matcherFor } from '../platform/compiled-glossary';
import { extensionAlive } from '../platform/browser';
import { handleMessages, sendToBackground } from '../platform/messaging';
import { loadSettings, watchSettings } from '../platform/settings-store';
import { loadUserGlossaryState, watchUserGlossaries } from '../platform/user-glossaries';
import { pageTerms, startSession, type Session } from './session';
import { stopWhenOrphaned, takeOver } from './takeover';

/**
 * The address the site rules are read against: the page in the address bar. A frame follows
 * the page that embeds it, so that a site turned off in the popup (which names the top page)
 * is off in its frames too, embeds from other sites included. A frame cannot read a top page of
 * another origin, so it asks the background; it goes by its own address if that fails.
 */
async function siteAddress(): Promise<string> {
  if (window === window.top) return location.href;
  const top = await sendToBackground('top-page-url', {}).catch(() => null);
  return typeof top === 'string' && top !== '' ? top : location.href;
}

/** Starts Termlight in this frame and keeps it in step with the settings until it is replaced. */
export async function startContentScript(): Promise<void> {
  const life = new AbortController();
  takeOver(life, extensionAlive);
  stopWhenOrphaned(life, extensionAlive);
  let [settings, { packs: userPacks, revision }, compiled, site] = await Promise.all([
    loadSettings(),
    loadUserGlossaryState(),
    loadCompiledGlossary(),
    siteAddress(),
  ]);
  // A newer copy may have taken over while this one waited (the background puts one into a tab
  // whose copy did not answer yet): it must not start, or the page would have two.
  if (life.signal.aborted) return;
  type Made = { readonly matcher: Matcher; readonly source: MatcherSource };
  let running: { session: Session; stop: AbortController; marking: boolean; made: Made } | null = null;
  /** The last matcher made, for restarts over the same glossaries (a lookup, then marking). */
  let lastMatcher: { id: string; made: Made } | null = null;
  const matcherOf = (packs: readonly GlossaryPack[]): Made => {
    const id = compiledGlossaryId(packs, revision);
    if (lastMatcher?.id !== id) {
      // Kept whole: its source can change once the matcher finds its stored image damaged.
      lastMatcher = { id, made: matcherFor(packs, id, compiled) };
      // Read once: after a glossary change this frame compiles before the background has stored.
      compiled = null;
    }
    return lastMatcher.made;
  };

  const marksHere = (s: Settings) => s.enabled && isSiteEnabled(site, s.siteRules);

  function stop(): void {
    running?.stop.abort();
    running = null;
  }
  function start(marking: boolean): Session {
    stop();
    const controller = new AbortController();
    life.signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
    const taskStart = performance.now();
    const packs = enabledPacks(userPacks, settings.disabledGlossaries);
    const made = matcherOf(packs);
    const session = startSession(settings, packs, made.matcher, controller.signal, marking, taskStart);
    running = { session, stop: controller, marking, made };
    return running.session;
  }
  const restart = () => {
    if (marksHere(settings)) return void start(true);
    stop();
    // Nothing to mark here: let go of the table and the image until a lookup asks for them.
    lastMatcher = null;
    compiled = null;
  };
  /** The card is wanted even where marking is off: a lookup from the context menu. */
  const cardSession = () => (running ? running.session : start(false));

  watchSettings((next) => {
    const before = settings;
    settings = next;
    const packsChanged = before.disabledGlossaries.join('\n') !== next.disabledGlossaries.join('\n');
    if (packsChanged || marksHere(before) !== marksHere(next) || (running && !running.marking)) restart();
    else running?.session.update(before, next);
  }, life.signal);
  watchUserGlossaries((list, nextRevision) => {
    userPacks = list;
    revision = nextRevision;
    if (running) restart();
  }, life.signal);

  handleMessages<'content'>({
    ping: () => 'pong',
    'get-page-terms': () => ({
      status: running?.marking ? 'ok' : settings.enabled ? 'site-off' : 'disabled',
      terms: running?.marking ? pageTerms(running.session) : [],
      url: location.href,
      matcher: running?.made.source ?? null,
    }),
    'reveal-term': ({ occurrence }) => {
      const occ = running?.session.engine?.occurrences()[occurrence];
      return occ ? running!.session.card.goTo(occ) : false;
    },
    'navigate-term': ({ direction }) => {
      const card = running?.marking ? running.session.card : null;
      return card ? (direction === 'next' ? card.next() : card.previous()) : false;
    },
    'show-card-for': ({ entryId, packId }) => {
      const session = cardSession();
      const index = session.matcher.entries.findIndex((e) => e.packId === packId && e.entry.id === entryId);
      return index >= 0 && session.card.showFor(index);
    },
    'lookup-selection': ({ text }) => {
      const session = cardSession();
      const selection = document.getSelection();
      const range = selection && selection.rangeCount ? selection.getRangeAt(0) : undefined;
      const index = entryForText(session.matcher, text);
      if (index !== null) session.card.showFor(index, range ? { range } : {});
      else session.card.showSuggestions(text, closestEntries(session.matcher.entries, text), range);
    },
  }, life.signal);

  restart();
}
