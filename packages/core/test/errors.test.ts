/**
 * One error vocabulary: every failure that stops a run is a tagged error with a stable code
 * (FAILURE_CODES), thrown by the plain API and failed with by @civitas/core/effect; anything
 * else thrown is a defect, not a typed failure.
 */
import * as Cause from "effect/Cause";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import { describe, expect, it } from "vitest";
import { compareRoundsEffect, composeRoundsEffect, mergeShardsEffect, planImprovementsEffect, readResultsEffect } from "../src/effect.js";
import {
  type CivitasError,
  compareRounds,
  composeRounds,
  FAILURE_CODES,
  isCivitasError,
  MergeError,
  mergeShards,
  PlanError,
  planImprovements,
  type Results,
  RulesetError,
  parseRuleset,
  scoreRound,
  SurveyImportError,
} from "../src/index.js";
import { siteRow } from "./support/evidence-builders.js";
import { fieldStandard, ruleset, rulesetData } from "./support/ruleset-builders.js";

const rs = ruleset([fieldStandard()]);
const scored = (round: string, extra: Partial<Results> = {}) =>
  scoreRound({
    ruleset: rs,
    round,
    evidence: { cities: [{ city_id: "a", name: "甲市" }], sites: [siteRow("a", "m1", "market", { round })] },
  }).then((r): Results => ({ ...r, ...extra }));

/** The failure `run` throws, as the fields a caller reads. */
function thrown(run: () => unknown): Pick<CivitasError, "_tag" | "code" | "message"> {
  try {
    run();
  } catch (error) {
    if (!isCivitasError(error)) throw error;
    return { _tag: error._tag, code: error.code, message: error.message };
  }
  throw new Error("expected a failure");
}

