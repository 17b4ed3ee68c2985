import { mountPage } from '../ui/mount-page';
import { Popup } from './Popup';
import '../ui/base.css';
import './popup.css';

// `popup.html?tab=<id>` acts on that tab: the popup opened as an ordinary page (in tests, or
// pinned in a tab) would otherwise find itself as the active tab. It stays open after actions.
const tabParam = new URLSearchParams(location.search).get('tab');
const tabId = tabParam && /^\d+$/.test(tabParam) ? Number(tabParam) : undefined;

mountPage('extName', <Popup tabId={tabId} onDone={tabId === undefined ? () => window.close() : undefined} />);
