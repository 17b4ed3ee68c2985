import { describe, expect, it } from 'vitest';
import { marked, matcherFor, spans } from './fixtures-matcher/packs';
import { inPieces } from './fixtures-matcher/pieces';

describe('whole words only', () => {
  const matcher = matcherFor([
    { term: 'Llama' },
    { term: 'o1', match: { plural: false } },
    { term: 'LLM', match: { caseSensitive: true } },
    { term: 'C++', match: { plural: false } },
  ]);

  it('finds a term between spaces, punctuation and at the edges of the text', () => {
    expect(spans(matcher, 'Llama')).toEqual(['Llama']);
    expect(spans(matcher, '(o1), "LLM"; Llama.')).toEqual(['o1', 'LLM', 'Llama']);
  });

  it('never finds a term inside a longer word', () => {
    expect(spans(matcher, 'Llamastyle co1n o1x LLMOps xLLM')).toEqual([]);
  });

  it('treats letters and digits of any script as word characters', () => {
    expect(spans(matcher, 'éLlama Llamaé Llamaж 9o1 o1٣ LLM\u0301')).toEqual([]);
  });

  it('counts a generated plural as a form but nothing longer', () => {
    expect(spans(matcher, 'Llamas-R-Us')).toEqual(['Llamas']);
    expect(spans(matcher, 'Llamasx')).toEqual([]);
  });

  it('checks the boundary of a form that ends in punctuation only on its word side', () => {
    expect(spans(matcher, 'C++ and C++17 but not xC++')).toEqual(['C++', 'C++']);
  });

  it('does not let an invisible soft hyphen glue on a word silently', () => {
    expect(spans(matcher, 'Llama\u00ADstyle')).toEqual([]);
  });
});

describe('version numbers', () => {
  const entries = [
    { term: 'GPT', match: { caseSensitive: true, plural: false } },
    { term: 'GPT-4', match: { caseSensitive: true, plural: false } },
    { term: 'Llama 3', match: { plural: false } },
    { term: '5 Pro', match: { plural: false } },
    { term: 'v4', match: { plural: false } },
  ];
  const matcher = matcherFor(entries);
  // The compact layout that large glossaries use.
  const compact = matcherFor(entries, { maxTableBytes: 0 });

  it('reads every mark that joins digits as part of the number, and no other', () => {
    const joiners = [...",.;'\u037e\u0589\u060c\u060d\u066c\u07f8\u2018\u2019\u2024\u2044\ufe10\ufe14\ufe50\ufe52\ufe54\uff07\uff0c\uff0e\uff1b"];
    for (const m of [matcher, compact]) {
      expect(compact.stats.layout).toBe('sparse');
      for (const joiner of joiners) {
        expect(spans(m, `GPT-4${joiner}5`), `U+${joiner.charCodeAt(0).toString(16)}`).toEqual(['GPT']);
        expect(spans(m, `2${joiner}5 Pro`), `U+${joiner.charCodeAt(0).toString(16)}`).toEqual([]);
      }
      for (const other of [':', '\u2026', '/', '-', ' ', '\u0000']) {
        expect(spans(m, `GPT-4${other}5`), JSON.stringify(other)).toEqual(['GPT-4']);
      }
    }
  });

  it('reads only the characters beside the term, whatever is invisible there', () => {
    // A zero-width space ends the number; a soft hyphen is part of the word already.
    expect(spans(matcher, 'GPT-4\u200b.5 GPT-4\u00ad.5')).toEqual(['GPT-4', 'GPT']);
    // At the text's ends there is no number to go on.
    expect(spans(matcher, 'GPT-4.')).toEqual(['GPT-4']);
    expect(spans(matcher, '.5 Pro')).toEqual(['5 Pro']);
  });

  it('does not find a term that ends inside a number: another version is another model', () => {
    expect(spans(matcher, 'GPT-4.5 and Llama 3.1 405B')).toEqual(['GPT']);
    expect(spans(matcher, 'GPT-4,5 GPT-4;5 GPT-4\u20195 GPT-4\uff0e5')).toEqual(['GPT', 'GPT', 'GPT', 'GPT']);
  });

  it('does not find a term that starts inside a number', () => {
    expect(spans(matcher, 'Gemini 2.5 Pro, 1,5 Pro')).toEqual([]);
    expect(spans(matcher, 'Gemini 5 Pro')).toEqual(['5 Pro']);
  });

  it('still finds a term before a full stop, a comma or a letter after the mark', () => {
    expect(spans(matcher, 'We used GPT-4. Then GPT-4, Llama 3.x and GPT-4.')).toEqual(['GPT-4', 'GPT-4', 'Llama 3', 'GPT-4']);
    expect(spans(matcher, "GPT-4's answer; (5 Pro).")).toEqual(['GPT-4', '5 Pro']);
  });

  it('reads a number the same when the text arrives in pieces cut anywhere', () => {
    // "v4" has no separator: pieces are cut as tight as they go for it.
    const text = 'x GPT-4.5 y GPT-4. z 2.5 Pro 5 Pro v4.5 v4.';
    const whole = matcher.scan(text);
    expect(whole.map((m) => text.slice(m.start, m.end))).toEqual(['GPT', 'GPT-4', '5 Pro', 'v4']);
    for (let cut = 1; cut < text.length; cut++) {
      for (const size of [1, 2, 3]) expect(inPieces(matcher, text, [cut], size)).toEqual(whole);
    }
  });
});

