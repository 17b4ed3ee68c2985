/**
 * Where the definition card goes, relative to the term it explains.
 *
 * Everything here is in client (viewport) coordinates of the frame the term lives in, and the
 * caller positions the card with `position: fixed` in that same frame. The caller passes
 * `getClientRects()` of the term and `innerWidth`/`innerHeight` (or the root element's client
 * size, which leaves out scrollbars); client rects already account for page zoom, CSS
 * transforms of ancestors and every scrolled container, so no scroll offsets or zoom factors
 * ever enter this maths.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type CardSide = 'below' | 'above';

export interface PlacementInput {
  /** Client rects of the term, one per line box when the term wraps. */
  termRects: readonly Rect[];
  /** The card's measured size, without any max-width/max-height applied. */
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Picks the line of a wrapped term the card belongs to. */
  pointer?: { x: number; y: number };
  /** Space between term and card. Default 6. */
  gap?: number;
  /** Least distance between the card and the viewport edges. Default 8. */
  margin?: number;
}

export interface Placement {
  left: number;
  top: number;
  placement: CardSide;
  /**
   * Set when the card must scroll inside to fit on its side of the term. 0 means no room at
   * all without covering the term (the term fills the frame); the caller should not show it.
   */
  maxHeight?: number;
  /** Set when the card is wider than the viewport allows. */
  maxWidth?: number;
  /** The line of the term the card was placed against. */
  anchor: Rect;
}

interface Side {
  side: CardSide;
  anchor: Rect;
  /** y of the card's edge nearest the term: its top when below, its bottom when above. */
  edge: number;
  /** Room between that edge and the far margin; negative when the term reaches past it. */
  room: number;
}

const DEFAULT_GAP = 6;
const DEFAULT_MARGIN = 8;

export function placeCard(input: PlacementInput): Placement {
  const { card, viewport } = input;
  const gap = input.gap ?? DEFAULT_GAP;
  // In a tiny frame (an ad slot, a small embed) a full margin would leave no card at all.
  const marginX = Math.min(input.margin ?? DEFAULT_MARGIN, Math.floor(viewport.width / 8));
  const marginY = Math.min(input.margin ?? DEFAULT_MARGIN, Math.floor(viewport.height / 8));
  const rects = lineRects(input.termRects);

  const width = Math.min(card.width, Math.max(0, viewport.width - 2 * marginX));
  const leftFor = (anchor: Rect): number =>
    clamp(Math.round(anchor.left), marginX, viewport.width - marginX - width);

  // Without a pointer, the last line is the one to hang the card under and the first line the
  // one to set it over: either way the rest of the term is on the far side of that line.
  const fromPointer = input.pointer && pickLine(rects, input.pointer);
  const belowAnchor = fromPointer ?? rects[rects.length - 1]!;
  const aboveAnchor = fromPointer ?? rects[0]!;

  // The edges are kept inside the margins first, so a term above or below the frame (reached
  // by keyboard, say) still gets its card at the nearest edge of the frame.
  const belowEdge = Math.max(
    Math.ceil(termEdge(rects, belowAnchor, leftFor(belowAnchor), width, 'below') + gap),
    marginY,
  );
  const aboveEdge = Math.min(
    Math.floor(termEdge(rects, aboveAnchor, leftFor(aboveAnchor), width, 'above') - gap),
    viewport.height - marginY,
  );
  const below: Side = {
    side: 'below',
    anchor: belowAnchor,
    edge: belowEdge,
    room: viewport.height - marginY - belowEdge,
  };
  const above: Side = {
    side: 'above',
    anchor: aboveAnchor,
    edge: aboveEdge,
    room: aboveEdge - marginY,
  };

  let chosen: Side;
  if (card.height <= below.room) chosen = below;
  else if (card.height <= above.room) chosen = above;
  else chosen = above.room > below.room ? above : below;

  const height = Math.min(card.height, Math.max(0, Math.floor(chosen.room)));
  const top = chosen.side === 'below' ? chosen.edge : chosen.edge - height;
  const result: Placement = {
    left: leftFor(chosen.anchor),
    // Matters only when neither side has any room: the card is then empty but stays in the frame.
    top: clamp(top, marginY, viewport.height - marginY - height),
    placement: chosen.side,
    anchor: chosen.anchor,
  };
  if (height < card.height) result.maxHeight = height;
  if (width < card.width) result.maxWidth = width;
  return result;
}

/** Drops the empty rects browsers report at line ends; keeps something to anchor to. */
function lineRects(rects: readonly Rect[]): Rect[] {
  const visible = rects.filter((r) => r.width > 0 && r.height > 0);
  if (visible.length > 0) return visible;
  if (rects.length > 0) return [...rects];
  return [{ left: 0, top: 0, width: 0, height: 0 }];
}

/** The line under the pointer, or the nearest one when the pointer sits between lines. */
function pickLine(rects: readonly Rect[], p: { x: number; y: number }): Rect {
  let best = rects[0]!;
  let bestDistance = Infinity;
  for (const r of rects) {
    const dx = Math.max(r.left - p.x, 0, p.x - (r.left + r.width));
    const dy = Math.max(r.top - p.y, 0, p.y - (r.top + r.height));
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The term's outer edge on one side of the anchor line: that line's own edge, pushed past any
 * further line of the term the card would overlap sideways, so the card never hides part of
 * the term it explains.
 */
function termEdge(
  rects: readonly Rect[],
  anchor: Rect,
  left: number,
  width: number,
  side: CardSide,
): number {
  const anchorBottom = anchor.top + anchor.height;
  let edge = side === 'below' ? anchorBottom : anchor.top;
  for (const r of rects) {
    if (!overlapsX(r, left, width)) continue;
    if (side === 'below' && midY(r) >= anchor.top) edge = Math.max(edge, r.top + r.height);
    if (side === 'above' && midY(r) <= anchorBottom) edge = Math.min(edge, r.top);
  }
  return edge;
}

function midY(r: Rect): number {
  return r.top + r.height / 2;
}

function overlapsX(r: Rect, left: number, width: number): boolean {
  return r.left < left + width && left < r.left + r.width;
}

/** Like CSS `clamp()`: should min exceed max, min wins. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
