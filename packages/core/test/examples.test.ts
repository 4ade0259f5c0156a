/**
 * The examples of examples/ run and print what they promise; the Effect entry point gives
 * typed failures instead of exceptions.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import { describe, expect, it } from "vitest";
import { parseRulesetEffect, scoreRoundEffect } from "../src/effect.js";
import { fieldStandard, rulesetData } from "./support/ruleset-builders.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("examples", () => {
  it("in-memory-ranking prints a ranking", () => {
    const output = execFileSync(process.execPath, ["--conditions=@civitas/source", "--import", "tsx", "examples/in-memory-ranking.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(output.trim().split("\n")).toEqual(["1\t杭州市\t44/50\t88.0%\tpass", "2\t宁波市\t30/50\t60.0%\tfail"]);
  });

  it("import-survey imports a 问卷星 export, screens a speeder, rejects an unknown city and prints each rate with its interval", () => {
    const output = execFileSync(process.execPath, ["--conditions=@civitas/source", "--import", "tsx", "examples/import-survey.ts"], {
      cwd: root,
      encoding: "utf8",
    });
    // 杭州: A, C, A, D, B → 3/5 → 20 × (0.6 − 0.5) / 0.4 = 5; 宁波: B, B, C → 2/3 → 20 × 0.1667 / 0.4 = 8.33
    expect(output.trim().split("\n")).toEqual([
      "written 8, screened 1, rejected 1",
      "杭州市\t60.0% (23.1%–88.2%, n = 5)\t5.00",
      "宁波市\t66.7% (20.8%–93.9%, n = 3)\t8.33",
    ]);
  });
});

describe("@civitas/core/effect", () => {
  it("fails with a RulesetError listing every issue", async () => {
    const exit = await Effect.runPromiseExit(parseRulesetEffect({ ...rulesetData([fieldStandard({ points: -1 })]), bogus: 1 }));
    expect(Exit.isFailure(exit)).toBe(true);
    if (Exit.isFailure(exit)) {
      const error = exit.cause.toString();
      expect(error).toContain("RulesetError");
    }
  });

  it("fails with an EvidenceError when cities are missing, and scores otherwise", async () => {
    const ruleset = await Effect.runPromise(parseRulesetEffect(rulesetData([fieldStandard()])));
    const failed = await Effect.runPromise(
      scoreRoundEffect({ ruleset, round: "2024", evidence: {} }).pipe(Effect.catchTag("EvidenceError", (e) => Effect.succeed(e.code))),
    );
    expect(failed).toBe("missing_cities");
    const results = await Effect.runPromise(
      scoreRoundEffect({ ruleset, round: "2024", evidence: { cities: [{ city_id: "a", name: "甲" }] } }),
    );
    expect(results.cities.map((c) => c.cityId)).toEqual(["a"]);
  });
});