describe('letter case', () => {
  const matcher = matcherFor([
    { term: 'foundation model' },
    { term: 'RLHF', match: { caseSensitive: true } },
    { term: 'Gemini', match: { caseSensitive: true } },
    { term: 'Google DeepMind', aliases: ["McCulloch's Neuron"], match: { caseSensitive: true } },
    { term: 'ΣΟΦΙΑ' },
    { term: 'ΝΟΜΟΣ' },
    { term: 'нейросеть' },
  ]);

  it('ignores case by default', () => {
    expect(spans(matcher, 'Foundation Model, FOUNDATION MODEL')).toEqual([
      'Foundation Model',
      'FOUNDATION MODEL',
    ]);
  });

  it('matches case-sensitive forms only as written', () => {
    expect(spans(matcher, 'RLHF at example.com/what-is-rlhf and Rlhf')).toEqual(['RLHF']);
    expect(spans(matcher, 'gemini Gemini GEMINI')).toEqual(['Gemini']);
  });

  it('lets a case-sensitive form keep its separator and apostrophe variants', () => {
    const text = 'Google\u00a0DeepMind, Google-\n DeepMind, google deepmind, Google Deepmind';
    expect(spans(matcher, text)).toEqual([
      'Google\u00a0DeepMind',
      'Google-\n DeepMind',
    ]);
    expect(spans(matcher, 'McCulloch’s Neuron, mcculloch’s neuron')).toEqual(['McCulloch’s Neuron']);
  });

  it('folds Greek (final sigma too) and Cyrillic', () => {
    expect(spans(matcher, 'σοφια σοφιας? no: σοφιa. ΣΟΦΙΑ σοφιά')).toEqual(['σοφια', 'ΣΟΦΙΑ']);
    expect(spans(matcher, 'νομος, νομοσ, Νομος')).toEqual(['νομος', 'νομοσ', 'Νομος']);
    expect(spans(matcher, 'НЕЙРОСЕТЬ и Нейросеть')).toEqual(['НЕЙРОСЕТЬ', 'Нейросеть']);
  });
});

