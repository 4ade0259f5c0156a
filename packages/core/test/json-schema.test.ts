/**
 * The JSON Schema editors use (`civitas ruleset schema`, rulesets/schema.json) agrees with the
 * engine on the released rule sets, and catches a typo in a patch entry as it is typed.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { rulesetJsonSchema } from "../src/index.js";

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(rulesetJsonSchema());
const released = ["national/2021.1.0.yaml", "national/2024.1.0.yaml", "local/hangzhou/2024.1.0.yaml"];
const data = (path: string) =>
  parse(readFileSync(new URL(`../../../rulesets/${path}`, import.meta.url), "utf8")) as Record<string, unknown>;

describe("the rule-set JSON Schema", () => {
  it.each(released)("accepts the released %s", (path) => {
    expect(validate(data(path)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it("refuses a typo in a patch entry, and a patch entry without an id", () => {
    const overlay = data("local/hangzhou/2024.1.0.yaml");
    expect(validate({ ...overlay, patch: { standards: [{ id: "S4.1.1", pionts: 40 }] } })).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === "additionalProperties" && e.params.additionalProperty === "pionts")).toBe(true);
    expect(validate({ ...overlay, patch: { standards: [{ points: 40 }] } })).toBe(false);
    expect(validate({ ...overlay, patch: { standards: [{ id: "S4.1.1", points: 40 }] } })).toBe(true);
  });
});
