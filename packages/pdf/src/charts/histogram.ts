/**
 * A histogram drawn as vectors: one vertical bar per bin, the count above each bar, the bin
 * labels below, and an optional dashed line per marker (e.g. grade thresholds).
 */
import type { CanvasElement, Content } from "pdfmake/interfaces.js";
import { COLORS } from "../theme.js";

export interface HistogramBin {
  /** Lower edge of the bin as shown below the axis. */
  readonly label: string;
  readonly count: number;
  readonly color?: string;
}

export interface HistogramOptions {
  readonly width: number;
  readonly height: number;
  /** Positions (0..1 along the axis) of dashed vertical markers, with their labels. */
  readonly markers?: readonly { readonly at: number; readonly label: string }[];
}

/** The histogram of `bins` (equal widths, left to right). */
export function histogram(bins: readonly HistogramBin[], options: HistogramOptions): Content {
  const n = Math.max(bins.length, 1);
  // room above the tallest bar for its count and for the markers' labels
  const top = (options.markers?.length ?? 0) > 0 ? 24 : 12;
  const plotHeight = options.height - top;
  const slot = options.width / n;
  const gap = Math.min(4, slot * 0.2);
  const highest = Math.max(1, ...bins.map((b) => b.count));
  const shapes: CanvasElement[] = [];
  for (const level of [0.25, 0.5, 0.75, 1]) {
    const y = top + plotHeight * (1 - level);
    shapes.push({ type: "line", x1: 0, y1: y, x2: options.width, y2: y, lineWidth: 0.3, lineColor: COLORS.rule });
  }
  const counts: Content[] = [];
  bins.forEach((bin, i) => {
    const h = (bin.count / highest) * plotHeight;
    const x = i * slot + gap / 2;
    if (bin.count > 0) shapes.push({ type: "rect", x, y: top + plotHeight - h, w: slot - gap, h, color: bin.color ?? COLORS.bar });
    if (bin.count > 0) {
      counts.push({
        relativePosition: { x: i * slot, y: top + plotHeight - h - 10 },
        columns: [{ width: slot, text: String(bin.count), alignment: "center", fontSize: 7, color: COLORS.ink }],
      });
    }
  });
  shapes.push({
    type: "line",
    x1: 0,
    y1: top + plotHeight,
    x2: options.width,
    y2: top + plotHeight,
    lineWidth: 0.8,
    lineColor: COLORS.muted,
  });
  const markers: Content[] = [];
  for (const marker of options.markers ?? []) {
    const x = marker.at * options.width;
    shapes.push({
      type: "line",
      x1: x,
      y1: 4,
      x2: x,
      y2: top + plotHeight,
      lineWidth: 0.8,
      lineColor: COLORS.warn,
      dash: { length: 3, space: 2 },
    });
    markers.push({ relativePosition: { x: x + 2, y: 0 }, text: marker.label, fontSize: 6.5, color: COLORS.warn });
  }
  const axis: Content = {
    columns: bins.map((bin) => ({ width: slot, text: bin.label, alignment: "center", fontSize: 6.5, color: COLORS.muted })),
    columnGap: 0,
    margin: [0, 2, 0, 0],
  };
  return { stack: [...counts, ...markers, { canvas: shapes }, axis], unbreakable: true };
}
