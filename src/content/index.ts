// The content script: runs in every frame of every page, as one self-contained classic script.
import { startContentScript } from './lifecycle';
import { isHtmlPage } from './page-kind';

if (isHtmlPage(document)) {
  startContentScript().catch((err) => console.error('[Termlight] could not start', err));
}
