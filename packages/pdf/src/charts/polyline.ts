/**
 * Polylines that survive pdfmake's re-layout. pdfmake moves canvas vectors to their page
 * position in place, and before laying a document out again (which `pageBreakBefore` does
 * when it moves a heading) it resets each vector with a `resetXY` it installs — which restores
 * x/y of rects, lines and ellipses but not the points of a polyline, so a second pass shifts
 * polygons off their chart (and measures the canvas far too tall). The vectors made here carry
 * their own `resetXY` that restores the points; pdfmake's assignment of its own is ignored.
 */
import type { CanvasPolyline, Point } from "pdfmake/interfaces.js";

/** A polyline whose points pdfmake can reset between layout passes. */
export function polyline(spec: Omit<CanvasPolyline, "type">): CanvasPolyline {
  const original: Point[] = spec.points.map((p) => ({ x: p.x, y: p.y }));
  const vector: CanvasPolyline = { ...spec, type: "polyline", points: original.map((p) => ({ x: p.x, y: p.y })) };
  const reset = () => {
    vector.points.forEach((p, i) => {
      const o = original[i];
      if (o !== undefined) {
        p.x = o.x;
        p.y = o.y;
      }
    });
  };
  Object.defineProperty(vector, "resetXY", {
    configurable: true,
    enumerable: false,
    get: () => reset,
    set: () => {},
  });
  return vector;
}
