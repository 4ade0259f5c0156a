/**
 * A horizontal ratio bar drawn as vectors: a light track, a filled bar for the ratio and thin
 * ticks at the grade thresholds. Used inside table cells to make bar charts.
 */
import type { CanvasElement, Content } from "pdfmake/interfaces.js";
import { COLORS } from "../theme.js";

export interface RatioBarOptions {
  readonly width: number;
  readonly height?: number;
  readonly color?: string;
  /** Ratios where a thin tick is drawn (e.g. grade thresholds). */
  readonly ticks?: readonly number[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The bar of one ratio (null draws the empty track). */
export function ratioBar(ratio: number | null, options: RatioBarOptions): Content {
  const height = options.height ?? 7;
  const shapes: CanvasElement[] = [{ type: "rect", x: 0, y: 0, w: options.width, h: height, color: COLORS.barTrack }];
  if (ratio !== null && ratio > 0) {
    shapes.push({
      type: "rect",
      x: 0,
      y: 0,
      w: Math.max(0.8, clamp01(ratio) * options.width),
      h: height,
      color: options.color ?? COLORS.bar,
    });
  }
  for (const tick of options.ticks ?? []) {
    if (tick <= 0 || tick >= 1) continue;
    const x = clamp01(tick) * options.width;
    shapes.push({ type: "line", x1: x, y1: -1.5, x2: x, y2: height + 1.5, lineWidth: 0.6, lineColor: COLORS.muted });
  }
  return { canvas: shapes, margin: [0, 2.5, 0, 0] };
}
