import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { foldSurfaceForm, surfaceForms } from '../../src/core/glossary/surface-form';
import type { GlossaryPack } from '../../src/core/glossary/types';
import { formatPackError, validatePack } from '../../src/core/glossary/validate';
import { compileMatcher } from '../../src/core/matcher';

const glossaryDir = new URL('../../glossary/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, glossaryDir), 'utf8');
const packFiles = readdirSync(glossaryDir).filter((f) => f.endsWith('.json') && f !== 'schema.json');
const validateSchema = new Ajv2020({ allErrors: true }).compile(JSON.parse(read('schema.json')));

function loadPack(name: string): GlossaryPack {
  const result = validatePack(read(name), name);
  if (!result.ok) throw new Error(result.errors.map((e) => formatPackError(e, name)).join('\n'));
  return result.pack;
}

describe.each(packFiles)('glossary/%s', (name) => {
  it('passes the validator with no warnings', () => {
    const result = validatePack(read(name), name);
    const problems = result.ok ? result.warnings : result.errors.map((e) => formatPackError(e, name));
    expect(problems).toEqual([]);
  });

  it('conforms to glossary/schema.json', () => {
    validateSchema(JSON.parse(read(name)));
    expect(validateSchema.errors ?? []).toEqual([]);
  });

  it('is named after its id and points editors at the schema', () => {
    const pack = loadPack(name);
    expect(`${pack.id}.json`).toBe(name);
    expect(pack.$schema).toBe('./schema.json');
  });
});

describe('glossary/foundation-models.json', () => {
  const pack = loadPack('foundation-models.json');
  const owner = new Map<string, string>();
  for (const entry of pack.entries) {
    for (const form of surfaceForms(entry)) owner.set(foldSurfaceForm(form.text), entry.id);
  }

  it('holds at least 30 entries', () => {
    expect(pack.entries.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    'foundation model', 'large language model', 'LLM', 'pre-training', 'pretraining', 'pre-trained',
    'fine-tuning', 'finetuning', 'fine-tuned', 'alignment', 'RLHF', 'emergent capabilities',
    'multimodal', 'token', 'next-token prediction', 'prompting', 'prompt', 'guardrails',
    'frontier model', 'open-source model', 'open-weight model', 'training data', 'compute', 'CRFM',
    'AI Index', 'data collection', 'vision model', 'code model', 'downstream task',
    'GPT-4', 'GPT-4o', 'o1', 'o3', 'Claude', 'Gemini', 'Llama', 'Llama 3', 'Mistral', 'Mixtral', 'Grok',
    'OpenAI', 'Anthropic', 'Google DeepMind', 'Meta', 'Mistral AI', 'xAI',
  ])('covers "%s"', (form) => {
    expect(owner.get(foldSurfaceForm(form))).toBeDefined();
  });

  it('knows the spellings of names that keep their letter case', () => {
    const matcher = compileMatcher([pack]);
    const text = 'We tried LLaMa, then LLAMA, from Open AI rivals; not llama wool.';
    const found = matcher.scan(text).map((m) => [text.slice(m.start, m.end), matcher.entries[m.entry]!.entry.id, m.gated]);
    // "LLAMA" in capitals may be the animal: only on pages about AI.
    expect(found).toEqual([['LLaMa', 'llama', false], ['LLAMA', 'llama', true], ['Open AI', 'openai', false]]);
  });

  it('keeps everyday words and ambiguous names behind the AI-page gate', () => {
    const gated = new Map<string, boolean>();
    for (const entry of pack.entries) {
      for (const form of surfaceForms(entry)) gated.set(form.text, form.contextGated);
    }
    const everyday = ['alignment', 'compute', 'token', 'prompt', 'prompting', 'scale', 'guardrails',
      'Gemini', 'Claude', 'Llama', 'Mistral', 'Meta', 'Grok', 'o1', 'o3', 'transformer', 'inference',
      'base model', 'fine-tuning', 'fine-tune', 'GPT', 'DPO', 'SFT', 'multimodal', 'dataset', 'emergent behavior',
      // Short forms, and phrases a security page or a quiz uses too; "GPT 2" is also a partition table's.
      'IFT', 'LM', 'LMs', 'predict the next token', 'predicting the next word', 'GPT-2', 'GPT-3', 'GPT-5'];
    expect(everyday.filter((word) => gated.get(word) !== true)).toEqual([]);
    const unambiguous = ['RLHF', 'LLM', 'Llama 3', 'foundation model', 'Mistral AI', 'ChatGPT', 'GPT-3.5', 'Llama 3.1',
      'Gemini 2.5', 'GPT-4V'];
    expect(unambiguous.filter((word) => gated.get(word) !== false)).toEqual([]);
  });
});

describe('the bundled glossary on pages about AI', () => {
  const matcher = compileMatcher([loadPack('foundation-models.json')]);
  const ids = (text: string) => matcher.scan(text).map((m) => matcher.entries[m.entry]!.entry.id);

  it('leaves a token that is a credential, not a unit of text, unmarked', () => {
    expect(ids('Paste your API token, or an access token from the console, into the LLM client.')).toEqual(['large-language-model']);
    expect(ids('Send the bearer token; the refresh token renews it.')).toEqual([]);
    expect(ids('The model reads one token at a time.')).toEqual(['token']);
  });

  it('leaves words in their everyday or programming senses unmarked', () => {
    // A verb, not processing power; a number's scale, a company, a cost that grows; tools named after GPT.
    expect(ids('We compute the loss, and one can compute the gradient exactly.')).toEqual([]);
    expect(ids('On the same numeric scale, with labels from Scale AI, attention scales quadratically.')).toEqual([]);
    expect(ids('Pass the seed parameter; GPT Engineer and GPT Researcher; "GPTs are GPTs"; bring your own token.')).toEqual([]);
    // A learning management system, or least mean squares: not language models.
    expect(ids('Plug the tutor into your LMS; the LMS filter adapts.')).toEqual([]);
    expect(ids('Larger LMs and an LM head; not lms or an lm.')).toEqual(['language-model', 'language-model']);
    // The senses the glossary means are still marked.
    expect(ids('Frontier labs need more compute at scale.')).toEqual(['compute', 'scale']);
    expect(ids('Small labs lack access to compute the way big labs have it.')).toEqual(['compute']);
    expect(ids('Track your own token usage; parameter lists aside.')).toEqual(['token']);
  });

  it("marks a model's whole versioned name, with its family's card", () => {
    const text = 'GPT-3.5 and Llama 3.1 405B beat GPT-4V? Gemini 2.5 Pro and GPT-4.5 say no; GPT-4 agrees.';
    const found = matcher.scan(text).map((m) => `${text.slice(m.start, m.end)}=${matcher.entries[m.entry]!.entry.id}`);
    expect(found).toEqual(['GPT-3.5=gpt', 'Llama 3.1=llama', 'GPT-4V=gpt-4', 'Gemini 2.5=gemini', 'GPT-4.5=gpt', 'GPT-4=gpt-4']);
  });

  it('finds the short forms and names the rlhf pages use', () => {
    expect(ids('After IFT, pretrained models answer; ChatGPT made frontier language models famous.')).toEqual([
      'instruction-tuning', 'base-model', 'chatgpt', 'frontier-model',
    ]);
    expect(ids('The Mistral team released weights.')).toEqual(['mistral-ai']);
    expect(ids('A model learns to predict the next token; it predicts the next word.')).toEqual([
      'next-token-prediction', 'next-token-prediction',
    ]);
    // Everyday words alone do not say a page is about AI: a quiz, a session's security.
    expect(matcher.scan('Can you predict the next word of the song?').map((m) => m.gated)).toEqual([true]);
    expect(matcher.scan('If an attacker can predict the next token, the session is lost.').map((m) => m.gated)).toEqual([true]);
    // A name is written with its case: not in an address.
    expect(ids('see example.com/chatgpt-tips')).toEqual([]);
  });

  it("leaves a programmer's parameter unmarked, and marks a model's", () => {
    const text =
      'Set the temperature parameter and the max_tokens request parameter; optional parameters ' +
      'go in the query parameters, each by its parameter name (a hyper-parameter too).';
    expect(ids(text)).toEqual([]);
    expect(ids('An LLM with 70 billion parameters: each parameter is one number.')).toEqual([
      'large-language-model', 'parameters', 'parameters',
    ]);
  });
});

describe('the bundled glossary on pages that are not about AI', () => {
  // Sentences from everyday pages (a car review, a privacy policy, a PC guide...) that use words
  // the glossary also holds. Only gated terms may be found in them: a page of such text never
  // opens the gate, so nothing is marked.
  const matcher = compileMatcher([loadPack('foundation-models.json')]);
  it.each([
    'The base model Civic comes with cloth seats; the raw model photos are on page two.',
    'Questions about your data? Contact our DPO at the address below.',
    'Convert the system disk from MBR to GPT before installing.',
    'Fine-tune your budget: small changes, fine-tuned over a month, add up.',
    'Multimodal freight and multimodality in city transport.',
    'Ant colonies show emergent behavior that no single ant plans.',
    'Spacious 1450 SFT condo with a new dataset of floor plans.',
  ])('finds no ungated term in "%s"', (text) => {
    expect(matcher.scan(text).filter((m) => !m.gated).map((m) => text.slice(m.start, m.end))).toEqual([]);
  });
});

describe('glossary/schema.json and the validator', () => {
  type LoosePack = Record<string, unknown> & { entries: Record<string, unknown>[] };
  const good = JSON.parse(read('foundation-models.json')) as LoosePack;
  const variants: [string, (pack: LoosePack) => void][] = [
    ['a missing definition', (p) => delete p.entries[0]?.definition],
    ['an unknown entry field', (p) => Object.assign(p.entries[0] ?? {}, { colour: 'red' })],
    ['an unknown pack field', (p) => Object.assign(p, { author: 'me' })],
    ['an id that is not kebab-case', (p) => Object.assign(p.entries[0] ?? {}, { id: 'Foundation_Model' })],
    ['an unknown category', (p) => Object.assign(p.entries[0] ?? {}, { category: 'gadget' })],
    ['an alias with padding', (p) => Object.assign(p.entries[0] ?? {}, { aliases: [' model'] })],
    ['an alias rule without text', (p) => Object.assign(p.entries[0] ?? {}, { aliases: [{ caseSensitive: true }] })],
    ['a match flag that is not a boolean', (p) => Object.assign(p.entries[0] ?? {}, { match: { plural: 'yes' } })],
    ['exception phrases that are not a list', (p) => Object.assign(p.entries[0] ?? {}, { match: { except: 'on a scale of' } })],
    ['an exception phrase that is not text', (p) => Object.assign(p.entries[0] ?? {}, { match: { except: [5] } })],
    ['an empty entry list', (p) => Object.assign(p, { entries: [] })],
    ['a malformed language tag', (p) => Object.assign(p, { language: 'English' })],
  ];

  it.each(variants)('both reject %s', (_, breakIt) => {
    const broken = structuredClone(good);
    breakIt(broken);
    expect(validateSchema(broken)).toBe(false);
    expect(validatePack(JSON.stringify(broken, null, 2)).ok).toBe(false);
  });
});
