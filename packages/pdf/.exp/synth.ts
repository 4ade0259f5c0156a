import { writeFileSync } from "node:fs";
import { syntheticRound } from "../test/support/synthetic.js";
const { results } = await syntheticRound({
  cities: Number(process.argv[2] ?? 6),
  maxCount: Number(process.argv[3] ?? 2),
  sitesPerType: Number(process.argv[4] ?? 2),
});
writeFileSync(process.argv[5] ?? "/tmp/synth.json", JSON.stringify(results, null, 1));
for (const c of results.cities)
  console.log(c.cityId, c.name, c.score.toFixed(2), c.ratio?.toFixed(3), c.status, c.gradeName, c.rank, c.improvements.length);
console.log("rejects", results.rejects.length);
