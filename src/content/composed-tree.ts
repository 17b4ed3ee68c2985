/**
 * The element a node is drawn inside, as the reader sees the page: a slotted node's slot, a
 * shadow root's host (and so for what a shadow root holds), anything else's parent element.
 */
export function composedParent(node: Node): Element | null {
  if (node.nodeType === 11) return (node as ShadowRoot).host ?? null;
  const slot = (node as Element | Text).assignedSlot;
  if (slot) return slot;
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 1) return parent as Element;
  return parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : null;
}
