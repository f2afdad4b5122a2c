// Tests of the chart helpers: the data URL of an SVG, the extension rule of "Save chart as…", the file
// name that says what a chart shows, the options sent to the core, and the category chart's default horizon.
import { describe, expect, it } from "vitest";
import type { Horizon } from "./bindings/Horizon";
import * as demo from "../testing/recordedDemo";
import { chartCaption, chartOptions, defaultChartHorizon, defaultChartName, fileSlug, svgDataUrl, withChartExtension } from "./chartFiles";

describe("chart files", () => {
  it("adds .png only when the name has no extension", () => {
    expect(withChartExtension("/home/morgan/heatmap")).toBe("/home/morgan/heatmap.png");
    expect(withChartExtension("/home/morgan/heatmap.svg")).toBe("/home/morgan/heatmap.svg");
    expect(withChartExtension("C:\\Charts\\tiers.PNG")).toBe("C:\\Charts\\tiers.PNG");
    expect(withChartExtension("/home/v1.d/tiers")).toBe("/home/v1.d/tiers.png");
    expect(withChartExtension("/home/morgan/tiers.pdf")).toBe("/home/morgan/tiers.pdf");
  });

  it("suggests a PNG named after the chart", () => {
    expect(defaultChartName("heatmap")).toBe("heatmap.png");
    expect(defaultChartName("tiers")).toBe("tiers.png");
  });

  it("names the file after the options that change what the chart shows", () => {
    const pick = demo.processNamed("Pick, pack and dispatch");
    expect(defaultChartName("dependencies", { process: pick.id }, pick.name)).toBe("dependencies-pick-pack-and-dispatch.png");
    expect(defaultChartName("dependencies", {})).toBe("dependencies.png");
    expect(defaultChartName("categories", { horizon: "1 d" })).toBe("categories-1d.png");
    expect(defaultChartName("categories", { horizon: "1 mo" })).toBe("categories-1mo.png");
    expect(defaultChartName("heatmap", { byUnit: true })).toBe("heatmap-by-unit.png");
    expect(defaultChartName("heatmap", { byUnit: false })).toBe("heatmap.png");
    const ops = demo.unitNamed("Operations");
    expect(defaultChartName("heatmap", { unit: ops.id, byUnit: true }, ops.name)).toBe("heatmap-operations-by-unit.png");
    expect(defaultChartName("heatmap", { rows: 40, offset: 40 })).toBe("heatmap-41-80.png");
    // Options a chart does not read do not show in its name.
    expect(defaultChartName("tiers", { horizon: "1 d", process: "x", byUnit: true })).toBe("tiers.png");
  });

  it("makes file-name pieces without spaces, punctuation or path separators", () => {
    expect(fileSlug("Goods-in & returns")).toBe("goods-in-returns");
    expect(fileSlug("Customer order intake (B2B)")).toBe("customer-order-intake-b2b");
    expect(fileSlug("../Payroll/processing")).toBe("payroll-processing");
    expect(fileSlug("Zoll-Abwicklung Köln")).toBe("zoll-abwicklung-koln");
    expect(fileSlug("End of month")).toBe("end-of-month");
  });

  it("sends only the options that are set", () => {
    expect(chartOptions({ byUnit: false })).toEqual({});
    expect(chartOptions({ horizon: " 1 d ", process: "" })).toEqual({ horizon: "1 d" });
    expect(chartOptions({ process: "p1", byUnit: true })).toEqual({ process: "p1", byUnit: true });
    expect(chartOptions({ unit: " ", rows: 40, offset: 0 })).toEqual({ rows: 40 });
    expect(chartOptions({ unit: "u1", rows: 40, offset: 80 })).toEqual({ unit: "u1", rows: 40, offset: 80 });
  });

  it("says what the options chose under the chart's title", () => {
    const pick = demo.processNamed("Pick, pack and dispatch");
    expect(chartCaption("dependencies", { process: pick.id }, pick.name)).toBe("Pick, pack and dispatch and everything it relies on");
    expect(chartCaption("dependencies", {})).toBe("The whole assessment");
    expect(chartCaption("categories", { horizon: "3 d" })).toBe("At 3 d");
    expect(chartCaption("heatmap", { byUnit: true })).toBe("Processes grouped by unit");
    expect(chartCaption("heatmap", { unit: "u1" }, "Operations")).toBe("Operations and its sub-units");
    expect(chartCaption("heatmap", { unit: "u1", byUnit: true }, "Operations")).toBe("Operations and its sub-units, grouped by unit");
    expect(chartCaption("gaps", { byUnit: true })).toBe("");
  });

  it("shows the category chart at the first horizon of a day or more, as the core does", () => {
    expect(defaultChartHorizon(demo.methodology().horizons)?.label).toBe("1 d");
    const h = (minutes: number, label: string): Horizon => ({ id: label, minutes, label });
    expect(defaultChartHorizon([h(60, "1 h"), h(2 * 1440, "2 d"), h(7 * 1440, "1 w")])?.label).toBe("2 d");
    // All shorter than a day: the longest.
    expect(defaultChartHorizon([h(60, "1 h"), h(240, "4 h")])?.label).toBe("4 h");
    expect(defaultChartHorizon([])).toBeNull();
  });

  it("encodes the SVG into a data URL", () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><text>a & b #1</text></svg>');
    expect(url.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(url).not.toContain("#");
    expect(decodeURIComponent(url.slice(url.indexOf(",") + 1))).toContain("a & b #1");
  });
});