describe("the failure vocabulary", () => {
  it("lists stable snake_case codes for every error", () => {
    for (const codes of Object.values(FAILURE_CODES)) for (const code of codes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(Object.keys(FAILURE_CODES)).toEqual([
      "EvidenceError",
      "RulesetError",
      "ResultsError",
      "ClosureError",
      "CompositeError",
      "MergeError",
      "PlanError",
      "SurveyImportError",
    ]);
  });

  it("gives an invalid survey map the tag SurveyImportError, code invalid_survey_map, every issue and the file and field of the first", () => {
    const error = SurveyImportError.invalidMap([
      { code: "unknown_column", path: ["questions", "Q01", "column"], file: "wjx.csv", message: 'no header is or starts with "3、"' },
    ]);
    expect({ tag: error._tag, code: error.code, file: error.file, field: error.field, listed: error.issues.length }).toEqual({
      tag: "SurveyImportError",
      code: "invalid_survey_map",
      file: "wjx.csv",
      field: "questions.Q01.column",
      listed: 1,
    });
    expect(isCivitasError(error)).toBe(true);
  });

  it("gives a refused rule set the tag RulesetError, code invalid_ruleset and the file of its first issue", () => {
    const error = new RulesetError([{ code: "syntax", path: [], file: "a.yaml", line: 3, message: "bad" }]);
    expect({ tag: error._tag, code: error.code, file: error.file, line: error.line, message: error.message }).toEqual({
      tag: "RulesetError",
      code: "invalid_ruleset",
      file: "a.yaml",
      line: 3,
      message: "invalid rule set: 1 problem(s)\na.yaml:3 (root): bad",
    });
    expect(() => parseRuleset({ ...rulesetData([fieldStandard()]), bogus: 1 })).toThrow(RulesetError);
  });

  it("says which rounds cannot be compared, combined or planned, each with its code", async () => {
    const a = await scored("2023");
    const other = { ...a, ruleset: { ...a.ruleset, id: "other" } };
    expect(thrown(() => compareRounds(a, other))).toEqual({
      _tag: "ClosureError",
      code: "different_rulesets",
      message: "cannot compare results of rule set test with results of rule set other",
    });
    expect(thrown(() => composeRounds([]))).toMatchObject({ _tag: "CompositeError", code: "no_rounds" });
    expect(thrown(() => composeRounds([{ results: a }, { results: a }]))).toEqual({
      _tag: "CompositeError",
      code: "duplicate_round",
      message: "round 2023 is given twice; each round counts once",
    });
    expect(thrown(() => planImprovements(a, 1.5))).toMatchObject({ _tag: "PlanError", code: "target_out_of_range" });
    expect(thrown(() => planImprovements(a, "platinum"))).toEqual({
      _tag: "PlanError",
      code: "unknown_grade",
      message: 'unknown grade "platinum"; grades: excellent, pass, fail',
    });
  });

  it("names why shard results cannot be merged", async () => {
    const unsharded = await scored("2024");
    const shard = (index: number, count: number, extra: Partial<Results> = {}): Results => ({
      ...unsharded,
      shard: { index, count },
      ...extra,
    });
    const codeOf = (shards: Results[]) => thrown(() => mergeShards(shards)).code;
    expect(codeOf([])).toBe("nothing_to_merge");
    expect(codeOf([unsharded])).toBe("not_sharded");
    expect(codeOf([shard(0, 2), shard(1, 3)])).toBe("mixed_shards");
    expect(codeOf([shard(1, 2), shard(1, 2)])).toBe("duplicate_shard");
    expect(codeOf([shard(0, 2), shard(1, 2, { round: "2023" })])).toBe("different_rounds");
    expect(codeOf([shard(0, 2), shard(1, 2, { ruleset: { ...unsharded.ruleset, hash: "sha256:0" } })])).toBe("different_rulesets");
    expect(codeOf([shard(0, 2), shard(1, 2, { inputs: { ...unsharded.inputs, files: [] } })])).toBe("different_evidence");
    expect(thrown(() => mergeShards([shard(0, 3), shard(1, 3)]))).toEqual({
      _tag: "MergeError",
      code: "missing_shards",
      message: "missing shard(s): 2/3",
    });
  });
});

describe("@civitas/core/effect", () => {
  const failureOf = async <A, E>(effect: Effect.Effect<A, E>) => {
    const exit = await Effect.runPromiseExit(effect);
    if (Exit.isSuccess(exit)) throw new Error("expected a failure");
    return Cause.findErrorOption(exit.cause);
  };

  it("fails with the tagged error the plain function throws, narrowed with catchTag", async () => {
    const a = await scored("2023");
    const code = await Effect.runPromise(
      mergeShardsEffect([a]).pipe(
        Effect.map(() => "merged"),
        Effect.catchTag("MergeError", (error) => Effect.succeed(error.code)),
      ),
    );
    expect(code).toBe("not_sharded");
    const plan = await failureOf(planImprovementsEffect(a, "platinum"));
    expect(plan._tag === "Some" && plan.value).toBeInstanceOf(PlanError);
    const composite = await failureOf(composeRoundsEffect([]));
    expect(composite._tag === "Some" && composite.value._tag).toBe("CompositeError");
    const closure = await failureOf(compareRoundsEffect(a, { ...a, ruleset: { ...a.ruleset, id: "x" } }));
    expect(closure._tag === "Some" && closure.value.code).toBe("different_rulesets");
    const results = await failureOf(readResultsEffect({ round: 1 }));
    expect(results._tag === "Some" && results.value).toMatchObject({ _tag: "ResultsError", code: "invalid_results" });
  });

  it("keeps a bug a defect, not a typed failure", async () => {
    const exit = await Effect.runPromiseExit(mergeShardsEffect([null as unknown as Results]));
    expect(Exit.isFailure(exit) && Cause.hasDies(exit.cause)).toBe(true);
    expect(Exit.isFailure(exit) && Cause.findErrorOption(exit.cause)._tag).toBe("None");
    expect(new MergeError({ code: "missing_shards", message: "x" })).toBeInstanceOf(Error);
  });
});
