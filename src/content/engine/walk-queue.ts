import type { PageText } from './page-text';
import type { Painter } from './painter';
import { TextWalk, type WalkHooks } from './text-model';

/**
 * The containers and shadow roots a pass still has to read, one TextWalk at a time. A root is
 * forgotten before it is read (a rescan replaces what was there); a walk whose next node the
 * page removed meanwhile is started again, minus the containers it had finished.
 */
export class WalkQueue {
  private walk: TextWalk | null = null;
  private readonly roots: Node[] = [];

  constructor(
    private readonly page: PageText,
    private readonly hooks: () => WalkHooks,
    private readonly painter: () => Painter | null,
  ) {}

  add(root: Node): void {
    if (!this.roots.includes(root)) this.roots.push(root);
  }

  /** The node the current walk reads next (a container holding it is being read). */
  get position(): Node | null {
    return this.walk?.position ?? null;
  }

  /** Reads until every queued root is done (true) or `deadline` passes (false). */
  run(deadline: number): boolean {
    for (;;) {
      if (this.walk && !this.walk.intact) {
        for (const owner of this.walk.openOwners()) this.page.dropOwner(owner, this.painter());
        this.roots.unshift(this.walk.root);
        this.walk = null;
      }
      if (!this.walk) {
        const root = this.roots.shift();
        if (!root) return true;
        if (!root.isConnected) continue;
        this.page.dropOwner(root, this.painter());
        this.walk = new TextWalk(root, this.hooks());
      }
      if (!this.walk.run(deadline)) return false;
      this.walk = null;
      if (this.roots.length && performance.now() > deadline) return false;
    }
  }
}
