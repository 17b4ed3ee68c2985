/**
 * Character classes shared by every matcher. Each UTF-16 code unit maps to a small symbol
 * class; letters used by the glossary get their own classes from FIRST_SYMBOL up, per matcher.
 */

/** A character no form uses: the automaton falls back to its start. */
export const NONE = 0;
/** Spaces, line breaks, hyphens and dashes: any run of them is one separator. */
export const SEP = 1;
/** Invisible characters that sit inside words; the automaton steps over them. */
export const SKIP = 2;
export const FIRST_SYMBOL = 3;

// "pre-training", "pre training", "pre‑training" (U+2011) and "foundation\n   model" (text
// from HTML) must all read as the same form.
const SEPARATOR_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0d], // tab, line feed, vertical tab, form feed, carriage return
  [0x20, 0x20],
  [0x2d, 0x2d], // hyphen-minus
  [0x85, 0x85],
  [0xa0, 0xa0], // no-break space
  [0x1680, 0x1680],
  [0x2000, 0x200a], // typographic spaces
  [0x2010, 0x2015], // hyphen, non-breaking hyphen, figure dash, en and em dash, bar
  [0x2028, 0x2029],
  [0x202f, 0x202f], // narrow no-break space
  [0x205f, 0x205f],
  [0x2212, 0x2212], // minus sign
  [0x3000, 0x3000],
  [0xfe58, 0xfe58],
  [0xfe63, 0xfe63],
  [0xff0d, 0xff0d],
];

// A soft hyphen is an invisible hyphenation point inside a word ("foun\u00ADda\u00ADtion"),
// so it is skipped rather than read as a separator; zero-width characters likewise.
const SKIP_CODES: readonly number[] = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

/** ' and ’ (and the modifier letter ʼ) are one symbol. */
export const APOSTROPHES: readonly number[] = [0x27, 0x2019, 0x2bc];

export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc;
}

const BASE_CLASSES = new Uint16Array(65536);
for (const [from, to] of SEPARATOR_RANGES) BASE_CLASSES.fill(SEP, from, to + 1);
for (const code of SKIP_CODES) BASE_CLASSES[code] = SKIP;

/**
 * Whether text[start, end) holds nothing but white space (as `\s` reads it) and control
 * characters: no term can be found there. U+0000 is one of them; it joins runs of a page's text.
 * A loop rather than a regular expression: this runs in every page while the code is cold, where
 * compiling an expression costs more than reading up to the first visible character.
 */
export function isBlank(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || (code >= 0x7f && code <= 0xa0)) continue;
    if (code < 0x1680) return false;
    if (
      code !== 0x1680 && (code < 0x2000 || code > 0x200a) && code !== 0x2028 && code !== 0x2029 &&
      code !== 0x202f && code !== 0x205f && code !== 0x3000 && code !== 0xfeff
    ) return false;
  }
  return true;
}

/** A fresh class table holding only the SEP and SKIP classes. */
export function baseClasses(): Uint16Array {
  return BASE_CLASSES.slice();
}

export function isSeparatorCode(code: number): boolean {
  return BASE_CLASSES[code] === SEP;
}

export function isSkipCode(code: number): boolean {
  return BASE_CLASSES[code] === SKIP;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;
// 0 = not yet known, 1 = word character, 2 = not. Filled lazily: a page touches few characters.
const wordCache = new Int8Array(65536);

function testWordCodePoint(codePoint: number): boolean {
  return WORD.test(String.fromCodePoint(codePoint));
}

/** Whether a UTF-16 code unit is part of a word. Lone surrogates are not. */
export function isWordCode(code: number): boolean {
  let known = wordCache[code]!;
  if (known === 0) {
    // The soft hyphen, joiners and word joiner stand inside words ("Llama\u00ADstyle").
    const inWord = code === 0xad || code === 0x200c || code === 0x200d || code === 0x2060;
    known = inWord || testWordCodePoint(code) ? 1 : 2;
    wordCache[code] = known;
  }
  return known === 1;
}

/** Whether the character starting at `index` is a word character (false past the end). */
export function isWordAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) return testWordCodePoint(text.codePointAt(index)!);
  return isWordCode(code);
}

/** Whether the character ending just before `index` is a word character. */
export function isWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) {
    const codePoint = text.codePointAt(index - 2)!;
    if (codePoint > 0xffff) return testWordCodePoint(codePoint);
  }
  return isWordCode(code);
}

const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * Marks that join two digits into one number ("4.5", "1,000", "3’000"): Unicode's MidNum,
 * MidNumLet and Single_Quote word-break classes (full stop, comma, semicolon, apostrophes,
 * fraction slash, and their small, full-width and other scripts' forms).
 */
const DIGIT_JOINERS = new Set([
  0x27, 0x2c, 0x2e, 0x3b, 0x37e, 0x589, 0x60c, 0x60d, 0x66c, 0x7f8, 0x2018, 0x2019, 0x2024, 0x2044,
  0xfe10, 0xfe14, 0xfe50, 0xfe52, 0xfe54, 0xff07, 0xff0c, 0xff0e, 0xff1b,
]);
const joinsDigits = (code: number): boolean => DIGIT_JOINERS.has(code);

/**
 * Whether a number that ends just before `index` goes on past it: "GPT-4" is not a whole word
 * in "GPT-4.5", nor "Llama 3" in "Llama 3.1" (another model each). Digits are ASCII digits.
 * Only the two characters after `index` are read, never past an invisible one (Unicode's rules
 * would step over a soft hyphen there): a scan in pieces holds back just two characters of a
 * text that may still grow.
 */
export function numberGoesOn(text: string, index: number): boolean {
  return index > 0 && isDigitCode(text.charCodeAt(index - 1)) && joinsDigits(text.charCodeAt(index)) && isDigitCode(text.charCodeAt(index + 1));
}

/** Whether a number that starts at `index` began before it: "5 Pro" is not whole in "2.5 Pro". */
export function numberCameBefore(text: string, index: number): boolean {
  return index >= 2 && isDigitCode(text.charCodeAt(index)) && joinsDigits(text.charCodeAt(index - 1)) && isDigitCode(text.charCodeAt(index - 2));
}
