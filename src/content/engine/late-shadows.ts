/** Most hosts kept in sight: a page built of custom elements without shadow roots has thousands. */
const MAX_HOSTS = 4096;

function isDefined(el: Element): boolean {
  try {
    return el.matches(':defined');
  } catch {
    return false; // a browser without the selector: keep the host in sight
  }
}

/**
 * Custom elements read before they had a shadow root. An element whose definition comes later
 * (a lazily loaded bundle calling `customElements.define`) is upgraded then, and mostly attaches
 * its shadow root at that moment: no MutationObserver hears of it, so without a second look its
 * text would never be read. The engine looks again whenever the page changes and a few times
 * after the first read.
 */
export class LateShadows {
  private readonly hosts = new Set<Element>();
  /** Roots found by `look`, for the next `take`. */
  private found: ShadowRoot[] = [];

  /**
   * A custom element read without a shadow root. Only one not defined yet is kept: a defined
   * one has been upgraded already, and component frameworks draw thousands that never get a
   * shadow root.
   */
  note(host: Element): void {
    if (this.hosts.size >= MAX_HOSTS || isDefined(host)) return;
    this.hosts.add(host);
  }

  /** Looks at the hosts now; true if any has gained a shadow root, which `take` then hands out. */
  look(): boolean {
    this.found.push(...this.gained());
    return this.found.length > 0;
  }

  /**
   * The open shadow roots the hosts have gained since they were noted. Hosts that gained one, or
   * left the page, are let go: one put back is read, and noted, anew.
   */
  take(): ShadowRoot[] {
    const found = [...this.found, ...this.gained()];
    this.found = [];
    return found;
  }

  private gained(): ShadowRoot[] {
    const found: ShadowRoot[] = [];
    for (const host of this.hosts) {
      if (!host.isConnected) {
        this.hosts.delete(host);
        continue;
      }
      const root = host.shadowRoot;
      if (root?.nodeType !== 11) continue;
      this.hosts.delete(host);
      found.push(root);
    }
    return found;
  }
}