describe('separators and apostrophes', () => {
  const matcher = matcherFor([
    { term: 'pre-training', aliases: ['pretraining'] },
    { term: 'foundation model' },
    { term: "Moore's law", match: { plural: false } },
  ]);

  it('reads hyphens, dashes, the minus sign and every kind of space as one separator', () => {
    const variants = [
      'pre-training',
      'pre training',
      'pre\u2011training',
      'pre\u2013training',
      'pre\u2014training',
      'pre\u2212training',
      'pre\u00a0training',
      'pre\u202ftraining',
      'pre \u2013 training',
      'pre\n\t  training',
    ];
    for (const variant of variants) expect(spans(matcher, `A ${variant} run`)).toEqual([variant]);
  });

  it('finds a multi-word term broken across lines of HTML source', () => {
    expect(spans(matcher, 'a foundation\n      model.')).toEqual(['foundation\n      model']);
  });

  it('matches a closed spelling only when it is listed', () => {
    expect(marked(matcher, 'Pretraining and foundationmodel')).toEqual(['Pretraining=pre-training']);
  });

  it('steps over soft hyphens inside a word', () => {
    expect(spans(matcher, 'foun\u00ADda\u00ADtion model')).toEqual(['foun\u00ADda\u00ADtion model']);
  });

  it('treats straight and curly apostrophes alike', () => {
    expect(spans(matcher, "Moore's law and Moore\u2019s law")).toEqual(["Moore's law", 'Moore\u2019s law']);
  });
});

describe('longest match wins', () => {
  const matcher = matcherFor([
    { term: 'reinforcement learning from human feedback' },
    { term: 'human feedback' },
    { term: 'reinforcement learning' },
    { term: 'learning' },
    { term: 'model' },
    { term: 'language model' },
    { term: 'large language model' },
  ]);

  it('marks the longest term, not the shorter ones inside it', () => {
    expect(marked(matcher, 'reinforcement learning from human feedback')).toEqual([
      'reinforcement learning from human feedback=reinforcement learning from human feedback',
    ]);
  });

  it('falls back to shorter terms when the longer one is incomplete', () => {
    expect(spans(matcher, 'reinforcement learning from human experts and human feedback')).toEqual([
      'reinforcement learning',
      'human feedback',
    ]);
  });

  it('goes leftmost first, then continues after the match', () => {
    expect(spans(matcher, 'a large language model learning')).toEqual(['large language model', 'learning']);
    expect(spans(matcher, 'language models')).toEqual(['language models']);
  });

  it('keeps a shorter term when the longer one runs into a word', () => {
    const text = 'reinforcement learning from human feedbackish';
    expect(spans(matcher, text)).toEqual(['reinforcement learning']);
  });
});

describe('exception phrases', () => {
  const matcher = matcherFor([
    {
      term: 'Meta',
      match: { caseSensitive: true, plural: false, except: ['Meta-learning', 'Meta tags'] },
    },
    { term: 'scale', match: { plural: false, except: ['on a scale of'] } },
    { term: 'learning rate' },
    { term: 'meta tags', aliases: ['meta tag'] },
  ]);

  it('marks nothing where the text reads a phrase in which the term means something else', () => {
    expect(marked(matcher, 'Meta-learning, Meta–Learning and META LEARNING')).toEqual([]);
    expect(marked(matcher, 'Rate it on a scale of 1 to 10.')).toEqual([]);
  });

  it('still marks the term elsewhere, and next to the phrase', () => {
    expect(marked(matcher, "Meta's models grow in scale; Meta-learning at Meta.")).toEqual([
      'Meta=Meta',
      'scale=scale',
      'Meta=Meta',
    ]);
    expect(marked(matcher, 'Meta, learning fast, and a scale of 1 to 10')).toEqual(['Meta=Meta', 'scale=scale']);
  });

  it('takes its place in the text like a term: a term it overlaps is not marked either', () => {
    // Leftmost-longest: "learning rate" starts inside the phrase.
    expect(marked(matcher, 'Meta-learning rate')).toEqual([]);
  });

  it('gives way to another entry spelt the same, which is marked as its own term', () => {
    expect(marked(matcher, 'Meta tags and a meta tag')).toEqual(['Meta tags=meta tags', 'meta tag=meta tags']);
  });

  it('needs whole words, like a term', () => {
    expect(marked(matcher, 'Meta-learningx')).toEqual(['Meta=Meta']);
  });

  it('shows the phrases only to a scan that asks for them, flagged', () => {
    const text = 'Meta-learning at Meta';
    const all = matcher.scanAll!(text).map((m) => [text.slice(m.start, m.end), m.except === true]);
    expect(all).toEqual([
      ['Meta-learning', true],
      ['Meta', false],
    ]);
  });
});
