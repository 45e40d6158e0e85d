/** Where a box plot's values sit on screen, for the box shape drawn inside recharts' bar. */

/**
 * Pixel position of a value: from the plot area and the axis domain [0, axisTop] when recharts
 * gives them, else from the quartiles' pixel span. The axis is needed for a box with no spread
 * (q1 = q3): its span says nothing about the scale, and its whiskers, outliers and like-for-like
 * diamond must still be drawn, as the export draws them.
 */
export function boxScale(
  box: { y: number; height: number; q1: number; q3: number; axisTop: number },
  plot: { y?: number; height?: number } | undefined,
): ((v: number) => number) | null {
  if (plot?.y !== undefined && plot.height !== undefined && plot.height > 0 && box.axisTop > 0) {
    const { y: top, height: h } = plot as { y: number; height: number };
    return (v) => top + h * (1 - v / box.axisTop);
  }
  const span = box.q3 - box.q1;
  return span > 0 ? (v) => box.y + ((box.q3 - v) * box.height) / span : null;
}
