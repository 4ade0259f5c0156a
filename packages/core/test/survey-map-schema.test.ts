/**
 * The JSON Schema editors use for survey maps (schemas/survey-map.schema.json) is the one
 * generated from the zod schema, accepts the maps in the repository and catches a typo as it is
 * typed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkSurveyMap, surveyMapJsonSchema } from "../src/index.js";
import { koboMap, wjxMap } from "./support/survey-exports.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(surveyMapJsonSchema());

/** Every survey map checked in: the demo's and the golden cases'. */
function repositoryMaps(): string[] {
  const cases = join(root, "fixtures/cases");
  const maps = readdirSync(cases)
    .map((name) => join(cases, name, "survey-map.yaml"))
    .filter((path) => {
      try {
        readFileSync(path);
        return true;
      } catch {
        return false;
      }
    });
  return [join(root, "fixtures/demo/exports/survey-map.yaml"), ...maps];
}

describe("the survey-map JSON Schema", () => {
  it("is checked in as generated (regenerate: npx tsx --conditions @civitas/source scripts/write-survey-map-schema.ts)", () => {
    expect(JSON.parse(readFileSync(join(root, "schemas/survey-map.schema.json"), "utf8"))).toEqual(surveyMapJsonSchema());
  });

  it.each(repositoryMaps().map((p) => [p.slice(root.length)]))("accepts %s, as the engine does", (path) => {
    const data = parse(readFileSync(join(root, path), "utf8"));
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(checkSurveyMap(data).ok).toBe(true);
  });

  it("accepts the test maps and refuses a typo in a question", () => {
    expect(validate(wjxMap({ screens: { minSeconds: 60, duplicateBy: ["来自IP"] } }))).toBe(true);
    expect(validate(koboMap())).toBe(true);
    expect(validate(wjxMap({ questions: { Q01: { colum: "3、", answers: { 满意: "B" } } } }))).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === "additionalProperties" && e.params.additionalProperty === "colum")).toBe(true);
  });
});
