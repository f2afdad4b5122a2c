import { describe, expect, it } from "vitest";
import { MAX_SCALE, clampView, fitView, panBy, scaleLabel, zoomAt } from "./chartView";

// The dependency chart of a large assessment (2,400 × 1,800) in a 1,200 × 600 window, and a near-empty tier chart.
const big = { w: 2400, h: 1800 };
const small = { w: 600, h: 300 };
const box = { w: 1200, h: 600 };

describe("the larger view of a chart", () => {
  it("fits a large chart to the window, centred", () => {
    const view = fitView(big, box);
    expect(view.scale).toBeCloseTo(1 / 3);
    expect(view.y).toBeCloseTo(0);
    expect(view.x).toBeCloseTo((1200 - 800) / 2);
    expect(scaleLabel(view)).toBe("33%");
  });

  it("does not blow a small chart up beyond its own size", () => {
    expect(fitView(small, box)).toEqual({ scale: 1, x: 300, y: 150 });
  });

  it("zooms around the pointer: the spot under it stays under it", () => {
    const fitted = fitView(big, box);
    const at = { x: 700, y: 300 };
    const spot = { x: (at.x - fitted.x) / fitted.scale, y: (at.y - fitted.y) / fitted.scale };
    const zoomed = zoomAt(fitted, 2, at, big, box);
    expect(zoomed.scale).toBeCloseTo(2 / 3);
    expect(zoomed.x + spot.x * zoomed.scale).toBeCloseTo(at.x);
    expect(zoomed.y + spot.y * zoomed.scale).toBeCloseTo(at.y);
    expect(zoomAt({ scale: 3.9, x: 0, y: 0 }, 2, at, big, box).scale).toBe(MAX_SCALE);
  });

  it("pans without losing the chart off an edge", () => {
    const view = { scale: 1, x: 0, y: 0 };
    expect(panBy(view, -500, -400, big, box)).toEqual({ scale: 1, x: -500, y: -400 });
    // No further than the far edge, nor past the near one.
    expect(panBy(view, -5000, -5000, big, box)).toEqual({ scale: 1, x: 1200 - 2400, y: 600 - 1800 });
    expect(panBy(view, 300, 300, big, box)).toEqual({ scale: 1, x: 0, y: 0 });
    // A chart smaller than the window stays centred.
    expect(clampView({ scale: 1, x: -90, y: 40 }, small, box)).toEqual({ scale: 1, x: 300, y: 150 });
  });

  it("shows the image as it is where nothing is laid out yet", () => {
    expect(fitView({ w: 0, h: 0 }, box)).toEqual({ scale: 1, x: 0, y: 0 });
  });
});
