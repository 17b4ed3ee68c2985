import { describe, expect, it } from 'vitest';
import { isHtmlPage } from '../../src/content/page-kind';

const XHTML = 'http://www.w3.org/1999/xhtml';
const parse = (text: string, type: DOMParserSupportedType) => new DOMParser().parseFromString(text, type);
/** A document as the browser describes it: its root's namespace and the type it was served as. */
const served = (namespaceURI: string, contentType: string) => ({ documentElement: { namespaceURI }, contentType }) as unknown as Document;

describe('the pages Termlight reads', () => {
  it('are HTML pages, XHTML ones served as such included', () => {
    expect(isHtmlPage(document)).toBe(true);
    expect(isHtmlPage(served(XHTML, 'text/html'))).toBe(true);
    expect(isHtmlPage(served(XHTML, 'application/xhtml+xml'))).toBe(true);
  });

  it('leave out an SVG image and an XML file opened on their own', () => {
    expect(isHtmlPage(parse('<svg xmlns="http://www.w3.org/2000/svg"><text>RLHF</text></svg>', 'image/svg+xml'))).toBe(false);
    expect(isHtmlPage(parse('<rss version="2.0"><channel><title>RLHF</title></channel></rss>', 'text/xml'))).toBe(false);
  });

  it('leave out XML shown as HTML: Chromium’s view of a feed, and XHTML served as plain XML', () => {
    // Chromium builds its view of an XML file in HTML; the type served still says XML.
    expect(isHtmlPage(served(XHTML, 'application/rss+xml'))).toBe(false);
    expect(isHtmlPage(served(XHTML, 'application/xml'))).toBe(false);
  });
});
