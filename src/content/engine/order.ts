/**
 * Page order of nodes across open shadow roots. `compareDocumentPosition` calls nodes in
 * different trees "disconnected", so each node is lifted to its host until both sit in one tree;
 * a shadow tree comes before its host's light children, as the text model reads it.
 */

function hostChain(node: Node): Node[] {
  const chain = [node];
  let root = node.getRootNode();
  while (root.nodeType === 11 && (root as ShadowRoot).host) {
    const host = (root as ShadowRoot).host;
    chain.push(host);
    root = host.getRootNode();
  }
  return chain;
}

/** Negative when `a` comes first in the page, positive when `b` does, 0 for the same node. */
export function comparePageOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const direct = a.compareDocumentPosition(b);
  if (!(direct & Node.DOCUMENT_POSITION_DISCONNECTED)) return positionSign(direct);
  const ca = hostChain(a);
  const cb = hostChain(b);
  for (const x of ca) {
    const rx = x.getRootNode();
    for (const y of cb) {
      if (y.getRootNode() !== rx) continue;
      if (x === y) return insideHost(x, ca, cb);
      return positionSign(x.compareDocumentPosition(y));
    }
  }
  return 0;
}

function positionSign(pos: number): number {
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

/** Both chains meet at one host: the side that came from its shadow tree is read first. */
function insideHost(host: Node, ca: Node[], cb: Node[]): number {
  const ia = ca.indexOf(host);
  const ib = cb.indexOf(host);
  const aFromShadow = ia > 0;
  const bFromShadow = ib > 0;
  if (aFromShadow === bFromShadow) return 0;
  return aFromShadow ? -1 : 1;
}

/**
 * Inserts `item` into `list`, kept in page order by `nodeOf`. `hint` is where the last insert
 * went: the first pass reads the page in order, so the next item usually belongs right after it
 * and costs two comparisons instead of a binary search. Returns the new index.
 */
export function insertInOrder<T>(list: T[], item: T, nodeOf: (t: T) => Node, hint: number): number {
  const node = nodeOf(item);
  const before = (i: number) => comparePageOrder(nodeOf(list[i] as T), node) < 0;
  const n = list.length;
  if (n === 0 || before(n - 1)) {
    list.push(item);
    return n;
  }
  if (hint >= 0 && hint < n && before(hint) && !before(hint + 1)) {
    list.splice(hint + 1, 0, item);
    return hint + 1;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
  return lo;
}
