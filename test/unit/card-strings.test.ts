import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_MESSAGES, createCardStrings } from '../../src/content/card/strings';

describe('card strings', () => {
  it('fall back to English with the placeholders filled in', () => {
    const s = createCardStrings();
    expect(s.text('cardAlso', 'LLM, LLMs')).toBe('Also: LLM, LLMs');
    expect(s.category('model-family')).toBe('Model family');
  });

  it('use the browser translation when there is one', () => {
    const s = createCardStrings((key, subs) => (key === 'cardAlso' ? `Auch: ${subs?.[0]}` : ''));
    expect(s.text('cardAlso', 'LLM')).toBe('Auch: LLM');
    expect(s.text('cardMore')).toBe('More');
  });

  it('survive a browser API that throws (extension reloaded under the page)', () => {
    const s = createCardStrings(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(s.text('cardOpenGlossary')).toBe('Open in glossary');
  });

  it('use names that messages.json accepts', () => {
    for (const key of Object.keys(CARD_MESSAGES)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('card strings and the extension catalogue', () => {
  it('has every card string, with the same English, so a translation is a new file', () => {
    const file = new URL('../../src/_locales/en/messages.json', import.meta.url);
    const catalogue = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
    for (const [key, english] of Object.entries(CARD_MESSAGES)) expect(catalogue[key]?.message, key).toBe(english);
  });
});
