const XHTML = 'http://www.w3.org/1999/xhtml';
/** XML served as such: `application/xml`, `text/xml`, `image/svg+xml`, `application/rss+xml`... */
const XML_TYPE = /[/+]xml$/;

/**
 * Whether `doc` is a page Termlight reads: HTML, XHTML served as such included. An SVG image or
 * an XML file opened on its own is a document of another kind: its text is drawing or data, and
 * it has no place for the card (Chromium shows an XML file in a viewer built of HTML, so the
 * type served tells them apart). XHTML served as plain XML is left alone too: elements made in
 * such a document belong to no namespace, so the card could not be drawn there.
 */
export function isHtmlPage(doc: Document): boolean {
  const type = doc.contentType ?? '';
  return doc.documentElement?.namespaceURI === XHTML && (type === 'application/xhtml+xml' || !XML_TYPE.test(type));
}
