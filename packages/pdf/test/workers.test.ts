import type { Results, Ruleset } from "@civitas/core";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultWorkerCount, renderScorecard, renderScorecards } from "../src/index.js";
import { workerEntry } from "../src/worker-entry.js";
import { syntheticRound } from "./support/synthetic.js";

let ruleset: Ruleset;
let results: Results;

beforeAll(async () => {
  ({ ruleset, results } = await syntheticRound({ cities: 4 }));
});

describe("renderScorecards", () => {
  it("renders in worker threads (from TypeScript sources here), in the order asked, the same bytes as one at a time", async () => {
    const ids = results.cities.map((c) => c.cityId).reverse();
    const rendered: { cityId: string; pdf: Buffer }[] = [];
    for await (const item of renderScorecards(results, ids, { ruleset, date: "2024-06-30", workers: 2 })) rendered.push(item);
    expect(rendered.map((r) => r.cityId)).toEqual(ids);
    const [first] = rendered;
    if (first === undefined) throw new Error("nothing rendered");
    const direct = await renderScorecard(results, first.cityId, { ruleset, date: "2024-06-30" });
    expect(first.pdf.equals(direct)).toBe(true);
  });

  it("renders in this thread with workers: 0", async () => {
    const [id] = results.cities.map((c) => c.cityId);
    const out: string[] = [];
    for await (const { cityId, pdf } of renderScorecards(results, id === undefined ? [] : [id], { workers: 0 })) {
      out.push(cityId);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    expect(out).toEqual([id]);
  });

  it("stops its workers when the caller stops early", async () => {
    let seen = 0;
    for await (const _ of renderScorecards(results, undefined, { ruleset, workers: 2 })) {
      seen++;
      break;
    }
    expect(seen).toBe(1);
  });

  it("refuses unknown cities before starting", async () => {
    const iterator = renderScorecards(results, ["c01", "nowhere"], { workers: 2 });
    await expect(iterator.next()).rejects.toThrow(/no city "nowhere"/);
  });

  it("uses workers only when a batch is large enough and there is a second core", () => {
    expect(defaultWorkerCount(3, 8)).toBe(0);
    expect(defaultWorkerCount(100, 1)).toBe(0);
    expect(defaultWorkerCount(100, 2)).toBe(2);
    expect(defaultWorkerCount(100, 16)).toBe(4);
    expect(defaultWorkerCount(6, 8)).toBe(2);
  });

  it("starts the built worker as is, and the TypeScript one through tsx's loader", () => {
    expect(workerEntry("file:///pkg/dist/render-scorecards.js")).toEqual({
      kind: "module",
      url: new URL("file:///pkg/dist/scorecard-worker.js"),
    });
    const source = workerEntry(new URL("../src/render-scorecards.ts", import.meta.url).href);
    expect(source.kind).toBe("eval");
    if (source.kind === "eval") {
      expect(source.code).toContain("tsx.register()");
      expect(source.code).toContain("/src/scorecard-worker.ts");
      expect(source.code).toMatch(/tsx\/dist\/esm\/api\/index\.mjs/);
    }
  });
});
