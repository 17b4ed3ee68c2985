/**
 * Finds where a JSON text first goes wrong. `JSON.parse` says so too, but each engine words and
 * places it differently (V8 often gives no position at all), and an import message should name
 * the line the same way in every browser.
 */

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Null when the text is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const fail = (reason: string): never => {
    throw new Stop(at, at >= text.length ? 'the text ends too soon' : reason);
  };
  const string = () => {
    at++;
    for (;;) {
      const char = text[at];
      if (char === undefined) fail('a string is not closed');
      if (char === '"') return void at++;
      if (char! < ' ') fail('a string holds a raw line break or tab; write \\n or \\t instead');
      if (char === '\\') {
        at++;
        if (text[at] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) at += 4;
        else if (!'"\\/bfnrt'.includes(text[at] ?? 'x')) fail('a backslash starts an unknown escape');
      }
      at++;
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') return members('}', () => {
      if (text[at] !== '"') fail('expected a property name in double quotes');
      string();
      space();
      if (text[at] !== ':') fail('expected : after the property name');
      at++;
      value();
    });
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (number && number[0] !== '-') return void (at += number[0].length);
    const word = ['true', 'false', 'null'].find((literal) => text.startsWith(literal, at));
    if (word) return void (at += word.length);
    fail(char === "'" ? 'JSON needs double quotes, not single' : `unexpected ${JSON.stringify(char)}`);
  };
  const members = (close: string, member: () => void) => {
    at++;
    space();
    if (text[at] === close) return void at++;
    for (;;) {
      space();
      member();
      space();
      if (text[at] === ',') {
        const comma = at++;
        space();
        if (text[at] === close) {
          at = comma;
          fail(`a comma comes before ${close}; remove it`);
        }
        continue;
      }
      if (text[at] === close) return void at++;
      fail(`expected , or ${close}`);
    }
  };

  try {
    value();
    space();
    if (at < text.length) fail('unexpected text after the end');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.at).split('\n');
    return { line: before.length, column: before.at(-1)!.length + 1, message: error.reason };
  }
}
