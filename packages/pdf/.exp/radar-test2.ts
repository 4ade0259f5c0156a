import { writeFileSync } from "node:fs";
import { renderPdf } from "../src/pdf-engine.js";
import { radarChart } from "../src/charts/radar-chart.js";
import { baseDocument } from "../src/theme.js";
const spacer = Number(process.argv[2]);
const axes = ["一", "二", "三", "四", "五", "六", "七", "八"].map((l, i) => ({ label: l + "项目", ratio: 0.5 + i * 0.05 }));
const pdf = await renderPdf({
  ...baseDocument(),
  content: [
    { canvas: [{ type: "rect", x: 0, y: 0, w: 100, h: spacer, color: "#eee" }] },
    { text: "after spacer" },
    process.argv[3] === "cols"
      ? {
          columns: [
            { width: 300, stack: [radarChart(axes, { width: 300, height: 196 })] },
            { width: "*", text: "legend" },
          ],
        }
      : radarChart(axes, { width: 300, height: 196 }),
    { text: "after radar" },
    { text: "later", headlineLevel: 1, pageBreak: undefined },
    { text: "end" },
  ],
  pageBreakBefore: (n) => n.headlineLevel === 1 && process.argv[4] === "break",
});
writeFileSync("/tmp/radar-test.pdf", pdf);
