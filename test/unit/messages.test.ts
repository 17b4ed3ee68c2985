import { describe, expect, expectTypeOf, it } from 'vitest';
import { MESSAGE_TAG, makeMessage, parseMessage } from '../../src/core/messages';
import type { HandlersFor, MessagesTo } from '../../src/core/messages';

describe('makeMessage and parseMessage', () => {
  it('round-trip every message the parts send', () => {
    const messages = [
      makeMessage('get-page-terms', {}),
      makeMessage('reveal-term', { occurrence: 3 }),
      makeMessage('lookup-selection', { text: 'foundation model' }),
      makeMessage('show-card-for', { entryId: 'rlhf', packId: 'ai-core' }),
      makeMessage('navigate-term', { direction: 'previous' }),
      makeMessage('page-terms-changed', { terms: [] }),
      makeMessage('page-terms-changed', { terms: ['foundation-models--rlhf'] }),
      makeMessage('open-glossary', { entryId: 'rlhf', packId: 'foundation-models' }),
      makeMessage('open-glossary', { entryId: '', packId: '' }),
      makeMessage('ping', {}),
    ];
    for (const message of messages) {
      // Structured cloning is what the browser does between contexts.
      expect(parseMessage(structuredClone(message))).toEqual(message);
    }
  });

  it('tags messages so they can be told from others', () => {
    expect(makeMessage('ping', {})).toEqual({ termlight: MESSAGE_TAG, name: 'ping', params: {} });
  });

  it('narrows params by name', () => {
    const message = parseMessage(makeMessage('reveal-term', { occurrence: 1 }));
    if (message?.name === 'reveal-term') expectTypeOf(message.params).toEqualTypeOf<{ occurrence: number }>();
    expectTypeOf<MessagesTo<'background'>>().toEqualTypeOf<'page-terms-changed' | 'open-glossary' | 'top-page-url'>();
  });
});

describe('parseMessage refuses', () => {
  it.each([
    ['null', null],
    ['a string', 'ping'],
    ['a number', 1],
    ['a list', [MESSAGE_TAG, 'ping', {}]],
    ['another extension’s message', { type: 'ping' }],
    ['a page’s postMessage data', { source: 'react-devtools', payload: {} }],
    ['a message with another tag', { termlight: 2, name: 'ping', params: {} }],
    ['a message with a string tag', { termlight: '1', name: 'ping', params: {} }],
    ['an unknown name', { termlight: 1, name: 'get-cookies', params: {} }],
    ['a name from Object.prototype', { termlight: 1, name: 'toString', params: {} }],
    ['missing params', { termlight: 1, name: 'ping' }],
    ['params that are a list', { termlight: 1, name: 'ping', params: [] }],
  ])('%s', (_, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it.each([
    ['reveal-term', { occurrence: -1 }],
    ['reveal-term', { occurrence: 1.5 }],
    ['reveal-term', { occurrence: '2' }],
    ['lookup-selection', { text: '   ' }],
    ['lookup-selection', {}],
    ['show-card-for', { entryId: 'rlhf' }],
    ['show-card-for', { entryId: '', packId: 'ai-core' }],
    ['navigate-term', { direction: 'up' }],
    ['page-terms-changed', { count: 3 }],
    ['page-terms-changed', { terms: 'foundation-models--rlhf' }],
    ['page-terms-changed', { terms: [3] }],
    ['page-terms-changed', { terms: ['rlhf'] }],
    ['page-terms-changed', { terms: ['<b>--x'] }],
    ['open-glossary', { entryId: 'rlhf' }],
    ['open-glossary', { entryId: '', packId: 'foundation-models' }],
    ['open-glossary', { entryId: 'rlhf', packId: '' }],
  ])('%s with wrong params %j', (name, params) => {
    expect(parseMessage({ termlight: MESSAGE_TAG, name, params })).toBeNull();
  });
});

describe('HandlersFor', () => {
  it('requires a handler for each message a part receives', () => {
    expectTypeOf<keyof HandlersFor<'background'>>().toEqualTypeOf<'page-terms-changed' | 'open-glossary' | 'top-page-url'>();
    // @ts-expect-error: the badge handler is missing
    const missing: HandlersFor<'background'> = {};
    const handlers: HandlersFor<'background'> = {
      'page-terms-changed': ({ terms }) => void terms,
      'open-glossary': ({ entryId }) => void entryId,
      'top-page-url': () => null,
    };
    expect(Object.keys(handlers)).not.toEqual(Object.keys(missing));
  });
});
