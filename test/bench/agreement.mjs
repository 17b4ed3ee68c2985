// Where Termlight and mark.js marked different text, and why: each difference is put down to
// one of the rules in which the two differ, so that whatever is left shows a real disagreement.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const REASONS = {
  'context-gate':
    'Context-gated terms ("token", "scale", "Gemini", ...) are marked by Termlight only on pages that hold enough ' +
    'unambiguous glossary terms to be about AI (default: 2 distinct terms); mark.js has no such gate.',
  'exception-phrase':
    'Inside a phrase the glossary lists as an exception for the term ("economies of scale", "Meta-learning"): ' +
    'Termlight marks nothing there; mark.js cannot be told so.',
  'skipped-region':
    'Text Termlight never reads: code and pre blocks (a setting, on by default), hidden and aria-hidden subtrees, ' +
    'editable regions, noscript, SVG, form controls. mark.js skips only script, style, title and head.',
  'split-across-elements':
    'A term split over inline elements ("foundation <em>model</em>"): Termlight reads the inline text of a block as ' +
    'one run; mark.js reads one text node at a time (its acrossElements mode would also join across block ' +
    'boundaries, which Termlight never does).',
  'hyphen-space-variant':
    'Hyphen, dash and no-break-space variants ("pre training", "pre\u2011training"): the matcher folds them into one ' +
    'form; the keyword API only merges runs of white space.',
  'case-rule':
    'Case: the plural ending of a case-sensitive term may take any case ("LLMS"); the keyword API applies one case ' +
    'rule to a whole keyword.',
  'word-boundary':
    'Word edges: Termlight wants a neighbour that is not a letter or digit of any script, read across inline ' +
    'elements, and no edge inside a number ("GPT-4" is not whole in "GPT-4.5"); mark.js "exactly" wants white ' +
    'space or a listed punctuation mark, and the one regex sees one text node at a time, so a term at the edge ' +
    'of an inline element can pass there.',
  overlap:
    'Both found a term here but chose different extents: the keyword API runs keywords longest first over the ' +
    'whole page, so a long form can take text that Termlight gives to a match further left; or one side found ' +
    'a term inside the other\'s longer one.',
  other: 'Not put down to any rule above; see the examples.',
};

const EXAMPLES = 3;

async function loadForms() {
  const entry = fileURLToPath(new URL('./page-forms.ts', import.meta.url));
  const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

const spaced = (text) => text.replace(/\s+/g, ' ');
const WORD = /[\p{L}\p{N}\p{M}_]/u;

function keywordRules(forms, pack, limiters) {
  const { anyCase, exactCase } = forms.keywordSets([pack]);
  return {
    exact: new Set(exactCase.map(spaced)),
    any: new Set(anyCase.map((f) => spaced(f).toLowerCase())),
    folded: new Set([...anyCase, ...exactCase].map((f) => spaced(f).toLowerCase())),
    limiters: new Set(limiters),
  };
}

function overlaps(span, sorted) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < span.end;
}

/** Why Termlight marked `span` and the other approach did not. */
function termlightOnly(span, other, kind, rules) {
  if (overlaps(span, other)) return 'overlap';
  if (span.split) return 'split-across-elements';
  if (kind === 'mark') {
    const text = spaced(span.text);
    if (!rules.exact.has(text) && !rules.any.has(text.toLowerCase())) {
      if (rules.folded.has(text.toLowerCase())) return 'case-rule';
      if (/[\s\-\u2010-\u2015\u2212]/.test(span.text)) return 'hyphen-space-variant';
    }
    const edge = (c) => c === '' || /\s/.test(c) || rules.limiters.has(c);
    if (!edge(span.before) || !edge(span.after)) return 'word-boundary';
  }
  return 'other';
}

/** Why the other approach marked `span` and Termlight did not. */
function otherOnly(span, termlight) {
  if (overlaps(span, termlight)) return 'overlap';
  if (span.skipped) return 'skipped-region';
  if (span.excepted) return 'exception-phrase';
  if (span.gated) return 'context-gate';
  if (WORD.test(span.before) || WORD.test(span.after)) return 'word-boundary';
  return 'other';
}

function comparePair(results, termlightKey, otherKey, kind, rules) {
  const out = { pages: 0, termlight: 0, other: 0, same: 0, reasons: {}, examples: {} };
  const note = (reason, side, page, span) => {
    const r = (out.reasons[reason] ??= { termlightOnly: 0, otherOnly: 0 });
    r[side]++;
    const list = (out.examples[reason] ??= []);
    if (list.length < EXAMPLES) list.push({ page, side, text: span.text, context: span.context });
  };
  for (const { page, runs } of results) {
    const a = runs[termlightKey]?.[0]?.spans;
    const b = runs[otherKey]?.[0]?.spans;
    if (!a || !b) continue;
    out.pages++;
    const key = (s) => `${s.start}:${s.end}`;
    const inA = new Set(a.map(key));
    const inB = new Set(b.map(key));
    const sortedA = [...a].sort((x, y) => x.start - y.start);
    const sortedB = [...b].sort((x, y) => x.start - y.start);
    out.termlight += a.length;
    out.other += b.length;
    for (const s of a) {
      if (inB.has(key(s))) out.same++;
      else note(termlightOnly(s, sortedB, kind, rules), 'termlightOnly', page, s);
    }
    for (const s of b) if (!inA.has(key(s))) note(otherOnly(s, sortedA), 'otherOnly', page, s);
  }
  return out;
}

/** Compares the spans of the first run of each approach on each page. */
export async function compareSpans(results, bundledPack) {
  const forms = await loadForms();
  const rules = keywordRules(forms, bundledPack, forms.LIMITERS);
  return {
    reasons: REASONS,
    'mark.js keyword API, bundled glossary': comparePair(results, 'termlight:bundled', 'mark:bundled', 'mark', rules),
    'mark.js one regex, bundled glossary': comparePair(results, 'termlight:bundled', 'regexp:bundled', 'regexp', rules),
    'mark.js one regex, 5,000 terms': comparePair(results, 'termlight:large', 'regexp:large', 'regexp', rules),
  };
}
