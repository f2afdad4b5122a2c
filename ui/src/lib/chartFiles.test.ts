// Tests of the chart helpers: the data URL of an SVG and the extension rule of "Save chart as…".
import { describe, expect, it } from "vitest";
import { defaultChartName, svgDataUrl, withChartExtension } from "./chartFiles";

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

  it("encodes the SVG into a data URL", () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><text>a & b #1</text></svg>');
    expect(url.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(url).not.toContain("#");
    expect(decodeURIComponent(url.slice(url.indexOf(",") + 1))).toContain("a & b #1");
  });
});
