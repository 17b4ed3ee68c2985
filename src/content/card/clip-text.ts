/**
 * Shortens text for one line of the card: whitespace runs (a selection across paragraphs
 * brings newlines and tabs) become single spaces, and anything past `max` characters is cut,
 * at a word break when one is near, and ends in an ellipsis.
 *
 * Counts code points, not UTF-16 units, so an emoji or a rare CJK character is never split
 * into half a surrogate pair.
 */
export function clipText(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  // A break in the last third keeps whole words; further back it would waste too much of the
  // room, and text without spaces (CJK, a long URL) has none at all.
  const kept = space >= cut.length * (2 / 3) ? cut.slice(0, space) : cut;
  return `${kept.trimEnd()}…`;
}
