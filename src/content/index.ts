// The content script: runs in every frame of every page, as one self-contained classic script.
import { startContentScript } from './lifecycle';

const XHTML = 'http://www.w3.org/1999/xhtml';
/** XML served as such: `application/xml`, `text/xml`, `image/svg+xml`, `application/rss+xml`... */
const XML_TYPE = /[/+]xml$/;

/**
 * Termlight reads and explains HTML pages, XHTML included. An SVG image or an XML file opened on
 * its own is a document of another kind: its text is drawing or data, and it has no place for
 * the card. Chromium shows XML files in a viewer built of HTML, so the type served tells them.
 */
function isHtmlPage(doc: Document): boolean {
  const type = doc.contentType ?? '';
  return doc.documentElement?.namespaceURI === XHTML && (type === 'application/xhtml+xml' || !XML_TYPE.test(type));
}

if (isHtmlPage(document)) {
  startContentScript().catch((err) => console.error('[Termlight] could not start', err));
}
