/**
 * Hostile rule-set input is refused clearly and quickly: custom tags, alias bombs, huge files,
 * operators outside the list; random and mutated input never throws anything but issues.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRuleset, readRulesetText } from "../src/index.js";
import { fieldStandard, leaf, rulesetData, veto } from "./support/ruleset-builders.js";

describe("rule-set text", () => {
  it("refuses a billion-laughs alias bomb by its size, without expanding it", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(", ")}]`,
      );
    const read = readRulesetText(levels.join("\n"));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]?.code).toBe("too_large");
  });

  it("refuses custom tags", () => {
    const read = readRulesetText("id: !!js/function 'function () {}'\nversion: !custom 1\n");
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues.every((i) => i.code === "syntax" && i.line !== undefined)).toBe(true);
  });

  it.each([
    ["!!timestamp 2020-01-01", "a Date value is not plain data"],
    ["!!set { a, b }", "a Set value is not plain data"],
    ["!!omap [ { a: 1 } ]", "a Map value is not plain data"],
    ["!!binary aGVsbG8=", "value is not plain data"],
    [".inf", "the number Infinity is not plain data"],
  ])("refuses %s, which is not plain data (and would hash as {})", (value, what) => {
    const read = readRulesetText(`id: x\nconditions:\n  all:\n    - { fact: f, operator: equal, value: ${value} }\n`);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.issues).toHaveLength(1);
      expect(read.issues[0]).toMatchObject({ code: "syntax", path: ["conditions", "all", 0, "value"], line: 4 });
      expect(read.issues[0]?.message).toContain(what);
    }
  });

  it("refuses a file over the size bound", () => {
    const read = readRulesetText(`title: "${"x".repeat(5 * 1024 * 1024)}"`);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]?.code).toBe("too_large");
  });

  it("refuses duplicate keys with their line", () => {
    const read = readRulesetText("id: a\nid: b\n");
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]).toMatchObject({ code: "syntax", line: 2 });
  });

  it("locates a path at its line and column", () => {
    const read = readRulesetText("id: a\ncategories:\n  - id: C1\n    name: x\n");
    expect(read.ok && read.value.locate(["categories", 0, "name"])).toEqual({ line: 4, column: 11 });
  });
});

describe("conditions", () => {
  it("name an operator outside the list as a validation error at its path", () => {
    const result = checkRuleset(
      rulesetData([fieldStandard()], {
        adjustments: [veto("V1", { all: [leaf("x", "regex", ".*")] })],
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toContainEqual(
        expect.objectContaining({
          code: "bad_condition",
          path: ["adjustments", 0, "conditions", "all", 0, "operator"],
          message: expect.stringContaining('"regex"'),
        }),
      );
    }
  });
});

describe("fuzzing rule-set validation", () => {
  it("never throws on random data: it returns a rule set or issues with paths", () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const result = checkRuleset(data);
        if (!result.ok) for (const issue of result.issues) expect(Array.isArray(issue.path)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on a valid rule set with one value replaced by random data", () => {
    const base = rulesetData([fieldStandard()], {
      adjustments: [veto("V1", { all: [leaf("x", "equal", 1)] })],
    });
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, [...path, i]);
      } else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.anything(), (path, replacement) => {
        const data = structuredClone(base) as Record<string | number, unknown>;
        let node: Record<string | number, unknown> = data;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path[path.length - 1] as string | number] = replacement;
        const result = checkRuleset(data);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const read = readRulesetText(text);
        if (read.ok) checkRuleset(read.value.data);
      }),
      { numRuns: 300 },
    );
  });
});
