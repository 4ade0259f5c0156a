import { mkdirSync, writeFileSync } from "node:fs";
import { renderScorecard } from "../src/render-scorecard.js";
import { syntheticRound } from "../test/support/synthetic.js";
const out = process.argv[2] ?? "/tmp/pdf-synth";
mkdirSync(out, { recursive: true });
const { ruleset, results } = await syntheticRound({ cities: 6, maxCount: 2 });
for (const c of results.cities) {
  const t = performance.now();
  const pdf = await renderScorecard(results, c.cityId, { ruleset, date: "2024-06-30" });
  writeFileSync(`${out}/${c.cityId}.pdf`, pdf);
  console.log(c.cityId, (performance.now() - t).toFixed(0), "ms", pdf.length);
}
