import { writeFileSync } from "node:fs";
import { renderPdf } from "../src/pdf-engine.js";
import { radarChart } from "../src/charts/radar-chart.js";
import { baseDocument } from "../src/theme.js";
const h = Number(process.argv[2]);
const spacer = Number(process.argv[3]);
const axes = ["一", "二", "三", "四", "五", "六", "七", "八"].map((l, i) => ({ label: l + "项目", ratio: 0.5 + i * 0.05 }));
const pdf = await renderPdf({
  ...baseDocument(),
  content: [
    { canvas: [{ type: "rect", x: 0, y: 0, w: 100, h: spacer, color: "#eee" }] },
    { text: "after spacer" },
    process.argv[4] === "cols"
      ? {
          columns: [
            { width: 300, stack: [radarChart(axes, { width: 300, height: h })] },
            { width: "*", text: "legend" },
          ],
        }
      : radarChart(axes, { width: 300, height: h }),
    { text: "after radar" },
  ],
});
writeFileSync("/tmp/radar-test.pdf", pdf);
