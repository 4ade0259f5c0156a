import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { parseRuleset, type Results } from "@civitas/core";
import { parse } from "yaml";
import { renderScorecard } from "../src/render-scorecard.js";
const [resultsPath, rulesetPath, outDir, ...cities] = process.argv.slice(2);
const results = JSON.parse(readFileSync(resultsPath!, "utf8")) as Results;
const ruleset = rulesetPath ? parseRuleset(parse(readFileSync(rulesetPath, "utf8"))) : undefined;
mkdirSync(outDir!, { recursive: true });
const ids = cities.length ? cities : results.cities.map((c) => c.cityId);
for (const id of ids) {
  const t = performance.now();
  const pdf = await renderScorecard(results, id, { ...(ruleset ? { ruleset } : {}), date: "2024-06-30" });
  writeFileSync(`${outDir}/${id}.pdf`, pdf);
  console.log(id, (performance.now() - t).toFixed(0), "ms", pdf.length);
}
