/**
 * A radar (spider) chart of ratios drawn as vectors: rings every 20%, spokes, an optional
 * dashed ring per grade threshold, and the filled polygon of the values. Axis labels are text
 * placed around the canvas with relative positions (they take no room in the flow).
 */
import type { CanvasElement, Content } from "pdfmake/interfaces.js";
import { percent } from "../format.js";
import { COLORS } from "../theme.js";
import { polyline } from "./polyline.js";

export interface RadarAxis {
  readonly label: string;
  readonly ratio: number | null;
}

export interface RadarOptions {
  readonly width: number;
  readonly height: number;
  /** Ratios drawn as dashed rings (e.g. grade thresholds). */
  readonly thresholds?: readonly number[];
  readonly color?: string;
}

const LABEL_WIDTH = 88;
const LABEL_GAP = 8;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The radar chart; fewer than three axes give a note instead. */
export function radarChart(axes: readonly RadarAxis[], options: RadarOptions): Content {
  const n = axes.length;
  if (n < 3) return { text: "测评项目少于 3 个，不绘制雷达图。", style: "note" };
  const cx = options.width / 2;
  const cy = options.height / 2;
  const radius = Math.min(cx - LABEL_WIDTH + 12, cy - 24);
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i: number, r: number) => ({ x: cx + Math.cos(angle(i)) * r, y: cy + Math.sin(angle(i)) * r });
  const ring = (ratio: number) => Array.from({ length: n }, (_, i) => at(i, radius * ratio));

  const shapes: CanvasElement[] = [];
  for (const level of [0.2, 0.4, 0.6, 0.8, 1]) {
    shapes.push(polyline({ points: ring(level), closePath: true, lineWidth: level === 1 ? 0.8 : 0.4, lineColor: COLORS.rule }));
  }
  for (let i = 0; i < n; i++) {
    const end = at(i, radius);
    shapes.push({ type: "line", x1: cx, y1: cy, x2: end.x, y2: end.y, lineWidth: 0.4, lineColor: COLORS.rule });
  }
  for (const threshold of options.thresholds ?? []) {
    if (threshold <= 0 || threshold >= 1) continue;
    shapes.push(
      polyline({ points: ring(threshold), closePath: true, lineWidth: 0.6, lineColor: COLORS.warn, dash: { length: 2, space: 2 } }),
    );
  }
  const color = options.color ?? COLORS.bar;
  const values = axes.map((axis, i) => at(i, radius * clamp01(axis.ratio ?? 0)));
  shapes.push(polyline({ points: values, closePath: true, color, fillOpacity: 0.22, lineColor: color, lineWidth: 1.4 }));
  for (const p of values) shapes.push({ type: "ellipse", x: p.x, y: p.y, r1: 2, r2: 2, color });

  const labels: Content[] = axes.map((axis, i) => {
    const p = at(i, radius + LABEL_GAP);
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    const align = Math.abs(cos) < 0.2 ? "center" : cos > 0 ? "left" : "right";
    const x = align === "center" ? p.x - LABEL_WIDTH / 2 : align === "left" ? p.x : p.x - LABEL_WIDTH;
    const lines = 2;
    const y = Math.abs(cos) < 0.2 ? (sin < 0 ? p.y - lines * 9.5 : p.y) : p.y - 9;
    return {
      relativePosition: { x, y },
      columns: [
        {
          width: LABEL_WIDTH,
          alignment: align,
          stack: [
            { text: axis.label, fontSize: 7.5, color: COLORS.ink, lineHeight: 1 },
            { text: percent(axis.ratio), fontSize: 7, color: COLORS.muted, lineHeight: 1 },
          ],
        },
      ],
    };
  });
  const scale: Content[] = [0.2, 0.4, 0.6, 0.8, 1].map((level) => ({
    relativePosition: { x: cx + 2, y: cy - radius * level - 4 },
    text: `${Math.round(level * 100)}`,
    fontSize: 5.5,
    color: COLORS.faint,
  }));
  return { stack: [...labels, ...scale, { canvas: shapes }], unbreakable: true };
}
