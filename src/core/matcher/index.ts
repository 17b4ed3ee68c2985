/**
 * The term matcher: finds every glossary form in a text in one pass.
 *
 * - Whole words only (letters, digits, marks and _ of any script are word characters), and not
 *   ending or starting inside a number ("GPT-4" is not found in "GPT-4.5"; nor, read across
 *   inline elements, in "GPT-4.<sup>1</sup>", a footnote the text cannot tell from a version).
 * - Case-insensitive unless a form says otherwise; generated plurals inherit the case rule of
 *   their base, except for the added ending.
 * - Any run of spaces, line breaks, hyphens or dashes reads as one separator; ' and ’ are one
 *   apostrophe; soft hyphens and zero-width characters are skipped.
 * - Leftmost-longest: matches never overlap. A possessive is matched as its base ("LLM's" →
 *   "LLM").
 * - Context-gated forms come back flagged; `applyContextGate` decides for the page.
 */
export { compileImage, compileMatcher, isLoadable, loadMatcher } from './compile';
export { IMAGE_FORMAT, ImageError, type MatcherImage } from './image';
export { applyContextGate, contextGateOpen, countUngatedEntries, firstOccurrences } from './page';
export { pluralOf } from './forms';
export type { CompiledEntry, CompileOptions, Match, Matcher, MatcherStats } from './types';
