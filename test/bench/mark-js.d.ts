// The little of mark.js 8.11.1 the benchmark calls; the package ships no types.
declare module 'mark.js' {
  interface MarkOptions {
    element?: string;
    className?: string;
    exclude?: string[];
    separateWordSearch?: boolean;
    accuracy?: 'partially' | 'complementary' | 'exactly' | { value: 'exactly' | 'complementary'; limiters: string[] };
    diacritics?: boolean;
    caseSensitive?: boolean;
    acrossElements?: boolean;
    ignoreJoiners?: boolean;
    ignoreGroups?: number;
    filter?: (node: Text, term: string, total: number, counter: number) => boolean;
    noMatch?: (term: string) => void;
    done?: (marks: number) => void;
  }

  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    mark(keywords: string | string[], options?: MarkOptions): this;
    markRegExp(regexp: RegExp, options?: MarkOptions): this;
  }
}
