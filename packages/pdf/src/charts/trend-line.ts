/**
 * A small trend line (sparkline) of one city's ratios over the rounds, drawn as vectors: a
 * line through the rounds that have a ratio (broken where a round has none), a dot per round,
 * the last dot larger, and optional dashed reference lines (e.g. the dynamic-management
 * thresholds) where they fall inside the range.
 */
import type { CanvasElement, Content } from "pdfmake/interfaces.js";
import { COLORS } from "../theme.js";
import { polyline } from "./polyline.js";

export interface TrendLineOptions {
  readonly width: number;
  readonly height: number;
  /** The ratios at the bottom and the top of the box. */
  readonly range: readonly [number, number];
  /** Ratios drawn as dashed horizontal lines, with their colours. */
  readonly references?: readonly { readonly at: number; readonly color: string }[];
  readonly color?: string;
}

/**
 * A range covering `values` with a little room, at least `minSpan` tall (centred on the
 * values, kept inside 0..1), so that small changes show without looking dramatic.
 */
export function trendRange(values: readonly (number | null)[], minSpan = 0.1): [number, number] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return [0, 1];
  const lowest = Math.min(...known);
  const highest = Math.max(...known);
  const span = Math.max(minSpan, (highest - lowest) * 1.2);
  const middle = (lowest + highest) / 2;
  const low = Math.min(Math.max(0, middle - span / 2), Math.max(0, 1 - span));
  return [low, Math.min(1, low + span)];
}

/** The trend of `values` (one per round, oldest first; null where a round has no ratio). */
export function trendLine(values: readonly (number | null)[], options: TrendLineOptions): Content {
  const { width, height } = options;
  const [low, high] = options.range;
  const inset = 3;
  const span = high - low || 1;
  const x = (i: number) => (values.length <= 1 ? width / 2 : inset + ((width - 2 * inset) * i) / (values.length - 1));
  const y = (v: number) => inset + (height - 2 * inset) * (1 - Math.min(1, Math.max(0, (v - low) / span)));
  const color = options.color ?? COLORS.bar;
  const shapes: CanvasElement[] = [{ type: "line", x1: 0, y1: height, x2: width, y2: height, lineWidth: 0.4, lineColor: COLORS.rule }];
  for (const reference of options.references ?? []) {
    if (reference.at < low || reference.at > high) continue;
    const ry = y(reference.at);
    shapes.push({
      type: "line",
      x1: 0,
      y1: ry,
      x2: width,
      y2: ry,
      lineWidth: 0.5,
      lineColor: reference.color,
      dash: { length: 2, space: 1.5 },
    });
  }
  // segments through consecutive rounds with a ratio
  let segment: { x: number; y: number }[] = [];
  const flush = () => {
    if (segment.length > 1) shapes.push(polyline({ points: segment, lineWidth: 1.1, lineColor: color }));
    segment = [];
  };
  values.forEach((v, i) => {
    if (v === null) flush();
    else segment.push({ x: x(i), y: y(v) });
  });
  flush();
  values.forEach((v, i) => {
    if (v === null) return;
    const r = i === values.length - 1 ? 1.8 : 1.2;
    shapes.push({ type: "ellipse", x: x(i), y: y(v), r1: r, r2: r, color });
  });
  return { canvas: shapes, margin: [0, 1, 0, 0] };
}
